import {
  allowedCommands,
  decide,
  dossierCompleteness,
  formatError,
  nextAddendumNumber,
  nextProtocolNumber,
  nonFinalStates,
  protocolChain,
  replay
} from '../../src/domain';
import type { Dossier, DossierEvent } from '../../src/domain';
import { actors, at, cmd, countersignedDoc, doc, draftSet, individual, signedSet } from './support/fixtures';
import { given, run } from './support/given';
import { eventsIn, standardPath } from './support/paths';

const { team, statistician, dpo, chief } = actors;

describe('scenario: the full standard path', () => {
  it('walks intake → delivered with the expected events, numbers and history', () => {
    let events: DossierEvent[] = [];
    for (const [state, step] of standardPath) {
      const [actor, command] = step();
      const result = decide(replay(events), command, actor, at(events.length + 1));
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      events = [...events, ...result.events];
      expect(replay(events)?.state).toBe(state);
    }
    const dossier = replay(events) as Dossier;
    expect(events.map((e) => e.type)).toEqual([
      'DossierRegistered', 'StatisticianAssigned', 'FormsRequested', 'DraftDocumentsRegistered', 'DeliberationStarted',
      'AdviceGiven', 'DecisionMade', 'SignedDocumentsRegistered', 'SignedSetCompleted', 'Countersigned', 'CorrespondenceRecorded', 'Published', 'DeliveryRegistered'
    ]);
    expect(dossier).toMatchObject({
      reference: 'VSA-2026-0001', state: 'delivered', procedure: 'standard', protocolNumber: 'PROT-2026-001',
      protocolEndDate: '2028-02-29', assignedStatistician: { id: statistician.id }, advice: { outcome: 'favourable' },
      decision: { outcome: 'approved' }, publication: { publicationDocumentId: 'publicationVersion-pub' },
      delivery: { dataset: 'SV-bevraging 2025 golf 1' }, version: events.length
    });
    expect(dossier.addendumNumber).toBeUndefined();
    expect(dossier.stateHistory.map((h) => h.state)).toEqual([...new Set(standardPath.map(([state]) => state))]);
    expect(dossier.documents.map((d) => d.phase)).toEqual(['draft', 'draft', 'draft', 'signed', 'signed', 'signed', 'countersigned', 'publication']);
    expect(events.every((e) => e.actor.id && e.at && e.id)).toBe(true);
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
  });
});

describe('scenario: simplified procedure with an addendum on a published protocol', () => {
  it('numbers the addendum <protocol>/A<n> and shows it in the chain', () => {
    const protocolDossier = replay(eventsIn('published')) as Dossier;
    const protocolNumber = protocolDossier.protocolNumber as string;
    const parent = { number: protocolNumber, dossierReference: protocolDossier.reference, state: protocolDossier.state };
    const { dossier: addendumDossier, events } = run([
      [team, cmd.registerRequest('VSA-2026-0002')],
      [team, cmd.assignStatistician()],
      [statistician, cmd.requestFormsSimplified(parent)],
      [team, cmd.registerDraftDocuments(draftSet('simplified'))],
      [team, cmd.startDeliberation()],
      [dpo, cmd.giveAdvice()],
      [chief, cmd.decide('approved')],
      [team, cmd.registerSignedDocuments(signedSet('simplified'))],
      [chief, cmd.countersign(nextAddendumNumber(protocolNumber, []), '2029-02-28')],
      [team, cmd.sendBothVersions('addendum')],
      [team, cmd.publish()]
    ]);
    expect(addendumDossier).toMatchObject({
      state: 'published', procedure: 'simplified', simplifiedReasons: ['extension', 'addVariables'],
      parentProtocolNumber: 'PROT-2026-001', parentDossierReference: 'VSA-2026-0001', addendumNumber: 'PROT-2026-001/A1'
    });
    expect(addendumDossier.protocolNumber).toBeUndefined();
    expect(events.find((e) => e.type === 'Countersigned')).toMatchObject({ addendumNumber: 'PROT-2026-001/A1' });
    const chain = protocolChain([protocolDossier, addendumDossier], protocolNumber);
    expect(chain.protocol?.reference).toBe('VSA-2026-0001');
    expect(chain.addenda.map((d) => d.addendumNumber)).toEqual(['PROT-2026-001/A1']);
    expect(chain.effectiveEndDate).toBe('2029-02-28');
  });

  it('refuses an addendum number of another protocol and a parent protocol not yet published', () => {
    const history = run([[team, cmd.registerRequest('VSA-2026-0002')], [team, cmd.assignStatistician()]]).events;
    given(history)
      .when(cmd.requestFormsSimplified({ number: 'PROT-2026-001', dossierReference: 'VSA-2026-0001', state: 'signed' }), statistician)
      .thenErrors(['dossier.error.parentProtocolNotPublished']);
    const approved = run(
      [
        [statistician, cmd.requestFormsSimplified({ number: 'PROT-2026-001', dossierReference: 'VSA-2026-0001', state: 'delivered' })],
        [team, cmd.registerDraftDocuments(draftSet('simplified'))],
        [team, cmd.startDeliberation()],
        [dpo, cmd.giveAdvice()],
        [chief, cmd.decide()],
        [team, cmd.registerSignedDocuments(signedSet('simplified'))]
      ],
      history
    ).events;
    given(approved).when(cmd.countersign('PROT-2026-002/A1'), chief).thenErrors(['dossier.error.addendumNotLinked']);
    given(approved).when(cmd.countersign('PROT-2026-001', undefined, [countersignedDoc('addendum')]), chief).thenErrors(['dossier.error.invalidAddendumNumber']);
  });
});

describe('scenario: two return-for-changes rounds', () => {
  it('counts the rounds, keeps the comments per round and supersedes replaced drafts', () => {
    const { dossier } = run([
      ...standardPath.slice(0, 4).map(([, step]) => step()),
      [team, cmd.returnForChanges('Ronde 1: TOM onvolledig.')],
      [team, cmd.registerDraftDocuments([doc('verklaringTOM', 'v2')])],
      [team, cmd.returnForChanges('Ronde 2: protocol looptijd.')],
      [team, cmd.registerDraftDocuments([doc('protocol', 'v3')])],
      [team, cmd.startDeliberation()]
    ]);
    expect(dossier.state).toBe('deliberation');
    expect(dossier.returnRounds).toBe(2);
    expect(dossier.reviewComments.map((c) => [c.round, c.text])).toEqual([[1, 'Ronde 1: TOM onvolledig.'], [2, 'Ronde 2: protocol looptijd.']]);
    const current = dossier.documents.filter((d) => d.phase === 'draft' && !d.superseded).map((d) => d.id).sort();
    expect(current).toEqual(['aanvraagformulier-v1', 'protocol-v3', 'verklaringTOM-v2']);
    expect(dossier.documents.filter((d) => d.superseded).map((d) => d.id).sort()).toEqual(['protocol-v1', 'verklaringTOM-v1']);
    expect(dossier.stateHistory.filter((h) => h.state === 'returnedForChanges')).toHaveLength(2);
  });

  it('refuses returning without a comment', () => {
    given(eventsIn('underReview')).when(cmd.returnForChanges('  '), team).thenErrors(['dossier.error.reviewCommentRequired']);
  });
});

describe('scenario: request-more-information loop', () => {
  it('goes back to deliberation, gets new advice, then a decision', () => {
    const { dossier } = run(
      [
        [chief, cmd.requestMoreInformation()],
        [dpo, cmd.giveAdvice()],
        [chief, cmd.requestMoreInformation()],
        [dpo, cmd.giveAdvice()],
        [chief, cmd.decide('approved')]
      ],
      eventsIn('awaitingDecision')
    );
    expect(dossier.state).toBe('awaitingSignatures');
    expect(dossier.informationRequests).toHaveLength(2);
    expect(dossier.stateHistory.filter((h) => h.state === 'deliberation')).toHaveLength(3);
  });
});

describe('scenario: rejection', () => {
  it('ends in rejected with the motivation; nothing but comments and recorded mails afterwards', () => {
    const events = eventsIn('rejected');
    const dossier = replay(events) as Dossier;
    expect(dossier.state).toBe('rejected');
    expect(dossier.decision).toMatchObject({ outcome: 'rejected', motivation: 'Rechtsgrond in orde.', by: { id: chief.id } });
    for (const actor of Object.values(actors)) {
      expect(allowedCommands(dossier, actor).filter((c) => c !== 'addComment' && c !== 'recordCorrespondence')).toEqual([]);
    }
    given(events).when(cmd.withdraw(), team).thenErrors(['dossier.error.wrongState']);
  });
});

describe('scenario: withdrawal from each non-final state before delivery', () => {
  it.each(nonFinalStates.filter((s) => s !== 'delivered').map((s) => [s]))('withdraws from %s', (state) => {
    const history = eventsIn(state);
    const events = given(history).when(cmd.withdraw('Aanvrager ziet af van het onderzoek.'), team).thenEvents([{ type: 'Withdrawn' }]);
    const dossier = replay(events) as Dossier;
    expect(dossier).toMatchObject({ state: 'withdrawn', withdrawalReason: 'Aanvrager ziet af van het onderzoek.' });
    expect(dossier.stateHistory.at(-2)).toMatchObject({ state, leftAt: dossier.stateSince });
  });

  it('refuses withdrawal without a reason', () => {
    given(eventsIn('intake')).when(cmd.withdraw(''), team).thenErrors(['dossier.error.reasonRequired']);
  });

  it('refuses withdrawal once the data are delivered (then: close-out or revocation)', () => {
    given(eventsIn('delivered')).when(cmd.withdraw(), team).thenErrors(['dossier.error.wrongState']);
    given(eventsIn('closed')).when(cmd.withdraw(), team).thenErrors(['dossier.error.wrongState']);
  });
});

describe('scenario: not-admissible individual', () => {
  const history = run([[team, cmd.registerRequest('VSA-2026-0003', individual)]]).events;

  it('registers the individual with a warning; from then on only "not admissible" and its mail are offered', () => {
    const result = decide(undefined, cmd.registerRequest('VSA-2026-0003', individual), team, at(0));
    expect(result.ok && result.warnings.map((w) => w.code)).toEqual(['dossier.warning.requesterNotEligible']);
    const dossier = replay(history) as Dossier;
    expect(allowedCommands(dossier, team)).toEqual(['declareNotAdmissible', 'recordCorrespondence']);
    expect(allowedCommands(dossier, statistician)).toEqual(['recordCorrespondence']);
    given(history).when(cmd.assignStatistician(), team).thenErrors(['dossier.error.individualRequest']);
    given(history).when(cmd.addComment(), team).thenErrors(['dossier.error.individualRequest']);
  });

  it('refuses to request forms, also when a statistician was assigned before the rule', () => {
    // A dossier registered as an individual's after the assignment would carry both (older data).
    const assigned = [...eventsIn('preliminary')];
    const registered = assigned[0] as Extract<DossierEvent, { type: 'DossierRegistered' }>;
    const older = [{ ...registered, requester: individual }, ...assigned.slice(1)] as DossierEvent[];
    given(older).when(cmd.requestFormsStandard(), statistician).thenErrors(['dossier.error.individualRequest', 'dossier.error.requesterNotEligible']);
    expect(allowedCommands(replay(older), statistician)).toEqual(['declareNotAdmissible', 'recordCorrespondence']);
  });

  it('declares not admissible without a typed reason, recording the rule as a code (no text in the event)', () => {
    // Changed deliberately (issue #11): the event used to carry the Dutch sentence of the rule.
    const events = given(history).when(cmd.declareNotAdmissible(), team).thenEvents([{ type: 'DeclaredNotAdmissible' }]);
    const declared = events[events.length - 1];
    expect(declared).toMatchObject({ type: 'DeclaredNotAdmissible', reason: '', reasonCode: 'dossier.error.requesterNotEligible' });
    const dossier = replay(events) as Dossier;
    expect(dossier.state).toBe('notAdmissible');
    expect(dossier.notAdmissibleReasonCode).toBe('dossier.error.requesterNotEligible');
    expect(dossier.notAdmissibleReason).toBe('');
    expect(allowedCommands(dossier, team)).toEqual(['recordCorrespondence']);
  });

  it('keeps a typed not-admissible reason as typed, without a code', () => {
    const events = given(history).when(cmd.declareNotAdmissible('Geen instelling.'), team).thenEvents([{ type: 'DeclaredNotAdmissible' }]);
    expect(events[events.length - 1]).toMatchObject({ reason: 'Geen instelling.' });
    expect(events[events.length - 1]).not.toHaveProperty('reasonCode');
  });

  it('still needs a reason for an eligible requester', () => {
    given(eventsIn('preliminary')).when(cmd.declareNotAdmissible(), statistician).thenErrors(['dossier.error.reasonRequired']);
  });

  it('refuses to register an organisation without institution', () => {
    const requester = { isIndividual: false, contact: { name: 'K', email: 'k@x.example' } };
    given().when({ ...cmd.registerRequest(), requester } as never, team).thenErrors(['dossier.error.missingInstitution']);
  });
});

describe('scenario: signed set incomplete until the mandate proof arrives', () => {
  it('stays in awaitingSignatures with warnings, then moves on with the mandate', () => {
    const history = eventsIn('awaitingSignatures');
    const partial = decide(replay(history), cmd.registerSignedDocuments(signedSet('standard', 'gevolmachtigde').slice(0, 2)), team, at(20));
    expect(partial.ok).toBe(true);
    if (!partial.ok) return;
    expect(partial.events.map((e) => e.type)).toEqual(['SignedDocumentsRegistered']);
    expect(partial.warnings.map((w) => formatError(w, 'nl'))).toEqual([
      'Geregistreerd, maar de ondertekende set is nog onvolledig: Protocol.',
      'Signer s tekent als gevolmachtigde; het bewijs van volmacht ontbreekt.'
    ]);
    const afterPartial = [...history, ...partial.events];
    const threeSigned = decide(replay(afterPartial), cmd.registerSignedDocuments([doc('protocol', 's', 'gevolmachtigde')]), team, at(21));
    expect(threeSigned.ok && threeSigned.events.map((e) => e.type)).toEqual(['SignedDocumentsRegistered']);
    expect(threeSigned.ok && threeSigned.warnings.map((w) => w.code)).toEqual(['dossier.warning.mandateMissing']);
    const afterThree = [...afterPartial, ...(threeSigned.ok ? threeSigned.events : [])];
    expect(replay(afterThree)?.state).toBe('awaitingSignatures');
    expect(dossierCompleteness(replay(afterThree) as Dossier, 'signed')).toMatchObject({ complete: false, missing: [] });
    const withMandate = given(afterThree)
      .when(cmd.registerSignedDocuments([doc('mandate', 'volmacht')]), team)
      .thenEvents([{ type: 'SignedDocumentsRegistered' }, { type: 'SignedSetCompleted' }]);
    expect(replay(withMandate)?.state).toBe('awaitingCountersignature');
  });

  it('refuses an unsigned document in the signed phase', () => {
    given(eventsIn('awaitingSignatures'))
      .when(cmd.registerSignedDocuments([doc('protocol', 'unsigned')]), team)
      .thenErrors(['dossier.error.signedDocumentUnsigned']);
  });
});

describe('protocol numbering at countersignature', () => {
  it('takes the number the shell computed and validates its format', () => {
    const history = eventsIn('awaitingCountersignature');
    const number = nextProtocolNumber(['PROT-2026-001', 'PROT-2026-002', 'PROT-2025-010'], 2026);
    const events = given(history).when(cmd.countersign(number), chief).thenEvents([{ type: 'Countersigned', protocolNumber: 'PROT-2026-003' }]);
    expect(replay(events)).toMatchObject({ state: 'signed', protocolNumber: 'PROT-2026-003', countersignedAt: events.at(-1)?.at });
    given(history).when(cmd.countersign('2026/3'), chief).thenErrors(['dossier.error.invalidProtocolNumber']);
  });
});
