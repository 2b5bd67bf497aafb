import { PDFDocument } from 'pdf-lib';
import { seed, seedIfEmpty } from '../../../src/local/seed';
import { STATE_MIX } from '../../../src/local/seed/plan';
import { nonIndexedQueries, startQueryAudit } from '../support/queryAudit';
import type { AuditedQuery } from '../support/queryAudit';
import { as, AN, ELS, OWNER, startTenant } from '../support/tenant';
import { LIST_FINDINGS } from '../../../src/data/schema';
import { createDocumentChecks } from '../../../src/app/registerChecks';
import { loadFormsEngine } from '../../../src/app/formsEngine';
import type { RunningTenant } from '../support/tenant';
import { planDossiers } from '../../../src/local/seed/plan';
import { SeededRandom } from '../../../src/local/seed/random';
import { findingProgress, openRequesterFindings } from '../../../src/domain/findings';

describe('seeding the local tenant through the command service', () => {
  let tenant: RunningTenant;
  let report: Awaited<ReturnType<typeof seed>>;
  let queries: AuditedQuery[] = [];
  const progress: { done: number; total: number }[] = [];
  beforeAll(async () => {
    tenant = await startTenant();
    const audit = startQueryAudit();
    try {
      report = await seed({ baseUrl: tenant.baseUrl, now: new Date('2026-11-25T12:00:00Z'), onProgress: (step) => progress.push(step) });
    } finally {
      audit.stop();
    }
    queries = audit.queries;
  }, 120000);

  it('never sent a list query that filters or sorts on a non-indexed column (all commands, lookups, documents)', () => {
    expect(queries.length).toBeGreaterThan(report.commands);
    // The event reads only travel inside $batch bodies: seeing them proves the batch parts were audited.
    const batchedEventReads = queries.filter((q) => q.list === 'Dossiergebeurtenissen' && q.filterColumns.includes('DossierReference'));
    expect(batchedEventReads.length).toBeGreaterThanOrEqual(report.commands);
    expect(nonIndexedQueries(queries).map((q) => q.url)).toEqual([]);
  });
  afterAll(async () => tenant?.close());

  it('creates at least 40 dossiers, in every state, as many per state as planned', async () => {
    expect(report.dossiers).toBeGreaterThanOrEqual(40);
    const { data } = as(tenant, AN);
    const rows = (await data.dossiers.readRegisterPage({ pageSize: 5000, orderBy: 'oldest' })).rows;
    expect(rows).toHaveLength(report.dossiers);
    const perState = new Map<string, number>();
    rows.forEach((row) => perState.set(row.state, (perState.get(row.state) ?? 0) + 1));
    for (const [state, count] of STATE_MIX) expect([state, perState.get(state)]).toEqual([state, count]);
  });

  it('decides some approvals with conditions after an advice with conditions; the rows carry their follow-up (SharePoint REST and Graph)', async () => {
    const { conditionFollowUp } = await import('../../../src/domain/conditionFollowUp');
    const { overdueConditions } = await import('../../../src/domain/advice');
    const { GraphDossierStore } = await import('../../../src/data/graph/graphDossierStore');
    const { GraphSite } = await import('../../../src/data/graph/graphSite');
    const { data, graph, siteUrl } = as(tenant, AN);
    const rows = (await data.dossiers.readRegisterPage({ pageSize: 5000, orderBy: 'oldest' })).rows;
    const following = rows.filter((row) => (row.openConditions ?? 0) > 0);
    expect(following.length).toBeGreaterThanOrEqual(3);
    const dossiers = [];
    for (const row of rows) {
      const dossier = (await data.readModel.loadDossierDetail(row.reference)).dossier!;
      if (dossier.conditions.length === 0) continue;
      dossiers.push(dossier);
      expect(dossier.decision?.outcome).toBe('approvedWithConditions');
      expect(dossier.advice?.outcome).toBe('favourableWithConditions');
      const recommended = (dossier.advice?.criteria ?? []).map((criterion) => criterion.recommendedCondition?.text).filter(Boolean);
      for (const condition of dossier.conditions) expect(recommended).toContain(condition.text);
      const followUp = conditionFollowUp(dossier.conditions);
      expect([row.openConditions ?? 0, row.nextConditionDue]).toEqual([followUp.open, followUp.nextDue]);
    }
    expect(dossiers).toHaveLength(4);
    const all = dossiers.flatMap((dossier) => dossier.conditions);
    expect(overdueConditions(all, '2026-11-25').length).toBeGreaterThanOrEqual(1);
    expect(all.filter((condition) => condition.status === 'met').map((condition) => condition.met?.evidence)).toEqual([expect.stringContaining('Levering nagekeken')]);
    expect(all.filter((condition) => condition.personal)).toHaveLength(1);
    const graphRows = (await new GraphDossierStore(new GraphSite(graph, siteUrl)).readRegisterPage({ pageSize: 5000, orderBy: 'oldest' })).rows;
    expect(graphRows.map((row) => [row.reference, row.openConditions, row.nextConditionDue])).toEqual(rows.map((row) => [row.reference, row.openConditions, row.nextConditionDue]));
  }, 60000);

  it('reports its progress once per dossier, from 0 to the planned total (the start-up pages show it)', () => {
    expect(progress).toHaveLength(report.dossiers + 1);
    expect(progress.map((step) => step.done)).toEqual(Array.from({ length: report.dossiers + 1 }, (_, index) => index));
    expect(new Set(progress.map((step) => step.total))).toEqual(new Set([report.dossiers]));
  });

  it('stores genuine events: every projection equals the replay of its log, spread over 14 months', async () => {
    const { data } = as(tenant, AN);
    const rows = (await data.dossiers.readRegisterPage({ pageSize: 5000, orderBy: 'oldest' })).rows;
    let events = 0;
    let earliest = '9999';
    for (const row of rows) {
      const detail = await data.readModel.loadDossierDetail(row.reference);
      expect(detail.missingFromLog).toEqual([]);
      expect(detail.dossier?.state).toBe(row.state);
      expect(detail.stream.projection?.eventCount).toBe(detail.events.length);
      detail.events.forEach((e, i) => expect(e.sequence).toBe(i + 1));
      events += detail.events.length;
      earliest = detail.events[0].event.at < earliest ? detail.events[0].event.at : earliest;
    }
    expect(events).toBeGreaterThanOrEqual(report.commands);
    expect(earliest < '2025-11-25').toBe(true);
    expect(earliest >= '2025-09-24').toBe(true);
  }, 60000);

  it('runs the review loop as the service does: defective drafts carry automatic findings, a redraft addresses them, deliberation overrides the rest on the record', async () => {
    const { data } = as(tenant, AN);
    const rows = (await data.dossiers.readRegisterPage({ pageSize: 5000, orderBy: 'oldest' })).rows;
    const statuses = new Map<string, number>();
    let waivedWithReason = 0;
    for (const row of rows) {
      const dossier = (await data.readModel.loadDossierDetail(row.reference)).dossier!;
      for (const finding of dossier.findings) {
        expect(finding.origin === 'check' ? finding.id.startsWith(`check:${finding.documentKind}:`) : true).toBe(true);
        statuses.set(finding.status, (statuses.get(finding.status) ?? 0) + 1);
        if (finding.status === 'waived' && (finding.waivedReason ?? '').length > 0) waivedWithReason += 1;
      }
      // Past deliberation no requester finding is left open: each was handled or overridden with a reason.
      if (['deliberation', 'awaitingDecision', 'awaitingSignatures', 'awaitingCountersignature', 'signed', 'published', 'delivered', 'rejected'].includes(row.state)) {
        expect(dossier.findings.filter((finding) => finding.audience === 'requester' && finding.status === 'open')).toEqual([]);
      }
    }
    expect(statuses.get('open') ?? 0).toBeGreaterThan(0);
    expect(statuses.get('addressed') ?? 0).toBeGreaterThan(0);
    expect(waivedWithReason).toBeGreaterThan(0);
  }, 60000);

  it('stores documents generated from the templates, some with blocking findings', async () => {
    const { data } = as(tenant, AN);
    const delivered = (await data.dossiers.readRegisterPage({ states: ['delivered'] })).rows[0];
    const documents = await data.documents.list(delivered.reference);
    expect(documents.map((d) => d.kind)).toEqual(expect.arrayContaining(['aanvraagformulier', 'verklaringTOM', 'protocol', 'publicationVersion']));
    const reviewed = (await data.dossiers.readRegisterPage({ states: ['returnedForChanges'] })).rows[0];
    const drafts = await data.documents.list(reviewed.reference);
    expect(drafts.some((d) => d.checkStatus === 'blocking')).toBe(true);
  });

  it('adds the demo institutions to the register (by the DPO team), and no demo dossier is flagged as outside it', async () => {
    expect(report.institutions).toBe(14);
    const chief = as(tenant, ELS).data;
    const register = await chief.institutions.list();
    expect(register).toHaveLength(14);
    expect(new Set(register.map((institution) => institution.modifiedBy))).toEqual(new Set(['An Peeters']));
    const rows = (await chief.dossiers.readRegisterPage({ pageSize: 5000, states: ['intake', 'preliminary'] })).rows;
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      const dossier = (await chief.commands.load(row.reference)).dossier;
      expect([row.reference, dossier && (await chief.institutions.noticeFor(dossier))]).toEqual([row.reference, undefined]);
    }
  });

  it('publishes real publication versions: the countersigned PDF without its signature data, same pages', async () => {
    const { data } = as(tenant, AN);
    const published = (await data.dossiers.readRegisterPage({ states: ['published'] })).rows[0];
    const documents = await data.documents.list(published.reference);
    const original = documents.find((d) => d.phase === 'countersigned' && d.fileName.endsWith('.pdf'))!;
    const publication = documents.find((d) => d.kind === 'publicationVersion')!;
    expect(original.fileName).toMatch(/^(Protocol|Addendum) .+ \(medeondertekend\)\.pdf$/);
    expect(publication.fileName).toBe(original.fileName.replace(/\.pdf$/, '-publicatie.pdf'));
    const originalBytes = Buffer.from(await data.documents.download(published.reference, original.fileName));
    const publicationBytes = Buffer.from(await data.documents.download(published.reference, publication.fileName));
    expect((originalBytes.toString('latin1').match(/\/ByteRange/g) ?? []).length).toBe(2);
    expect(publicationBytes.length).toBeGreaterThan(3000);
    for (const key of ['/ByteRange', '/Sig', '/AcroForm', '/Annots', '/Author', '/Prev']) expect(publicationBytes.toString('latin1')).not.toContain(key);
    const pages = async (bytes: Uint8Array): Promise<number> => (await PDFDocument.load(bytes, { updateMetadata: false })).getPageCount();
    expect(await pages(publicationBytes)).toBe(await pages(originalBytes));
  });

  it('imports the demo codebooks before the dossiers, and some demo forms show the codebook finding with its suggestion', async () => {
    expect(report.codebookWaves).toBe(4);
    const chief = as(tenant, ELS).data;
    expect((await chief.codebooks.list()).map((summary) => [summary.wave, summary.importedBy])).toEqual([
      ['SV-bevraging 2023-1', 'An Peeters'], ['SV-bevraging 2023-2', 'An Peeters'], ['COVID-19-bevraging golf 3', 'An Peeters'], ['SCV-survey 2015', 'An Peeters']
    ]);
    const { data } = as(tenant, AN);
    const checks = createDocumentChecks(data.documents, () => '2026-11-25', loadFormsEngine, data.codebooks);
    const rows = (await data.dossiers.readRegisterPage({ pageSize: 5000, orderBy: 'oldest' })).rows;
    const unknown: { value: string; suggestions: readonly string[] }[] = [];
    for (const row of rows) {
      const documents = await data.documents.list(row.reference);
      const application = documents.find((d) => d.kind === 'aanvraagformulier' && d.phase === 'draft');
      if (!application) continue;
      const checked = await checks.checkStored({ reference: row.reference, state: row.state, documents }, application);
      unknown.push(...checked.findings.filter((f) => f.checkId === 'codebook' && f.severity === 'blocking').map((f) => ({ value: String(f.params.value), suggestions: f.suggestions ?? [] })));
    }
    // The misspelling has its suggestion; the national register number of the "unjustified variable"
    // defect is in no survey codebook and has none.
    const misspelt = unknown.filter((finding) => finding.value === 'inkomen_huishoudn');
    expect(misspelt.length).toBeGreaterThan(0);
    for (const finding of misspelt) expect(finding.suggestions[0]).toBe('inkomen_huishouden');
    expect([...new Set(unknown.map((finding) => finding.value))].sort()).toEqual(expect.arrayContaining(['inkomen_huishoudn']));
    expect(unknown.every((finding) => ['inkomen_huishoudn', 'rijksregisternummer'].includes(finding.value))).toBe(true);
  }, 120000);
  it('gives every dossier past step 2 the requested data of its forms, and titles without markup or test strings', async () => {
    const { data } = as(tenant, AN);
    const rows = (await data.dossiers.readRegisterPage({ pageSize: 5000, orderBy: 'oldest' })).rows;
    let withForms = 0;
    let simplified = 0;
    for (const row of rows) {
      expect([row.reference, /[<#>]/.test(row.subject)]).toEqual([row.reference, false]);
      const { dossier } = await data.readModel.loadDossierDetail(row.reference);
      expect(dossier?.project?.title ?? '').not.toMatch(/[<#>]/);
      if (!dossier?.documents.some((document) => document.phase === 'draft')) continue;
      withForms += 1;
      const requested = dossier.requestedData;
      expect([row.reference, requested?.surveys.length ?? 0]).not.toEqual([row.reference, 0]);
      expect([row.reference, requested?.variablesCount ?? 0]).not.toEqual([row.reference, 0]);
      expect(requested?.variables?.every((variable) => variable.name !== '' && variable.justification !== '' || variable.name === 'rijksregisternummer')).toBe(true);
      expect(requested?.purposes?.length).toBeGreaterThan(0);
      expect(requested?.researchType).toBeDefined();
      expect(requested?.recipients?.length).toBeGreaterThan(0);
      expect(requested?.retentionEnd).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(requested?.source?.documentId).toBeDefined();
      expect(dossier.documents.some((document) => document.id === requested?.source?.documentId && document.phase === requested?.source?.phase)).toBe(true);
      if (dossier.procedure === 'simplified') {
        simplified += 1;
        expect(requested?.changes?.reasons).toContain('extension');
        expect(requested?.changes?.newEndDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
      // From the signed set on, the signed forms speak.
      if (dossier.documents.some((document) => document.phase === 'signed')) expect(requested?.source?.phase).toBe('signed');
    }
    expect(withForms).toBeGreaterThanOrEqual(30);
    expect(simplified).toBeGreaterThan(0);
  }, 60000);

  it('seedIfEmpty leaves a seeded tenant alone', async () => {
    expect(await seedIfEmpty({ baseUrl: tenant.baseUrl })).toBe(false);
  });

  it('seedIfEmpty provisions a list added since the tenant was seeded (Bevindingen)', async () => {
    const owner = as(tenant, OWNER).sp;
    await owner.web.lists.getByTitle(LIST_FINDINGS).delete();
    expect(await seedIfEmpty({ baseUrl: tenant.baseUrl })).toBe(false);
    const lists = (await owner.web.lists.select('Title')()) as unknown as { Title: string }[];
    expect(lists.map((list) => list.Title)).toContain(LIST_FINDINGS);
    expect(await as(tenant, AN).data.findings.findingsOf('VSA-2026-0001')).toEqual([]);
  });

  it('gives returned dossiers seven remarks (two internal) and shows "3 van 7 opmerkingen verwerkt" on the review demo', async () => {
    const plans = planDossiers(new SeededRandom(20260101), new Date('2026-11-25T12:00:00Z'));
    const demo = plans.find((plan) => plan.reviewDemo)!;
    const dossier = (await as(tenant, AN).data.commands.load(demo.reference)).dossier!;
    expect(dossier.state).toBe('underReview');
    expect(findingProgress(dossier.findings)).toMatchObject({ total: 7, handled: 3, addressed: 3 });
    const returned = plans.filter((plan) => plan.target === 'returnedForChanges');
    for (const plan of returned) {
      const findings = (await as(tenant, AN).data.commands.load(plan.reference)).dossier!.findings.filter((finding) => finding.origin === 'reviewer');
      expect(findings).toHaveLength(7);
      expect(findings.filter((finding) => finding.audience === 'internal')).toHaveLength(2);
      expect(openRequesterFindings(findings).length).toBeGreaterThanOrEqual(5);
    }
  });
});
