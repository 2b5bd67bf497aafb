import Ajv from 'ajv';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import '@pnp/sp/webs';
import '@pnp/sp/lists';
import '@pnp/sp/items';
import { runRegisterExport, skippedLines } from '../../src/cli/register-export';
import { DossierColumn, EventColumn, LIST_DOSSIERS, LIST_EVENTS } from '../../src/data/schema';
import { registerJsonSchema } from '../../src/publication';
import { AN, OWNER, startIntakeTenant } from '../intake/support/front';
import type { IntakeTenant } from '../intake/support/front';
import { driveDossier, recordBothVersionsMail } from '../intake/support/flow';
import { tinyPdf } from '../intake/support/files';
import { createLocalComposition } from '../../src/composition/local';
import { LOCAL_SERVICE_LOGIN } from '../../src/composition/localTenantIdentity';

/**
 * `register:export` reads the event log, not the mutable `Dossiers` list (issue 12). The command
 * service's own identity stores every transition in the personas' names (the trusted writer), then the
 * site owner tampers with the `Dossiers` list and the log the way a member with write access could before.
 */
describe('register:export follows the event log', () => {
  let tenant: IntakeTenant;
  let out: string;

  beforeAll(async () => {
    tenant = await startIntakeTenant();
    await driveDossier(tenant, 'VSA-2026-0001', 'signed', 'protocol-ondertekend.docx', 'PROT-2026-001', 'service');
    await driveDossier(tenant, 'VSA-2026-0002', 'formsRequested', undefined, undefined, 'service');
    const service = createLocalComposition({ baseUrl: tenant.baseUrl, app: 'service', commandsVia: 'direct', messaging: false }).data;
    await service.documents.ensureFolder('VSA-2026-0001');
    const stored = await service.documents.upload('VSA-2026-0001', 'protocol-publicatie.pdf', tinyPdf(), { kind: 'publicationVersion', phase: 'publication' });
    await recordBothVersionsMail(tenant.as(AN), 'VSA-2026-0001', stored.fileName);
    const published = await service.commands.execute(
      'VSA-2026-0001',
      { type: 'publish', commandId: 'pub-1', publicationDocument: { id: stored.id, kind: 'publicationVersion', fileName: stored.fileName, version: stored.version } },
      await tenant.as(AN).data.directory.currentActor()
    );
    if (!published.ok) throw new Error(JSON.stringify(published.errors));
    out = await mkdtemp(join(tmpdir(), 'register-log-'));
  }, 90_000);
  afterAll(async () => {
    await tenant?.close();
    if (out) await rm(out, { recursive: true, force: true });
  });

  it('a deleted item stays on the register, a rewritten state adds nothing, an unreadable dossier is skipped and listed', async () => {
    const owner = tenant.as(OWNER);
    const dossiers = owner.sp.web.lists.getByTitle(LIST_DOSSIERS);
    const [published] = (await dossiers.items.select('Id').filter(`Title eq 'VSA-2026-0001'`)()) as { Id: number }[];
    const [other] = (await dossiers.items.select('Id').filter(`Title eq 'VSA-2026-0002'`)()) as { Id: number }[];
    await dossiers.items.getById(published.Id).delete();
    await dossiers.items.getById(other.Id).update({ [DossierColumn.State]: 'published', [DossierColumn.ProtocolNumber]: 'PROT-2026-099' });
    const before = await runRegisterExport({ baseUrl: tenant.baseUrl, userEmail: OWNER, outDir: join(out, 'before'), copyPdfs: false, now: '2026-11-26T12:00:00.000Z' });
    expect(before).toMatchObject({ protocols: 1, addenda: 0, skipped: [] });

    // A `Published` event whose payload is not JSON: found through the log's type column, unreadable on replay.
    await owner.sp.web.lists.getByTitle(LIST_EVENTS).items.add({
      [EventColumn.EventType]: 'Published',
      [EventColumn.EventId]: 'broken-publish:0',
      [EventColumn.DossierReference]: 'VSA-2026-0002',
      [EventColumn.Sequence]: 99,
      [EventColumn.Payload]: '{not json'
    });
    const report = await runRegisterExport({ baseUrl: tenant.baseUrl, userEmail: OWNER, outDir: join(out, 'after'), copyPdfs: false, now: '2026-11-26T12:00:00.000Z' });
    expect(report).toMatchObject({ protocols: 1, addenda: 0 });
    expect(report.skipped).toEqual([{ reference: 'VSA-2026-0002', code: 'data.error.unreadableEvent', reason: expect.stringContaining('unreadable') }]);
    expect(skippedLines(report.skipped)[0]).toMatch(/^overgeslagen \(skipped\): VSA-2026-0002 — data\.error\.unreadableEvent: /);
    const json = JSON.parse(await readFile(join(out, 'after', 'register.json'), 'utf8')) as { protocols: { number: string }[] };
    expect(json.protocols.map((p) => p.number)).toEqual(['PROT-2026-001']);
    expect(new Ajv({ allErrors: true }).compile(registerJsonSchema as object)(json)).toBe(true);
  });

  it('events stored in someone else\'s name by a writer that is not trusted are skipped as tampered; the service\'s are trusted', async () => {
    const report = await runRegisterExport({
      baseUrl: tenant.baseUrl, userEmail: OWNER, outDir: join(out, 'trusted'), copyPdfs: false, now: '2026-11-26T12:00:00.000Z',
      trustedWriters: [`i:0#.f|membership|${OWNER}`]
    });
    // The service wrote every event in the personas' names; with only the owner trusted, none of them counts.
    expect(report.protocols).toBe(0);
    expect(report.skipped.map((s) => [s.reference, s.code])).toEqual([
      ['VSA-2026-0001', 'data.error.tampered'],
      ['VSA-2026-0002', 'data.error.unreadableEvent']
    ]);
    const trusted = await runRegisterExport({
      baseUrl: tenant.baseUrl, userEmail: OWNER, outDir: join(out, 'service'), copyPdfs: false, now: '2026-11-26T12:00:00.000Z', trustedWriters: [LOCAL_SERVICE_LOGIN]
    });
    expect(trusted.protocols).toBe(1);
  });
});
