/**
 * The `Bevindingen` list against the in-process local tenant: provisioned with its view, written only by
 * the command service's projection (one item per finding, idempotent, never back to an older revision,
 * duplicates removed), read by every VSA group, and filled by the service after a draft registration.
 */
import { createLocalComposition } from '../../../src/composition/local';
import { hasDataErrorCode } from '../../../src/data/errors';
import { findingItemTitle } from '../../../src/data/sharepoint/findingsStore';
import { FindingColumn, LIST_FINDINGS, listSpec } from '../../../src/data/schema';
import type { Command } from '../../../src/domain';
import type { DossierFinding } from '../../../src/domain/findings';
import { sampleForm } from '../../app/support';
import { assignCommand, registerCommand } from '../support/fixtures';
import { AN, as, ELS, OWNER, SOFIE, startTenant } from '../support/tenant';
import type { RunningTenant } from '../support/tenant';

type Fields = Record<string, unknown>;

const person = { id: 'an.peeters@vsa.local', displayName: 'An Peeters' };

function finding(id: string, overrides: Partial<DossierFinding> = {}): DossierFinding {
  return {
    id,
    documentKind: 'aanvraagformulier',
    fieldId: 'project.titel',
    origin: 'reviewer',
    text: 'Verduidelijk de titel.',
    author: person,
    audience: 'requester',
    severity: 'warning',
    firstSeenVersion: '1.0',
    lastSeenVersion: '1.0',
    status: 'open',
    createdAt: '2026-06-01T10:00:00.000Z',
    history: [{ status: 'open', at: '2026-06-01T10:00:00.000Z', by: person }],
    revision: 1,
    ...overrides
  };
}

describe('the Bevindingen list against the local tenant', () => {
  let tenant: RunningTenant;
  const service = () => createLocalComposition({ baseUrl: tenant.baseUrl, app: 'service', commandsVia: 'direct', messaging: false }).data;

  beforeAll(async () => {
    tenant = await startTenant();
    await as(tenant, OWNER).data.provisioner.ensureAll();
  });
  afterAll(async () => tenant?.close());

  it('is provisioned with its indexed dossier column and the view "Open voor de aanvrager"', async () => {
    const list = as(tenant, OWNER).sp.web.lists.getByTitle(LIST_FINDINGS);
    const fields = (await list.fields.select('InternalName', 'Indexed')()) as unknown as Fields[];
    expect(fields.find((f) => f.InternalName === FindingColumn.DossierReference)?.Indexed).toBe(true);
    for (const column of listSpec(LIST_FINDINGS).columns) expect(fields.map((f) => f.InternalName)).toContain(column.internalName);
    const views = (await list.views.select('Title', 'ViewQuery')()) as unknown as Fields[];
    const open = views.find((v) => v.Title === 'Open voor de aanvrager');
    expect(String(open?.ViewQuery)).toContain('<Value Type="Choice">open</Value>');
    expect(String(open?.ViewQuery)).toContain('<Value Type="Choice">requester</Value>');
  });

  it('projects one item per finding, idempotently; updates changed ones, never back to an older revision', async () => {
    const store = service().findings;
    const reference = 'VSA-2026-0101';
    const first = [finding('R-1'), finding('R-2', { audience: 'internal', text: 'Alleen voor het team.' }), finding('check:aanvraagformulier:required:project.einddatum', { origin: 'check', checkId: 'required', severity: 'blocking', fieldId: 'project.einddatum' })];
    expect(await store.project(reference, first)).toEqual({ created: 3, updated: 0, removed: 0 });
    expect(await store.project(reference, first)).toEqual({ created: 0, updated: 0, removed: 0 });
    // Another dossier's findings with the same automatic id are its own items.
    expect(await store.project('VSA-2026-0102', [first[2]])).toEqual({ created: 1, updated: 0, removed: 0 });

    const resolved = finding('R-1', { status: 'resolved', revision: 2, history: [...first[0].history, { status: 'resolved', at: '2026-06-02T10:00:00.000Z', by: { id: 'x', displayName: 'Sofie Janssens' } }] });
    const seenAgain = { ...first[2], lastSeenVersion: '2.0' };
    expect(await store.project(reference, [resolved, first[1], seenAgain])).toEqual({ created: 0, updated: 2, removed: 0 });
    // A slower run with an older revision of R-1 does not set the item back.
    expect(await store.project(reference, [first[0], first[1], seenAgain])).toEqual({ created: 0, updated: 0, removed: 0 });

    const read = await as(tenant, ELS).data.findings.findingsOf(reference);
    expect(read.map((f) => [f.id, f.status, f.revision, f.lastSeenVersion])).toEqual([
      ['R-1', 'resolved', 2, '1.0'],
      ['R-2', 'open', 1, '1.0'],
      ['check:aanvraagformulier:required:project.einddatum', 'open', 1, '2.0']
    ]);
    expect(read[0]).toMatchObject({ dossierReference: reference, documentKind: 'aanvraagformulier', fieldId: 'project.titel', origin: 'reviewer', authorName: 'An Peeters', audience: 'requester', severity: 'warning' });
    expect(read[0].history).toEqual([
      { status: 'open', at: '2026-06-01T10:00:00.000Z', by: 'An Peeters' },
      { status: 'resolved', at: '2026-06-02T10:00:00.000Z', by: 'Sofie Janssens' }
    ]);
    expect(JSON.stringify(read)).not.toContain('@');
    expect(read[2]).toMatchObject({ origin: 'check', checkId: 'required', severity: 'blocking' });
  });

  it('removes a duplicate item and rebuilds a lost one', async () => {
    const reference = 'VSA-2026-0103';
    const store = service().findings;
    await store.project(reference, [finding('R-9')]);
    const list = as(tenant, OWNER).sp.web.lists.getByTitle(LIST_FINDINGS);
    await list.items.add({ Title: 'R-9', [FindingColumn.DossierReference]: reference, [FindingColumn.Status]: 'open', [FindingColumn.Revision]: 1 });
    const items = (await list.items.select('Id', 'Title').filter(`${FindingColumn.DossierReference} eq '${reference}'`)()) as unknown as Fields[];
    expect(items).toHaveLength(2);
    expect(await store.project(reference, [finding('R-9')])).toEqual({ created: 0, updated: 0, removed: 1 });
    await list.items.getById(Number(items[0].Id)).delete();
    expect(await store.project(reference, [finding('R-9')])).toEqual({ created: 1, updated: 0, removed: 0 });
    expect((await store.findingsOf(reference)).map((f) => f.id)).toEqual(['R-9']);
  });

  it('keeps a finding id longer than a title apart from another with the same start', async () => {
    const reference = 'VSA-2026-0104';
    const long = `check:aanvraagformulier:protocolNumber:protocol.nummer:${'x'.repeat(300)}`;
    const store = service().findings;
    await store.project(reference, [finding(`${long}a`), finding(`${long}b`)]);
    const titles = (await store.findingsOf(reference)).map((f) => f.id);
    expect(titles).toEqual([findingItemTitle(`${long}a`), findingItemTitle(`${long}b`)]);
    expect(titles[0]).not.toBe(titles[1]);
    expect(titles[0].length).toBeLessThanOrEqual(255);
    expect(await store.project(reference, [finding(`${long}a`), finding(`${long}b`)])).toEqual({ created: 0, updated: 0, removed: 0 });
  });

  it('is read by the VSA groups and refuses their writes', async () => {
    const store = as(tenant, AN).data.findings;
    expect(await store.findingsOf('VSA-2026-0101')).toHaveLength(3);
    const error = await store.project('VSA-2026-0101', [finding('R-forged')]).catch((e: unknown) => e);
    expect(hasDataErrorCode(error, 'data.error.accessDenied')).toBe(true);
  });

  it('is filled by the command service after a draft registration (automatic findings of the forms)', async () => {
    const { data } = as(tenant, AN);
    const actor = await data.directory.currentActor();
    const reference = 'VSA-2026-0001';
    expect((await data.commands.execute(reference, registerCommand(reference, 'reg-findings'), actor)).ok).toBe(true);
    expect((await data.commands.execute(reference, assignCommand('assign-findings'), actor)).ok).toBe(true);
    const sofie = as(tenant, SOFIE).data;
    expect((await sofie.commands.execute(reference, { type: 'requestForms', commandId: 'forms-findings', procedure: 'standard' } as Command, await sofie.directory.currentActor())).ok).toBe(true);
    // A signed draft: the check finds the signature blocking in a draft.
    const pointers = [];
    for (const kind of ['aanvraagformulier', 'verklaringTOM', 'protocol'] as const) {
      const bytes = await sampleForm(kind, kind === 'aanvraagformulier' ? 'wettelijk vertegenwoordiger' : undefined, `${kind}.docx`);
      const stored = await data.documents.upload(reference, `${kind}.docx`, bytes, { kind, phase: 'draft' });
      pointers.push({ id: stored.id, kind, fileName: stored.fileName, version: stored.version });
    }
    const outcome = await data.commands.execute(reference, { type: 'registerDraftDocuments', commandId: 'drafts-findings', documents: pointers } as unknown as Command, actor);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.errors));
    expect(outcome.reactionErrors).toEqual([]);
    const findings = outcome.dossier.findings;
    expect(findings.some((f) => f.checkId === 'signatureDraft' && f.status === 'open')).toBe(true);
    const items = await data.findings.findingsOf(reference);
    expect(items.map((item) => item.id).sort()).toEqual(findings.map((f) => findingItemTitle(f.id)).sort());
    expect(items.every((item) => item.status === 'open' && item.origin === 'check')).toBe(true);
  });
});
