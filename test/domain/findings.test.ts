/**
 * Findings as records of the dossier (src/domain/findings.ts) and the guards of the review loop
 * (src/domain/guards/review.ts): how new versions move them, who may move them how, the concurrent
 * change, and the whole loop over three review rounds.
 */
import type { Command, Dossier, DossierEvent } from '../../src/domain';
import { replay } from '../../src/domain';
import {
  addReviewerFindings,
  automaticFindingId,
  awaitsHandling,
  currentVersions,
  draftVersionOf,
  fieldChanged,
  nextDraftVersion,
  findingProgress,
  reconcileFindings,
  type AutomaticFinding,
  type DocumentVersionReview,
  type DossierFinding
} from '../../src/domain/findings';
import type { ConditionInput } from '../../src/domain/advice';
import { outcomeOfAssessments } from '../../src/domain/advice';
import { adequateCriteria } from '../support/adviceCriteria';
import { actors, at, cmd, doc, draftSet, nextId } from './support/fixtures';
import { given, run } from './support/given';
import { eventsIn } from './support/paths';

const { team, statistician, otherStatistician, dpo, chief } = actors;
const person = { id: team.id, displayName: team.displayName };
const AT = '2026-03-01T10:00:00.000Z';

const required: AutomaticFinding = { checkId: 'required', fieldId: 'project.einddatum', severity: 'blocking', messageKey: 'forms.check.required', params: {}, text: 'Vul de einddatum in.' };
const justification: AutomaticFinding = {
  checkId: 'variableJustification', fieldId: 'variabelen.motivering', rowIndex: 0, severity: 'blocking', messageKey: 'forms.check.variableWithoutJustification',
  params: { value: 'leeftijd', row: '1' }, text: 'Motiveer de variabele leeftijd.'
};

/** A review of an application form version. */
function review(version: string, automaticFindings: readonly AutomaticFinding[], changedFields?: readonly string[], readable = true): DocumentVersionReview {
  return { documentKind: 'aanvraagformulier', documentId: `aanvraagformulier-${version}`, version, readable, automaticFindings, ...(changedFields ? { changedFields } : {}) };
}

function remark(id: string, fieldId: string | undefined, overrides: Partial<DossierFinding> = {}): DossierFinding {
  return {
    id, documentKind: 'aanvraagformulier', ...(fieldId ? { fieldId } : {}), origin: 'reviewer', text: `Opmerking ${id}`, author: person, audience: 'requester',
    severity: 'warning', firstSeenVersion: '1.0', lastSeenVersion: '1.0', status: 'open', createdAt: AT, history: [{ status: 'open', at: AT, by: person }], revision: 1, ...overrides
  };
}

const byId = (findings: readonly DossierFinding[], id: string): DossierFinding => {
  const found = findings.find((finding) => finding.id === id);
  if (!found) throw new Error(`no finding ${id}`);
  return found;
};

describe('automaticFindingId', () => {
  it('is the same for the same check, field, row and offending value in every version, and differs otherwise', () => {
    expect(automaticFindingId('aanvraagformulier', required)).toBe('check:aanvraagformulier:required:project.einddatum');
    expect(automaticFindingId('aanvraagformulier', justification)).toBe('check:aanvraagformulier:variableJustification:variabelen.motivering#0:leeftijd|1');
    expect(automaticFindingId('aanvraagformulier', { ...justification, params: { value: 'inkomen', row: '1' } })).not.toBe(automaticFindingId('aanvraagformulier', justification));
    expect(automaticFindingId('protocol', required)).not.toBe(automaticFindingId('aanvraagformulier', required));
    expect(automaticFindingId('aanvraagformulier', { checkId: 'document', params: { version: '9' } })).toBe('check:aanvraagformulier:document:-');
    expect(automaticFindingId('aanvraagformulier', { ...required, params: { value: '' } })).toBe('check:aanvraagformulier:required:project.einddatum');
  });
});

describe('fieldChanged', () => {
  const changed = new Set(['project.titel', 'variabelen.naam#2', 'rows:ontvangers']);
  it('matches a field, a cell of its own row, and any cell or row change of a column without a row', () => {
    expect(fieldChanged({ fieldId: 'project.titel' }, changed)).toBe(true);
    expect(fieldChanged({ fieldId: 'project.doeleinden' }, changed)).toBe(false);
    expect(fieldChanged({ fieldId: 'variabelen.naam', rowIndex: 2 }, changed)).toBe(true);
    expect(fieldChanged({ fieldId: 'variabelen.naam', rowIndex: 1 }, changed)).toBe(false);
    expect(fieldChanged({ fieldId: 'variabelen.naam' }, changed)).toBe(true);
    expect(fieldChanged({ fieldId: 'ontvangers' }, changed)).toBe(true);
    expect(fieldChanged({ fieldId: 'ontvangers.naam', rowIndex: 0 }, changed)).toBe(false);
    expect(fieldChanged({}, changed)).toBe(false);
  });
});

describe('reconcileFindings', () => {
  it('opens the automatic findings of a first version and moves no reviewer remark', () => {
    const { findings } = reconcileFindings([remark('R1', 'project.titel')], [review('1.0', [required, justification])], AT, person);
    expect(findings.map((f) => [f.id, f.status, f.origin, f.firstSeenVersion])).toEqual([
      ['R1', 'open', 'reviewer', '1.0'],
      ['check:aanvraagformulier:required:project.einddatum', 'open', 'check', '1.0'],
      ['check:aanvraagformulier:variableJustification:variabelen.motivering#0:leeftijd|1', 'open', 'check', '1.0']
    ]);
    expect(byId(findings, 'check:aanvraagformulier:required:project.einddatum')).toMatchObject({ audience: 'requester', severity: 'blocking', text: 'Vul de einddatum in.', revision: 1, checkId: 'required', messageKey: 'forms.check.required' });
    expect(byId(findings, 'check:aanvraagformulier:variableJustification:variabelen.motivering#0:leeftijd|1').rowIndex).toBe(0);
  });

  it('addresses a finding that no longer fires, keeps one that still does with the new version, and reopens a resolved one that fires again', () => {
    const first = reconcileFindings([], [review('1.0', [required, justification])], AT, person).findings;
    const resolvedJustification = first.map((f) => (f.checkId === 'variableJustification' ? { ...f, status: 'resolved' as const } : f));
    const second = reconcileFindings(resolvedJustification, [review('2.0', [{ ...required, text: 'Nieuwe tekst.' }, justification], [])], AT, person).findings;
    const stillThere = byId(second, 'check:aanvraagformulier:required:project.einddatum');
    expect(stillThere).toMatchObject({ status: 'open', lastSeenVersion: '2.0', firstSeenVersion: '1.0', text: 'Nieuwe tekst.', revision: 1 });
    const reopened = byId(second, 'check:aanvraagformulier:variableJustification:variabelen.motivering#0:leeftijd|1');
    expect(reopened).toMatchObject({ status: 'open', lastSeenVersion: '2.0', revision: 2 });
    expect(reopened.history.at(-1)).toMatchObject({ status: 'open', automatic: true, version: '2.0' });

    const third = reconcileFindings(second, [review('3.0', [], [])], AT, person).findings;
    expect(third.filter((f) => f.origin === 'check').map((f) => f.status)).toEqual(['addressed', 'addressed']);
  });

  it('addresses open reviewer remarks on changed fields, keeps the others open, and leaves resolved and waived ones alone', () => {
    const findings = [
      remark('R1', 'project.titel'),
      remark('R2', 'project.doeleinden'),
      remark('R3', undefined, { textAnchor: 'in de inleiding' }),
      remark('R4', 'project.titel', { status: 'resolved' }),
      remark('R5', 'project.titel', { status: 'waived', waivedReason: 'Aanvaard.' }),
      remark('T1', 'project.titel', { documentKind: 'verklaringTOM' })
    ];
    const next = reconcileFindings(findings, [review('2.0', [], ['project.titel'])], AT, person).findings;
    expect(next.map((f) => [f.id, f.status, f.lastSeenVersion])).toEqual([
      ['R1', 'addressed', '1.0'],
      ['R2', 'open', '2.0'],
      ['R3', 'open', '2.0'],
      ['R4', 'resolved', '1.0'],
      ['R5', 'waived', '1.0'],
      ['T1', 'open', '1.0']
    ]);
    expect(byId(next, 'R1').history.at(-1)).toEqual({ status: 'addressed', at: AT, by: person, version: '2.0', automatic: true });
    expect(byId(next, 'R1').revision).toBe(2);
  });

  it('moves nothing for an unreadable version (a scan, a PDF)', () => {
    const before = reconcileFindings([remark('R1', 'project.titel')], [review('1.0', [required])], AT, person).findings;
    const after = reconcileFindings(before, [review('2.0', [], ['project.titel'], false)], AT, person).findings;
    expect(after).toEqual(before);
  });
});

describe('addReviewerFindings', () => {
  it('adds remarks open on the given or current version and never duplicates a known id', () => {
    const added = addReviewerFindings([], [{ id: 'R1', documentKind: 'aanvraagformulier', fieldId: 'project.titel', text: 'Verduidelijk.', audience: 'requester' }, { id: 'R2', documentKind: 'protocol', text: 'Intern.', audience: 'internal', severity: 'blocking', version: '3.0', rowIndex: 1, fieldId: 'variabelen.naam' }], () => '2.0', AT, person);
    expect(added).toEqual([
      expect.objectContaining({ id: 'R1', origin: 'reviewer', status: 'open', severity: 'warning', firstSeenVersion: '2.0', lastSeenVersion: '2.0', revision: 1, author: person }),
      expect.objectContaining({ id: 'R2', audience: 'internal', severity: 'blocking', firstSeenVersion: '3.0', rowIndex: 1 })
    ]);
    const again = addReviewerFindings(added, [{ id: 'R1', documentKind: 'aanvraagformulier', text: 'Verduidelijk.', audience: 'requester' }], () => '9.0', AT, person);
    expect(again).toEqual(added);
    const edited = addReviewerFindings(added, [{ id: 'R1', documentKind: 'aanvraagformulier', text: 'Nieuwe tekst.', audience: 'requester' }], () => '9.0', AT, person);
    expect(byId(edited, 'R1')).toMatchObject({ text: 'Nieuwe tekst.', revision: 2, status: 'open' });
    const resolved = added.map((f) => (f.id === 'R1' ? { ...f, status: 'resolved' as const } : f));
    expect(byId(addReviewerFindings(resolved, [{ id: 'R1', documentKind: 'aanvraagformulier', text: 'Anders.', audience: 'requester' }], () => '9.0', AT, person), 'R1').text).toBe('Verduidelijk.');
  });
});

describe('findingProgress', () => {
  it('counts the reviewers’ remarks handled (addressed, resolved, waived) of the total', () => {
    const findings = [
      remark('R1', 'a', { status: 'addressed' }),
      remark('R2', 'b', { status: 'resolved' }),
      remark('R3', 'c', { status: 'waived' }),
      remark('R4', 'd'),
      remark('R5', 'e'),
      { ...remark('C1', 'f'), origin: 'check' as const }
    ];
    expect(findingProgress(findings)).toEqual({ total: 5, handled: 3, open: 2, addressed: 1 });
    expect(findingProgress(findings, (f) => f.origin === 'check')).toEqual({ total: 1, handled: 0, open: 1, addressed: 0 });
    expect(findingProgress([])).toEqual({ total: 0, handled: 0, open: 0, addressed: 0 });
  });
});

/** A draft registration of the application form (the other drafts stay), carrying the service's review. */
function draftVersion(tag: string, reviews: readonly DocumentVersionReview[]): Command {
  return { type: 'registerDraftDocuments', commandId: nextId(), documents: [{ ...doc('aanvraagformulier', tag), version: reviews[0]?.version ?? '1.0' }], reviews };
}

const remarkCommand = (id: string, fieldId: string, audience: 'requester' | 'internal' = 'requester'): Command => ({
  type: 'recordFindings', commandId: nextId(), findings: [{ id, documentKind: 'aanvraagformulier', fieldId, text: `Opmerking ${id}`, audience }]
});

const statusChange = (findingId: string, status: 'open' | 'resolved' | 'waived', expectedRevision: number, reason?: string): Command => cmd.changeFindingStatus(findingId, status, expectedRevision, reason);

const revisionOf = (events: readonly DossierEvent[], id: string): number => byId((replay(events) as Dossier).findings, id).revision;

describe('the review loop over three rounds', () => {
  const A = 'check:aanvraagformulier:required:project.einddatum';
  const B = 'check:aanvraagformulier:variableJustification:variabelen.motivering#0:leeftijd|1';

  it('fixes some findings, leaves one unaddressed, reopens one, waives one and then deliberates', () => {
    // Round 1: the first drafts with two automatic findings; the reviewers add three remarks for the requester and one internal note.
    const formsRequested = eventsIn('formsRequested');
    const firstDrafts: Command = { type: 'registerDraftDocuments', commandId: nextId(), documents: draftSet('standard'), reviews: [review('1.0', [required, justification])] };
    let events = run([
      [team, firstDrafts],
      [statistician, remarkCommand('R1', 'project.titel')],
      [statistician, remarkCommand('R2', 'project.doeleinden')],
      [team, remarkCommand('R3', 'gegevens.bewaartermijn')],
      [statistician, remarkCommand('I1', 'project.titel', 'internal')]
    ], formsRequested).events;
    let dossier = replay(events) as Dossier;
    expect(findingProgress(dossier.findings)).toEqual({ total: 4, handled: 0, open: 4, addressed: 0 });
    const returned1 = given(events).when(cmd.returnForChanges(), team);
    events = returned1.thenEvents([{ type: 'ReturnedForChanges' }]);
    expect((events.at(-1) as DossierEvent & { findingIds: string[] }).findingIds.sort()).toEqual([A, B, 'R1', 'R2', 'R3'].sort());

    // Round 2: the title and the purposes changed, the justification was added; the end date still missing.
    events = run([[team, draftVersion('v2', [review('2.0', [required], ['project.titel', 'project.doeleinden', 'variabelen.motivering#0'])])]], events).events;
    dossier = replay(events) as Dossier;
    expect(Object.fromEntries(dossier.findings.map((f) => [f.id, f.status]))).toEqual({ [A]: 'open', [B]: 'addressed', R1: 'addressed', R2: 'addressed', R3: 'open', I1: 'addressed' });
    expect(byId(dossier.findings, A).lastSeenVersion).toBe('2.0');
    expect(byId(dossier.findings, 'R3').lastSeenVersion).toBe('2.0');
    // "3 van 4 opmerkingen verwerkt"
    expect(findingProgress(dossier.findings)).toMatchObject({ total: 4, handled: 3, open: 1 });
    // The reviewer confirms R1 and B, reopens R2 (the change does not answer it), waives R3.
    events = run([
      [statistician, statusChange('R1', 'resolved', revisionOf(events, 'R1'))],
      [statistician, statusChange(B, 'resolved', revisionOf(events, B))],
      [statistician, statusChange('R2', 'open', revisionOf(events, 'R2'))],
      [team, statusChange('R3', 'waived', revisionOf(events, 'R3'), 'Bewaartermijn staat in het protocol.')]
    ], events).events;
    dossier = replay(events) as Dossier;
    expect(byId(dossier.findings, 'R3')).toMatchObject({ status: 'waived', waivedReason: 'Bewaartermijn staat in het protocol.' });
    expect(byId(dossier.findings, 'R2').history.map((h) => h.status)).toEqual(['open', 'addressed', 'open']);
    // Deliberation is refused while requester findings are open (A and R2).
    given(events).when(cmd.startDeliberation(), team).thenErrors(['dossier.error.openRequesterFindings', 'dossier.error.openRequesterFindings']);
    events = given(events).when(cmd.returnForChanges(), team).thenEvents([{ type: 'ReturnedForChanges' }]);
    expect((events.at(-1) as DossierEvent & { findingIds: string[] }).findingIds.sort()).toEqual([A, 'R2'].sort());

    // Round 3: the end date filled in and the purposes changed again.
    events = run([[team, draftVersion('v3', [review('3.0', [], ['project.einddatum', 'project.doeleinden'])])]], events).events;
    dossier = replay(events) as Dossier;
    expect(byId(dossier.findings, A).status).toBe('addressed');
    expect(byId(dossier.findings, 'R2').status).toBe('addressed');
    expect(byId(dossier.findings, 'R1').status).toBe('resolved');
    expect(byId(dossier.findings, 'R3').status).toBe('waived');
    events = run([[statistician, statusChange('R2', 'resolved', revisionOf(events, 'R2'))]], events).events;
    expect(findingProgress((replay(events) as Dossier).findings)).toEqual({ total: 4, handled: 4, open: 0, addressed: 1 });
    given(events).when(cmd.startDeliberation(), team).thenEvents([{ type: 'DeliberationStarted' }]);
  });

  it('keeps every finding open when the new version cannot be read, and records why', () => {
    const firstDrafts: Command = { type: 'registerDraftDocuments', commandId: nextId(), documents: draftSet('standard'), reviews: [review('1.0', [required])] };
    let events = run([[team, firstDrafts], [statistician, remarkCommand('R1', 'project.titel')], [team, cmd.returnForChanges()]], eventsIn('formsRequested')).events;
    const before = (replay(events) as Dossier).findings;
    events = run([[team, draftVersion('scan', [{ ...review('2.0', [], undefined, false), documentId: 'scan-id' }])]], events).events;
    const dossier = replay(events) as Dossier;
    expect(dossier.findings).toEqual(before);
    expect(dossier.findings.every((f) => f.status === 'open')).toBe(true);
    expect(dossier.unreadableVersions).toEqual([{ documentKind: 'aanvraagformulier', documentId: 'scan-id', version: '2.0', at: at(events.length) }]);
  });
});

describe('guards of the review loop', () => {
  const underReview = (): DossierEvent[] => run([[statistician, remarkCommand('R1', 'project.titel')]], eventsIn('underReview')).events;

  it('findingsWellFormed: ids, kind, text, audience, severity, row; no duplicates, no check ids, at least one', () => {
    const history = eventsIn('underReview');
    const record = (findings: unknown[]): Command => ({ type: 'recordFindings', commandId: nextId(), findings } as unknown as Command);
    given(history).when(record([]), statistician).thenErrors(['dossier.error.findingsRequired']);
    given(history).when(record([{ id: 'check:x', documentKind: 'aanvraagformulier', text: 't', audience: 'requester' }]), statistician).thenErrors(['dossier.error.findingInvalid']);
    given(history).when(record([{ id: 'x'.repeat(201), documentKind: 'aanvraagformulier', text: 't', audience: 'requester' }]), statistician).thenErrors(['dossier.error.findingInvalid']);
    given(history).when(record([{ id: 'R1', documentKind: 'brief', text: ' ', audience: 'iedereen', severity: 'hoog', rowIndex: -1 }]), statistician).thenErrors([
      'dossier.error.findingInvalid', 'dossier.error.findingInvalid', 'dossier.error.findingInvalid', 'dossier.error.findingInvalid', 'dossier.error.findingInvalid'
    ]);
    const ok = { id: 'R1', documentKind: 'aanvraagformulier', text: 'Tekst', audience: 'requester' };
    given(history).when(record([ok, ok]), statistician).thenErrors(['dossier.error.duplicateFindingId']);
    given(history).when(record([ok]), statistician).thenEvents([{ type: 'FindingsRecorded' }]);
    // Only the review roles, and only the assigned statistician.
    given(history).when(record([ok]), otherStatistician).thenErrors(['dossier.error.forbidden']);
  });

  it('findingStatusChangeValid: a known finding, an allowed move, a reason to waive, the current revision', () => {
    const history = underReview();
    given(history).when(statusChange('R9', 'resolved', 1), statistician).thenErrors(['dossier.error.findingUnknown']);
    given(history).when(statusChange('R1', 'waived', 1), statistician).thenErrors(['dossier.error.waiverReasonRequired']);
    given(history).when(statusChange('R1', 'open', 1), statistician).thenErrors(['dossier.error.findingStatusInvalid']);
    given(history).when({ ...statusChange('R1', 'resolved', 1), status: 'addressed' } as unknown as Command, statistician).thenErrors(['dossier.error.findingStatusInvalid']);
    given(history).when(statusChange('R1', 'waived', 1, 'Niet relevant.'), statistician).thenEvents([{ type: 'FindingStatusChanged' }]);
    const resolved = given(history).when(statusChange('R1', 'resolved', 1), statistician).thenEvents([{ type: 'FindingStatusChanged' }]);
    given(resolved).when(statusChange('R1', 'waived', 2, 'x'), statistician).thenErrors(['dossier.error.findingStatusInvalid']);
    given(resolved).when(statusChange('R1', 'open', 2), team).thenEvents([{ type: 'FindingStatusChanged' }]);
  });

  it('findingStatusChangeValid: of two reviewers changing the same finding at once, the second gets a clear conflict', () => {
    const history = underReview();
    // Both read revision 1; the statistician resolves first.
    const afterFirst = given(history).when(statusChange('R1', 'resolved', 1), statistician).thenEvents([{ type: 'FindingStatusChanged' }]);
    const second = given(afterFirst).when(statusChange('R1', 'waived', 1, 'Aanvaard.'), team);
    second.thenErrors(['dossier.error.findingChanged']);
    if (!second.result.ok) expect(second.result.errors[0].params).toEqual({ findingId: 'R1', text: 'Opmerking R1', name: statistician.displayName, status: 'resolved' });
    // On the current revision the change goes through.
    given(afterFirst).when(statusChange('R1', 'open', 2), team).thenEvents([{ type: 'FindingStatusChanged' }]);
  });

  it('requesterFindingsClosedOrOverridden: every open requester finding overridden with a reason, or deliberation is refused', () => {
    const history = run([[statistician, remarkCommand('I1', 'project.titel', 'internal')], [statistician, remarkCommand('R2', 'project.doeleinden')]], underReview()).events;
    const deliberate = (findingOverrides?: unknown[]): Command => ({ type: 'startDeliberation', commandId: nextId(), ...(findingOverrides ? { findingOverrides } : {}) } as unknown as Command);
    given(history).when(deliberate(), team).thenErrors(['dossier.error.openRequesterFindings', 'dossier.error.openRequesterFindings']);
    given(history).when(deliberate([{ findingId: 'R1', reason: 'Aanvaard.' }]), team).thenErrors(['dossier.error.openRequesterFindings']);
    given(history).when(deliberate([{ findingId: 'R1', reason: ' ' }, { findingId: 'R2', reason: 'ok' }]), team).thenErrors(['dossier.error.overrideReasonRequired', 'dossier.error.openRequesterFindings']);
    given(history).when(deliberate([{ findingId: 'I1', reason: 'x' }, { findingId: 'R1', reason: 'a' }, { findingId: 'R2', reason: 'b' }]), team).thenErrors(['dossier.error.overrideUnknownFinding']);
    const started = given(history).when(deliberate([{ findingId: 'R1', reason: 'Aanvaard in beraad.' }, { findingId: 'R2', reason: 'Niet nodig.' }]), team).thenEvents([{ type: 'DeliberationStarted' }]);
    const dossier = replay(started) as Dossier;
    expect(byId(dossier.findings, 'R1')).toMatchObject({ status: 'waived', waivedReason: 'Aanvaard in beraad.' });
    // The internal note does not hold deliberation up.
    expect(byId(dossier.findings, 'I1').status).toBe('open');
  });

  it('adviceComplete: every criterion assessed and reasoned, the outcome consistent', () => {
    const history = eventsIn('deliberation');
    const advice = (overrides: Record<string, unknown>): Command => ({ ...cmd.giveAdvice(), ...overrides } as unknown as Command);
    given(history).when(advice({}), dpo).thenEvents([{ type: 'AdviceGiven' }]);
    given(history).when(advice({ criteria: adequateCriteria().slice(1) }), dpo).thenErrors(['dossier.error.adviceCriterionMissing']);
    given(history).when(advice({ criteria: adequateCriteria().map((c) => (c.id === 'security' ? { ...c, assessment: 'inadequate' } : c)) }), dpo).thenErrors(['dossier.error.adviceOutcomeContradicts']);
    given(history).when(advice({ outcome: 'favourableWithConditions' }), dpo).thenErrors(['dossier.error.adviceConditionRequired']);
    given(history).when(advice({ criteria: adequateCriteria().map((c) => (c.id === 'retention' ? { ...c, text: '' } : c)) }), dpo).thenErrors(['dossier.error.adviceCriterionInvalid']);
    given(history).when(advice({ criteria: adequateCriteria().map((c) => (c.id === 'linking' ? { ...c, assessment: 'adequateWithCondition' } : c)) }), dpo).thenErrors(['dossier.error.adviceCriterionInvalid']);
    given(history).when(advice({ outcome: 'maybe', text: ' ' }), dpo).thenErrors(['dossier.error.adviceOutcomeInvalid', 'dossier.error.adviceTextRequired']);
    given(history).when(advice({ legalBasis: '', criteria: adequateCriteria('') }), dpo).thenErrors(['dossier.error.legalBasisRequired']);
    const conditional = adequateCriteria().map((c) => (c.id === 'publication' ? { ...c, assessment: 'adequateWithCondition' as const, recommendedCondition: { text: 'Geen cellen < 5.', category: 'publication' as const } } : c));
    given(history).when(advice({ outcome: 'favourableWithConditions', criteria: conditional }), dpo).thenEvents([{ type: 'AdviceGiven' }]);
  });

  const condition = (overrides: Partial<ConditionInput> = {}): ConditionInput => ({ id: 'C1', text: 'Publiceer geen cellen kleiner dan 5.', category: 'publication', owner: 'requester', dueDate: '2027-01-01', ...overrides });
  const decision = (outcome: string, conditions?: unknown[]): Command => ({ type: 'decide', commandId: nextId(), outcome, motivation: 'In orde.', ...(conditions ? { conditions } : {}) } as unknown as Command);

  it('decisionComplete: conditions exactly with approvedWithConditions, each complete and once', () => {
    const history = eventsIn('awaitingDecision');
    given(history).when(decision('approvedWithConditions', [condition()]), chief).thenEvents([{ type: 'DecisionMade' }]);
    given(history).when(decision('approvedWithConditions'), chief).thenErrors(['dossier.error.conditionsRequired']);
    given(history).when(decision('approved', [condition()]), chief).thenErrors(['dossier.error.conditionsNotAllowed']);
    given(history).when(decision('approvedWithConditions', [condition(), condition({ text: '', category: 'x' as never, owner: 'x' as never, dueDate: 'morgen' })]), chief).thenErrors([
      'dossier.error.conditionInvalid', 'dossier.error.conditionInvalid', 'dossier.error.conditionInvalid', 'dossier.error.conditionInvalid', 'dossier.error.conditionInvalid'
    ]);
    given(history).when({ ...decision('maybe'), motivation: '' } as unknown as Command, chief).thenErrors(['dossier.error.decisionOutcomeInvalid', 'dossier.error.motivationRequired']);
  });

  it('conditionMetValid: a known condition, met once, with evidence', () => {
    const history = run([[chief, decision('approvedWithConditions', [condition()])]], eventsIn('awaitingDecision')).events;
    given(history).when(cmd.recordConditionMet('C9'), team).thenErrors(['dossier.error.conditionUnknown']);
    given(history).when(cmd.recordConditionMet('C1', ' '), team).thenErrors(['dossier.error.evidenceRequired']);
    const met = given(history).when(cmd.recordConditionMet('C1'), team).thenEvents([{ type: 'ConditionMet' }]);
    expect((replay(met) as Dossier).conditions[0]).toMatchObject({ status: 'met', met: { evidence: 'Bevestiging per mail van 3 maart.' } });
    given(met).when(cmd.recordConditionMet('C1'), team).thenErrors(['dossier.error.conditionAlreadyMet']);
  });

  it('restrictedNoteAllowed: only the DPO and the Chief Statistician write a DPO note, always with its id', () => {
    const history = eventsIn('deliberation');
    const note = (overrides: Record<string, unknown>): Command => ({ ...cmd.addComment('Vertrouwelijk.'), restriction: 'dpo', noteId: 'note-1', ...overrides } as unknown as Command);
    given(history).when(note({}), dpo).thenEvents([{ type: 'CommentAdded' }]);
    given(history).when(note({}), chief).thenEvents([{ type: 'CommentAdded' }]);
    given(history).when(note({}), team).thenErrors(['dossier.error.restrictedNoteNotAllowed']);
    given(history).when(note({}), statistician).thenErrors(['dossier.error.restrictedNoteNotAllowed']);
    given(history).when(note({ restriction: 'chief' }), dpo).thenErrors(['dossier.error.restrictedNoteNotAllowed']);
    given(history).when(note({ noteId: ' ' }), dpo).thenErrors(['dossier.error.restrictedNoteIdRequired']);
    given(history).when(cmd.addComment('Open nota.'), statistician).thenEvents([{ type: 'CommentAdded' }]);
  });
});


describe('review fixes: versions, audiences, authorship, one override per blocking result', () => {
  it('numbers the drafts of a kind whatever the files are called (a new name is not "1.0" again)', () => {
    const documents = [
      { kind: 'aanvraagformulier' as const, phase: 'draft', version: '1.0' },
      { kind: 'mandate' as const, phase: 'signed', version: '1.0' },
      { kind: 'aanvraagformulier' as const, phase: 'draft', version: '1.0' },
      { kind: 'aanvraagformulier' as const, phase: 'signed', version: '1.0' }
    ];
    expect(draftVersionOf(documents, 'aanvraagformulier')).toBe('2');
    expect(nextDraftVersion(documents, 'aanvraagformulier')).toBe('3');
    expect(draftVersionOf(documents, 'protocol')).toBe('');
    expect([...currentVersions(documents).entries()]).toEqual([['aanvraagformulier', '2']]);
  });

  it('only its author rewords an open remark; anyone else re-recording the id changes nothing', () => {
    const added = addReviewerFindings([], [{ id: 'R1', documentKind: 'aanvraagformulier', text: 'Verduidelijk.', audience: 'requester' }], () => '1', AT, person);
    const other = { id: statistician.id, displayName: statistician.displayName };
    expect(addReviewerFindings(added, [{ id: 'R1', documentKind: 'aanvraagformulier', text: 'Overschreven.', audience: 'requester' }], () => '1', AT, other)).toEqual(added);
  });

  it('a recorded remark keeps its audience: re-recording it as internal is refused, so a mail never sends what the reviewer thinks is internal', () => {
    const history = run([[statistician, remarkCommand('R1', 'project.titel')]], eventsIn('underReview')).events;
    given(history).when(remarkCommand('R1', 'project.titel', 'internal'), statistician).thenErrors(['dossier.error.findingAudienceFixed']);
    given(history).when(remarkCommand('R1', 'project.titel'), statistician).thenEvents([{ type: 'FindingsRecorded' }]);
  });

  it('no remarks before a version exists, and no status changes in deliberation', () => {
    given(eventsIn('formsRequested')).when(remarkCommand('R1', 'project.titel'), statistician).thenErrors(['dossier.error.wrongState']);
    given(eventsIn('deliberation')).when(statusChange('R1', 'open', 1), team).thenErrors(['dossier.error.wrongState', 'dossier.error.findingUnknown']);
  });

  it('a blocking check result that is a finding record is overridden once, per finding, not again through the counts', () => {
    const blocking: AutomaticFinding = { ...required };
    const registered = run([[team, { ...cmd.registerDraftDocuments(draftSet('standard').map((d) => (d.kind === 'aanvraagformulier' ? { ...d, checkSummary: { blocking: 1, warnings: 0, info: 0 } } : d))), reviews: [{ ...review('1', [blocking]), documentId: 'x' }] } as Command]], eventsIn('formsRequested')).events;
    const id = automaticFindingId('aanvraagformulier', blocking);
    given(registered).when({ type: 'startDeliberation', commandId: nextId(), findingOverrides: [{ findingId: id, reason: 'Einddatum volgt bij ondertekening.' }] } as Command, team).thenEvents([{ type: 'DeliberationStarted' }]);
    // A draft read before the review loop (no finding records) is still judged by its counts.
    const legacy = run([[team, cmd.registerDraftDocuments(draftSet('standard').map((d) => (d.kind === 'aanvraagformulier' ? { ...d, checkSummary: { blocking: 1, warnings: 0, info: 0 } } : d)))]], eventsIn('formsRequested')).events;
    given(legacy).when(cmd.startDeliberation(), team).thenErrors(['dossier.error.blockingFindings']);
  });
});

describe('rules the dialogs and the Word pane ask the domain', () => {
  it('outcomeOfAssessments: inadequate → unfavourable, a recommended condition → with conditions, else favourable; nothing assessed → none', () => {
    const criteria = adequateCriteria();
    expect(outcomeOfAssessments([])).toBeUndefined();
    expect(outcomeOfAssessments(criteria)).toBe('favourable');
    const withVariableCondition = criteria.map((c) => (c.id === 'necessity' ? { ...c, variables: [{ name: 'leeftijd', necessity: 'neededWithCondition' as const, condition: { text: 'Enkel in klassen van 5 jaar.', category: 'variables' as const } }] } : c));
    expect(outcomeOfAssessments(withVariableCondition)).toBe('favourableWithConditions');
    expect(outcomeOfAssessments(withVariableCondition.map((c) => (c.id === 'security' ? { ...c, assessment: 'inadequate' as const } : c)))).toBe('unfavourable');
  });

  it('awaitsHandling: open and addressed findings, not resolved or waived ones', () => {
    expect((['open', 'addressed', 'resolved', 'waived'] as const).map((status) => awaitsHandling({ status }))).toEqual([true, true, false, false]);
  });
});
