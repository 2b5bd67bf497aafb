import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runRegisterExport } from '../../src/cli/register-export';
import { createLocalComposition } from '../../src/composition/local';
import { brusselsDate } from '../../src/domain/lifecycle';
import { AN, ELS, OWNER, startIntakeTenant } from '../intake/support/front';
import type { IntakeTenant } from '../intake/support/front';
import { driveDossier, recordBothVersionsMail } from '../intake/support/flow';
import { tinyPdf } from '../intake/support/files';

/**
 * Lifecycle (issue 16): the Chief Statistician revokes a published protocol through the command service;
 * the register's row carries the revocation date and `register:export` (replaying the event log) keeps the
 * protocol on the public register as "Ingetrokken op <datum>".
 */
describe('a revoked protocol through the service and the public register', () => {
  let tenant: IntakeTenant;
  let out: string;
  const today = brusselsDate(new Date().toISOString());

  beforeAll(async () => {
    tenant = await startIntakeTenant();
    await driveDossier(tenant, 'VSA-2026-0001', 'signed', 'protocol-ondertekend.docx', 'PROT-2026-001', 'service');
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
    out = await mkdtemp(join(tmpdir(), 'register-revoked-'));
  }, 90_000);
  afterAll(async () => {
    await tenant?.close();
    if (out) await rm(out, { recursive: true, force: true });
  });

  it('only the Chief Statistician revokes; the row and the exported register show the date, not the reason', async () => {
    const team = tenant.as(AN);
    const refused = await team.data.commands.execute('VSA-2026-0001', { type: 'revokeProtocol', commandId: 'rev-team', date: today, reason: 'x' }, await team.data.directory.currentActor());
    expect(!refused.ok && refused.errors.map((error) => error.code)).toEqual(['dossier.error.forbidden']);

    const chief = tenant.as(ELS);
    const revoked = await chief.data.commands.execute(
      'VSA-2026-0001', { type: 'revokeProtocol', commandId: 'rev-1', date: today, reason: 'Vertrouwelijke reden van de intrekking.' }, await chief.data.directory.currentActor()
    );
    if (!revoked.ok) throw new Error(JSON.stringify(revoked.errors));
    expect(revoked.dossier).toMatchObject({ state: 'published', revocation: { date: today } });

    const page = await tenant.as(OWNER).data.dossiers.readRegisterPage({ referencePrefix: 'VSA-2026-0001' });
    expect(page.rows.map((row) => [row.reference, row.state, row.revokedOn])).toEqual([['VSA-2026-0001', 'published', today]]);

    const report = await runRegisterExport({ baseUrl: tenant.baseUrl, userEmail: OWNER, outDir: out, copyPdfs: false, now: '2026-11-26T12:00:00.000Z' });
    expect(report).toMatchObject({ protocols: 1, skipped: [] });
    const html = await readFile(join(out, 'register.html'), 'utf8');
    expect(html).toContain(`Ingetrokken op <time datetime="${today}">`);
    const json = JSON.parse(await readFile(join(out, 'register.json'), 'utf8')) as { protocols: { number: string; revokedOn?: string }[] };
    expect(json.protocols).toEqual([expect.objectContaining({ number: 'PROT-2026-001', revokedOn: today })]);
    expect(await readFile(join(out, 'register.json'), 'utf8')).not.toContain('Vertrouwelijke reden');
  });
});
