import { hasDataErrorCode } from '../../../src/data/errors';
import { buildApprovalsQueue } from '../../../src/ui/approvals/approvalsQueue';
import { buildDecisionHistory } from '../../../src/ui/approvals/decisionHistory';
import { AN, ELS, gatedPatches, startApprovalsTenant, type ApprovalsTenant } from './support/tenant';
import { tinyPdf } from '../../intake/support/files';

const dayMs = 86_400_000;
/** Step times of a dossier that started `daysAgo` days ago, one day per step. */
const startedDaysAgo = (daysAgo: number) => (step: number): string => new Date(Date.now() - (daysAgo - step) * dayMs).toISOString();

interface OutboxEntry {
  readonly kind: 'mail' | 'activity';
  readonly recipients: readonly string[];
  readonly subject: string;
}

describe('approvals through Graph against the local tenant', () => {
  let t: ApprovalsTenant;

  beforeAll(async () => {
    t = await startApprovalsTenant();
    await t.dossierIn('VSA-2026-0001', 'awaitingDecision', startedDaysAgo(60));
    await t.dossierIn('VSA-2026-0002', 'awaitingDecision', startedDaysAgo(10));
    await t.dossierIn('VSA-2026-0003', 'awaitingCountersignature', startedDaysAgo(30));
    await t.dossierIn('VSA-2026-0004', 'awaitingSignatures', startedDaysAgo(50));
    await t.dossierIn('VSA-2026-0005', 'intake', startedDaysAgo(3));
    await t.dossierIn('VSA-2026-0006', 'awaitingDecision', startedDaysAgo(20));
    // A file with an awkward name as a fixture of the reader, stored by the library's only writer.
    await t.trustedWriter.data.documents.ensureFolder('VSA-2026-0001');
    await t.trustedWriter.data.documents.upload('VSA-2026-0001', "protocol 'concept' #1.docx", new TextEncoder().encode('docx'), { kind: 'protocol', phase: 'draft' });
  }, 60_000);
  afterAll(async () => t?.close());

  it('reads the queue in one $batch of indexed queries, with documents and Word links', async () => {
    const snapshot = await t.gateway(ELS).loadQueue();
    expect(snapshot.unreadable).toEqual([]);
    const byState = (state: string): string[] => snapshot.queue.filter((q) => q.dossier.state === state).map((q) => q.dossier.reference).sort();
    expect(byState('awaitingDecision')).toEqual(['VSA-2026-0001', 'VSA-2026-0002', 'VSA-2026-0006']);
    expect(byState('awaitingCountersignature')).toEqual(['VSA-2026-0003']);
    expect(byState('awaitingSignatures')).toEqual(['VSA-2026-0004']);
    const documents = snapshot.documents.get('VSA-2026-0001') ?? [];
    expect(documents).toEqual([
      expect.objectContaining({
        fileName: "protocol 'concept' #1.docx",
        kind: 'protocol',
        webUrl: `${t.siteUrl}/Dossierdocumenten/VSA-2026-0001/${encodeURIComponent("protocol 'concept' #1.docx")}`
      })
    ]);
    const queue = buildApprovalsQueue(
      snapshot.queue.map((q) => ({ dossier: q.dossier, documents: snapshot.documents.get(q.dossier.reference) })),
      await t.actor(ELS),
      new Date().toISOString()
    );
    expect(queue.sections.awaitingDecision.map((item) => item.dossier.reference)).toEqual(['VSA-2026-0001', 'VSA-2026-0006', 'VSA-2026-0002']);
    expect(queue.sections.awaitingDecision[0].allowed).toEqual(['decide', 'requestMoreInformation']);
    expect(queue.sections.awaitingSignatures[0].overdue.overdue).toBe(true);
  });

  it('reads register pages through Graph with the server cursor (the DossierStore port on Graph)', async () => {
    const store = t.graphStore(ELS);
    const first = await store.readRegisterPage({ states: ['awaitingDecision'], pageSize: 2 });
    expect(first.rows).toHaveLength(2);
    expect(first.nextCursor).toBeDefined();
    const second = await store.readRegisterPage({ states: ['awaitingDecision'], pageSize: 2 }, first.nextCursor);
    const all = [...first.rows, ...second.rows].map((row) => row.reference).sort();
    expect(all).toEqual(['VSA-2026-0001', 'VSA-2026-0002', 'VSA-2026-0006']);
    expect(second.nextCursor).toBeUndefined();
    expect(first.rows[0]).toMatchObject({ state: 'awaitingDecision', institution: 'Universiteit Voorbeeld', procedure: 'standard' });
  });

  it('records an approval through the service as an event, moves the dossier on and notifies the DPO team', async () => {
    await t.hook('outbox', undefined, 'DELETE');
    const els = await t.actor(ELS);
    const outcome = await t.gateway(ELS, { mailbox: 'dpo-team@vsa.local' }).decide('VSA-2026-0002', { kind: 'approve', motivation: 'Rechtsgrond en advies in orde.' }, els, 'approve-0002');
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    expect(outcome.reactionErrors).toEqual([]);
    expect(outcome.events.map((e) => e.type)).toEqual(['DecisionMade']);
    const events = await t.as(AN).data.events.readEvents('VSA-2026-0002');
    expect(events.filter((e) => e.event.type === 'DecisionMade')).toHaveLength(1);
    expect(events.map((e) => e.sequence)).toEqual(events.map((_, i) => i + 1));
    const detail = await t.as(AN).data.commands.load('VSA-2026-0002');
    expect(detail.dossier?.state).toBe('awaitingSignatures');
    expect(detail.dossier?.decision).toMatchObject({ outcome: 'approved', motivation: 'Rechtsgrond en advies in orde.' });

    const outbox = ((await t.hook('outbox')) as { value: OutboxEntry[] }).value;
    const notified = outbox.filter((e) => e.kind === 'activity').flatMap((e) => e.recipients).sort();
    expect(notified).toEqual(['an.peeters@vsa.local', 'jeroen.maes@vsa.local', 'karel.desmet@vsa.local']);
    // The team mailbox's copy is a setting of the service (VSA_DPO_TEAM_MAILBOX), not of the tab; the
    // local service has none, so no mail here: the reaction's mail is proved on the trusted writer below.
    expect(outbox.filter((e) => e.kind === 'mail')).toEqual([]);
  });

  it('lets exactly one of two concurrent decisions on one dossier win, without a duplicate event', async () => {
    const els = await t.actor(ELS);
    let openGate!: () => void;
    const gate = new Promise<void>((resolve) => (openGate = resolve));
    let held!: () => void;
    const rejectHeld = new Promise<void>((resolve) => (held = resolve));
    // The rejection loads the dossier and decides, then its PATCH is held back with the ETag it loaded…
    // A test of the Graph dossier store's If-Match, so both run on the trusted writer in Els's name.
    const rejection = t.gateway(ELS, { via: 'trustedWriter', wrapGraph: (graph) => gatedPatches(graph, gate, held) }).decide('VSA-2026-0001', { kind: 'reject', motivation: 'Niet akkoord.' }, els, 'race-reject');
    await rejectHeld;
    // …while the approval runs to the end; then the held PATCH gets 412, reloads, re-decides and is refused.
    const approval = await t.gateway(ELS, { via: 'trustedWriter' }).decide('VSA-2026-0001', { kind: 'approve', motivation: 'Akkoord.' }, els, 'race-approve');
    expect(approval.ok).toBe(true);
    openGate();
    const lost = await rejection.then(
      () => undefined,
      (error: unknown) => error
    );
    expect(hasDataErrorCode(lost, 'data.error.conflict')).toBe(true);
    const events = await t.as(AN).data.events.readEvents('VSA-2026-0001');
    expect(events.filter((e) => e.event.type === 'DecisionMade').map((e) => (e.event as { outcome?: string }).outcome)).toEqual(['approved']);
    expect(events.map((e) => e.sequence)).toEqual(events.map((_, i) => i + 1));
  });

  it('retries a throttled PATCH (429 + Retry-After) and stores the question once', async () => {
    await t.hook('outbox', undefined, 'DELETE');
    await t.hook('faults', { method: 'PATCH', pathContains: '/fields', status: 429, times: 1, retryAfterSeconds: 0 });
    const els = await t.actor(ELS);
    // The Graph store's PATCH retry: the trusted writer's own storage (the service writes through PnPjs).
    const outcome = await t.gateway(ELS, { via: 'trustedWriter', mailbox: 'dpo-team@vsa.local' }).decide('VSA-2026-0006', { kind: 'requestMoreInformation', question: 'Welke bewaartermijn?' }, els, 'ask-0006');
    expect(outcome.ok).toBe(true);
    // The fault was consumed (the PATCH was answered 429 once) and the command still succeeded: retried.
    expect(((await t.hook('faults')) as { pending: number }).pending).toBe(0);
    const events = await t.as(AN).data.events.readEvents('VSA-2026-0006');
    expect(events.filter((e) => e.event.type === 'MoreInformationRequested')).toHaveLength(1);
    expect((await t.as(AN).data.commands.load('VSA-2026-0006')).dossier?.state).toBe('deliberation');
    // The reaction with a team mailbox also mails the DPO team (once, despite the retried PATCH).
    const outbox = ((await t.hook('outbox')) as { value: OutboxEntry[] }).value;
    expect(outbox.filter((e) => e.kind === 'mail')).toEqual([expect.objectContaining({ recipients: ['dpo-team@vsa.local'] })]);
  });

  it('retries a throttled $batch of the queue read (the Graph client RetryHandler)', async () => {
    await t.hook('faults', { method: 'POST', pathContains: '$batch', status: 429, times: 1, retryAfterSeconds: 0 });
    const snapshot = await t.gateway(ELS).loadQueue();
    expect(((await t.hook('faults')) as { pending: number }).pending).toBe(0);
    expect(snapshot.queue.length).toBeGreaterThanOrEqual(4);
  });

  it('countersigns with the next protocol number', async () => {
    const els = await t.actor(ELS);
    const gateway = t.gateway(ELS);
    const loaded = await gateway.commands.load('VSA-2026-0003');
    const expected = await gateway.nextNumber(loaded.dossier!);
    expect(expected).toMatch(/^PROT-\d{4}-\d+$/);
    // Without the countersigned original the domain refuses, and nothing is numbered.
    const refused = await gateway.countersign('VSA-2026-0003', els, 'countersign-0003-empty', []);
    expect(refused).toMatchObject({ ok: false, errors: [expect.objectContaining({ code: 'dossier.error.countersignedDocumentRequired' })] });
    // The tab uploads the countersigned original through the service, which reads its signatures.
    const original = await gateway.uploadCountersigned('VSA-2026-0003', 'protocol medeondertekend.pdf', tinyPdf());
    expect(original).toMatchObject({ fileName: 'protocol medeondertekend.pdf', kind: 'protocol' });
    expect(original.signatures?.signatures.map((signature) => signature.signer?.commonName)).toEqual(['Rita Rector', 'Els Vermeulen']);
    const outcome = await gateway.countersign('VSA-2026-0003', els, 'countersign-0003', [original]);
    expect(outcome.ok).toBe(true);
    const after = await t.as(AN).data.commands.load('VSA-2026-0003');
    expect(after.dossier?.state).toBe('signed');
    expect(after.dossier?.protocolNumber).toBe(expected);
    expect(after.dossier?.protocolEndDate).toBe(loaded.dossier?.project?.endDate);
    // The registered original carries the report the service computed from the stored file.
    const registered = after.dossier?.documents.find((document) => document.phase === 'countersigned');
    expect(registered).toMatchObject({ fileName: 'protocol medeondertekend.pdf', kind: 'protocol' });
    expect(registered?.signatures?.signatures).toHaveLength(2);
  });

  it('refuses decisions of a DPO-team member through the domain and writes nothing', async () => {
    const an = await t.actor(AN);
    const before = await t.as(AN).data.events.readEvents('VSA-2026-0004');
    const outcome = await t.gateway(AN).decide('VSA-2026-0004', { kind: 'approve', motivation: 'x' }, an, 'an-tries');
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.errors.map((e) => e.kind)).toContain('forbidden');
    expect(await t.as(AN).data.events.readEvents('VSA-2026-0004')).toHaveLength(before.length);
  });

  it('reads the decision history of the last 12 months with lead times', async () => {
    const now = new Date().toISOString();
    const records = await t.gateway(ELS).loadHistory(now);
    const history = buildDecisionHistory(records, now);
    const references = history.rows.map((row) => `${row.reference}:${row.kind}`);
    expect(references).toEqual(expect.arrayContaining(['VSA-2026-0002:approved', 'VSA-2026-0003:approved', 'VSA-2026-0004:approved', 'VSA-2026-0006:moreInformation']));
    const row = history.rows.find((r) => r.reference === 'VSA-2026-0003');
    expect(row?.leadTimeDays).toBeCloseTo(1, 0);
    expect(row?.actorName).toBe('Els Vermeulen');
  });
});
