import {
  allowedCommands,
  decide,
  destructionFollowUp,
  effectiveDates,
  lifecycleFactsOf,
  replay,
  retentionWarnings,
  type Command,
  type Dossier,
  type DossierEvent,
  type LifecycleFacts
} from '../../src/domain';
import { actors, at, cmd, doc } from './support/fixtures';
import { given, run } from './support/given';
import { eventsIn, standardPath } from './support/paths';

const { team, statistician, chief, dpo } = actors;
const sha = 'a'.repeat(64);

/** The standard path up to `published`, with what the signed forms state (waves, recipients, retention end). */
function publishedWith(requested: { retentionEnd?: string; surveys?: string[] } = {}): DossierEvent[] {
  const history = eventsIn('published');
  const registered = history.find((event) => event.type === 'SignedDocumentsRegistered');
  if (!registered || registered.type !== 'SignedDocumentsRegistered') throw new Error('no signed documents in the fixture');
  const requestedData = {
    surveys: requested.surveys ?? ['SV-bevraging 2023-1', 'SV-bevraging 2023-2'],
    variablesCount: 12,
    recipients: [{ name: 'Karel Contact', institution: 'Universiteit Voorbeeld' }],
    ...(requested.retentionEnd ? { retentionEnd: requested.retentionEnd } : {})
  };
  return history.map((event) => (event === registered ? { ...registered, requestedData } : event));
}

const delivery = (overrides: Partial<Extract<Command, { type: 'registerDelivery' }>> = {}): Command => ({
  ...(cmd.registerDelivery() as Extract<Command, { type: 'registerDelivery' }>),
  method: undefined,
  waves: ['SV-bevraging 2023-1'],
  channel: 'sftp',
  files: [{ fileName: ' sv2023.csv ', sha256: sha.toUpperCase() }],
  ...overrides
});

describe('registerDelivery records what was delivered', () => {
  it('given a published protocol, when the delivery is registered, then waves, channel, checksums, recipients and the retention end are stored', () => {
    const history = publishedWith({ retentionEnd: '2027-12-31' });
    const events = given(history).when(delivery(), team).thenEvents([{
      type: 'DeliveryRegistered', waves: ['SV-bevraging 2023-1'], channel: 'sftp', files: [{ fileName: 'sv2023.csv', sha256: sha }],
      recipients: [{ name: 'Karel Contact', institution: 'Universiteit Voorbeeld' }], retentionEnd: '2027-12-31'
    }]);
    const dossier = replay(events) as Dossier;
    expect(dossier.state).toBe('delivered');
    expect(dossier.retentionEnd).toBe('2027-12-31');
    expect(dossier.delivery).toMatchObject({ channel: 'sftp', waves: ['SV-bevraging 2023-1'], recipients: [{ name: 'Karel Contact' }] });
  });

  it('takes the recipients from the dossier, never from the client', () => {
    const forged = { ...delivery(), recipients: [{ name: 'Iemand anders', institution: 'X' }] } as unknown as Command;
    const event = given(publishedWith()).when(forged, team).thenEvents([{ type: 'DeliveryRegistered' }]).at(-1);
    expect(event).toMatchObject({ recipients: [{ name: 'Karel Contact' }] });
  });

  it('refuses a wave the dossier did not request, an unknown channel and a checksum that is not 64 hex digits', () => {
    const bad = delivery({ waves: ['SV-bevraging 2021-1'], channel: 'fax' as never, files: [{ fileName: 'a.csv', sha256: 'abc' }, { fileName: ' ', sha256: sha }] });
    given(publishedWith()).when(bad, team).thenErrors([
      'dossier.error.waveNotRequested', 'dossier.error.deliveryChannelInvalid', 'dossier.error.checksumInvalid', 'dossier.error.deliveredFileNameRequired'
    ]);
  });

  it('warns the DPO team when the retention end is after the protocol end, or unknown', () => {
    const after = given(publishedWith({ retentionEnd: '2030-06-30' })).when(delivery(), team);
    expect(after.result.ok && after.result.warnings).toEqual([{ code: 'dossier.warning.retentionAfterProtocolEnd', params: { retentionEnd: '2030-06-30', protocolEnd: '2028-02-29' } }]);
    const unknown = given(publishedWith()).when(delivery(), team);
    expect(unknown.result.ok && unknown.result.warnings).toEqual([{ code: 'dossier.warning.retentionUnknown' }]);
    const within = given(publishedWith({ retentionEnd: '2028-02-29' })).when(delivery(), team);
    expect(within.result.ok && within.result.warnings).toEqual([]);
  });

  it('still accepts an older client that sends only date, dataset, variables and method', () => {
    given(eventsIn('published')).when(cmd.registerDelivery(), statistician).thenEvents([{ type: 'DeliveryRegistered', method: 'beveiligde download' }]);
  });
});

describe('evolve of deliveries written before issue 16', () => {
  it('folds a DeliveryRegistered event without the new fields: no waves, channel, files, recipients or retention end', () => {
    const history = eventsIn('published');
    const old: DossierEvent = {
      id: 'old:0', dossierReference: 'VSA-2026-0001', actor: team, at: at(40), type: 'DeliveryRegistered', deliveredOn: '2026-03-01', dataset: 'SV 2023', variables: 10, method: 'USB-stick'
    };
    const dossier = replay([...history, old]) as Dossier;
    expect(dossier.state).toBe('delivered');
    expect(dossier.delivery).toEqual({ deliveredOn: '2026-03-01', dataset: 'SV 2023', variables: 10, method: 'USB-stick', registeredAt: at(40) });
    expect(dossier.retentionEnd).toBeUndefined();
    expect(lifecycleFactsOf(dossier).retentionEnd).toBeUndefined();
  });
});

describe('confirmDestruction closes the dossier', () => {
  it('given a delivered dossier, when the DPO team registers the signed statement, then it is closed with the statement in the close-out phase', () => {
    const events = given(eventsIn('delivered')).when(cmd.confirmDestructionByStatement(), team).thenEvents([{ type: 'DestructionConfirmed', statement: expect.objectContaining({ kind: 'destructionStatement' }) as never }]);
    const dossier = replay(events) as Dossier;
    expect(dossier.state).toBe('closed');
    expect(dossier.destruction).toMatchObject({ documentId: 'destructionStatement-vernietigd', by: { id: team.id } });
    expect(dossier.documents.at(-1)).toMatchObject({ kind: 'destructionStatement', phase: 'closeOut' });
  });

  it('given a received mail recorded on the dossier, when the DPO team confirms with it, then the dossier is closed', () => {
    const history = run([[team, cmd.recordReceivedMail('AAMk-ok', '2026-09-01T08:00:00Z')]], eventsIn('delivered')).events;
    const dossier = replay(given(history).when(cmd.confirmDestructionByMail('AAMk-ok'), team).thenEvents([{ type: 'DestructionConfirmed', mailMessageId: 'AAMk-ok' }])) as Dossier;
    expect(dossier).toMatchObject({ state: 'closed', destruction: { mailMessageId: 'AAMk-ok' } });
  });

  it('refuses without evidence, with both, with a mail not recorded or only sent, and a statement of another kind', () => {
    const delivered = run([[team, cmd.recordSentMail('sent-1')]], eventsIn('delivered')).events;
    given(delivered).when({ type: 'confirmDestruction', commandId: 'x1' }, team).thenErrors(['dossier.error.destructionEvidenceRequired']);
    given(delivered).when({ type: 'confirmDestruction', commandId: 'x2', statement: doc('destructionStatement', 'd'), mailMessageId: 'sent-1' }, team)
      .thenErrors(['dossier.error.destructionEvidenceAmbiguous']);
    given(delivered).when(cmd.confirmDestructionByMail('sent-1'), team).thenErrors(['dossier.error.destructionMailUnknown']);
    given(delivered).when(cmd.confirmDestructionByMail('AAMk-onbekend'), team).thenErrors(['dossier.error.destructionMailUnknown']);
    given(delivered).when({ type: 'confirmDestruction', commandId: 'x3', statement: doc('protocol', 'p') }, team).thenErrors(['dossier.error.unexpectedDocument']);
  });

  it('refuses a mail received before the data were delivered: it cannot confirm their destruction', () => {
    // eventsIn('delivered') delivers on 2026-06-01; the forms mail of January is on the dossier too.
    const history = run([[team, cmd.recordReceivedMail('AAMk-formulieren', '2026-01-07T08:15:00Z')], [team, cmd.recordReceivedMail('AAMk-dag-ervoor', '2026-05-31T21:30:00Z')]], eventsIn('delivered')).events;
    given(history).when(cmd.confirmDestructionByMail('AAMk-formulieren'), team).thenErrors(['dossier.error.destructionMailBeforeDelivery']);
    // 23:30 in Brussels on 31 May is still before the delivery date.
    given(history).when(cmd.confirmDestructionByMail('AAMk-dag-ervoor'), team).thenErrors(['dossier.error.destructionMailBeforeDelivery']);
  });

  it('is the DPO team\'s, and only from delivered', () => {
    given(eventsIn('delivered')).when(cmd.confirmDestructionByStatement(), statistician).thenErrors(['dossier.error.forbidden']);
    given(eventsIn('published')).when(cmd.confirmDestructionByStatement(), team).thenErrors(['dossier.error.wrongState']);
    given(eventsIn('closed')).when(cmd.confirmDestructionByStatement(), team).thenErrors(['dossier.error.wrongState']);
  });

  it('leaves only comments and recorded mails on a closed dossier', () => {
    const closed = replay(eventsIn('closed')) as Dossier;
    for (const actor of Object.values(actors)) {
      expect(allowedCommands(closed, actor).filter((c) => c !== 'addComment' && c !== 'recordCorrespondence')).toEqual([]);
    }
  });
});

describe('revokeProtocol', () => {
  it('given a delivered protocol, when the Chief Statistician revokes it, then the dossier keeps its state and is marked revoked', () => {
    const events = given(eventsIn('delivered')).when(cmd.revokeProtocol('2026-01-20', ' Inbreuk op de voorwaarden. '), chief, at(60)).thenEvents([{ type: 'ProtocolRevoked', date: '2026-01-20', reason: 'Inbreuk op de voorwaarden.' }]);
    const dossier = replay(events) as Dossier;
    expect(dossier.state).toBe('delivered');
    expect(dossier.revocation).toMatchObject({ date: '2026-01-20', reason: 'Inbreuk op de voorwaarden.', by: { id: chief.id } });
    expect(lifecycleFactsOf(dossier).revokedOn).toBe('2026-01-20');
  });

  it('also on a published protocol; afterwards no delivery, no second revocation, but withdrawal and comments remain', () => {
    const events = given(eventsIn('published')).when(cmd.revokeProtocol('2026-01-18'), chief, at(60)).thenEvents([{ type: 'ProtocolRevoked' }]);
    given(events).when(cmd.registerDelivery(), team).thenErrors(['dossier.error.protocolRevoked']);
    given(events).when(cmd.revokeProtocol('2026-01-18'), chief).thenErrors(['dossier.error.protocolRevoked']);
    const dossier = replay(events) as Dossier;
    expect(allowedCommands(dossier, team)).toEqual(expect.arrayContaining(['withdraw', 'addComment', 'recordCorrespondence']));
    expect(allowedCommands(dossier, team)).not.toContain('registerDelivery');
  });

  it('a delivered revoked dossier can still be closed by confirming the destruction', () => {
    const revoked = given(eventsIn('delivered')).when(cmd.revokeProtocol('2026-01-20'), chief, at(60)).thenEvents([{ type: 'ProtocolRevoked' }]);
    given(revoked).when(cmd.confirmDestructionByStatement(), team).thenEvents([{ type: 'DestructionConfirmed' }]);
  });

  it('requires a reason and a date not after today nor before the countersignature', () => {
    const history = eventsIn('delivered');
    const now = '2026-02-10T10:00:00.000Z';
    given(history).when(cmd.revokeProtocol('2026-02-01', '  '), chief, now).thenErrors(['dossier.error.revocationReasonRequired']);
    given(history).when(cmd.revokeProtocol('1 februari', 'Reden.'), chief, now).thenErrors(['dossier.error.revocationDateInvalid']);
    given(history).when(cmd.revokeProtocol('2026-02-11', 'Reden.'), chief, now).thenErrors(['dossier.error.revocationDateInFuture']);
    given(history).when(cmd.revokeProtocol('2025-12-31', 'Reden.'), chief, now).thenErrors(['dossier.error.revocationBeforeCountersignature']);
  });

  it('also on a countersigned protocol not yet published; afterwards it cannot be published, and it never reaches the public register', () => {
    const events = given(eventsIn('signed')).when(cmd.revokeProtocol('2026-01-18'), chief, at(60)).thenEvents([{ type: 'ProtocolRevoked' }]);
    given(events).when(cmd.publish(), team).thenErrors(['dossier.error.protocolRevoked']);
    const dossier = replay(events) as Dossier;
    expect(dossier.state).toBe('signed');
    expect(allowedCommands(dossier, team)).toEqual(expect.arrayContaining(['withdraw', 'addComment']));
    expect(allowedCommands(dossier, team)).not.toContain('publish');
    // Never delivered: nothing to destroy.
    expect(destructionFollowUp(dossier, effectiveDates(lifecycleFactsOf(dossier), []), '2026-03-01T10:00:00.000Z')).toBeUndefined();
  });

  it('is the Chief Statistician\'s, only from the countersignature on (signed, published, delivered), only on a standard protocol', () => {
    given(eventsIn('delivered')).when(cmd.revokeProtocol(), dpo, at(60)).thenErrors(['dossier.error.forbidden']);
    given(eventsIn('awaitingCountersignature')).when(cmd.revokeProtocol(), chief, at(60)).thenErrors(['dossier.error.wrongState', 'dossier.error.revocationNotAProtocol']);
    const addendum = simplifiedPublished();
    given(addendum).when(cmd.revokeProtocol('2026-02-01'), chief, at(60)).thenErrors(['dossier.error.revocationNotAProtocol']);
  });
});

/** An addendum dossier on PROT-2026-001, published (A1). */
function simplifiedPublished(): DossierEvent[] {
  const parent = { number: 'PROT-2026-001', dossierReference: 'VSA-2026-0001', state: 'published' as const };
  return run([
    [team, cmd.registerRequest('VSA-2026-0002')],
    [team, cmd.assignStatistician()],
    [statistician, cmd.requestFormsSimplified(parent)],
    [team, cmd.registerDraftDocuments([doc('vereenvoudigdAanvraagformulier', 'v1')])],
    [team, cmd.startDeliberation()],
    [dpo, cmd.giveAdvice()],
    [chief, cmd.decide('approved')],
    [team, cmd.registerSignedDocuments([doc('vereenvoudigdAanvraagformulier', 's', 'wettelijk vertegenwoordiger'), doc('addendum', 's', 'wettelijk vertegenwoordiger')])],
    [chief, cmd.countersign('PROT-2026-001/A1', '2029-02-28')],
    [team, cmd.sendBothVersions('addendum')],
    [team, cmd.publish()]
  ]).events;
}

describe('pending addenda of a revoked protocol stop', () => {
  const revoked = { protocolRevocation: { protocolNumber: 'PROT-2026-001', date: '2026-01-20' } };
  const pending = run([
    [team, cmd.registerRequest('VSA-2026-0002')],
    [team, cmd.assignStatistician()],
    [statistician, cmd.requestFormsSimplified({ number: 'PROT-2026-001', dossierReference: 'VSA-2026-0001', state: 'delivered' })]
  ]).events;
  const dossier = replay(pending) as Dossier;

  it('refuses every further step on an addendum dossier whose protocol is revoked, with the protocol and date', () => {
    const result = decide(dossier, cmd.registerDraftDocuments([doc('vereenvoudigdAanvraagformulier', 'v1')]), team, at(20), revoked);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors).toContainEqual({ kind: 'wrongState', code: 'dossier.error.protocolRevoked', params: { command: 'registerDraftDocuments', number: 'PROT-2026-001', date: '2026-01-20' } });
  });

  it('still lets the team withdraw it (the buttons follow the same rule)', () => {
    expect(decide(dossier, cmd.withdraw('Protocol ingetrokken.'), team, at(20), revoked).ok).toBe(true);
    expect(allowedCommands(dossier, team, revoked)).toEqual(['withdraw', 'addComment', 'recordCorrespondence']);
    expect(allowedCommands(dossier, team)).toContain('registerDraftDocuments');
  });
});

describe('effective dates from the protocol chain', () => {
  const protocol: LifecycleFacts = {
    reference: 'VSA-2026-0001', state: 'delivered', procedure: 'standard', protocolNumber: 'PROT-2026-001', protocolEndDate: '2028-02-29', retentionEnd: '2028-12-31'
  };
  const extension: LifecycleFacts = {
    reference: 'VSA-2026-0009', state: 'published', procedure: 'simplified', parentProtocolNumber: 'PROT-2026-001', addendumNumber: 'PROT-2026-001/A1', protocolEndDate: '2029-02-28'
  };
  const variables: LifecycleFacts = {
    reference: 'VSA-2026-0010', state: 'delivered', procedure: 'simplified', parentProtocolNumber: 'PROT-2026-001', addendumNumber: 'PROT-2026-001/A2'
  };

  it('without addenda: the protocol\'s own dates', () => {
    expect(effectiveDates(protocol, [])).toEqual({ protocolEnd: '2028-02-29', retentionEnd: '2028-12-31', movedBy: [] });
  });

  it('an extension addendum moves the protocol end and the retention end by the same number of days', () => {
    expect(effectiveDates(protocol, [extension, variables])).toEqual({ protocolEnd: '2029-02-28', retentionEnd: '2029-12-31', movedBy: ['PROT-2026-001/A1'] });
  });

  it('an addendum dossier takes its protocol\'s dates and revocation', () => {
    expect(effectiveDates(variables, [protocol, extension])).toEqual({ protocolEnd: '2029-02-28', retentionEnd: '2029-12-31', movedBy: ['PROT-2026-001/A1'] });
    expect(effectiveDates(variables, [{ ...protocol, revokedOn: '2026-05-01' }])).toMatchObject({ revokedOn: '2026-05-01' });
  });

  it('an addendum not yet countersigned moves nothing', () => {
    const underWay = { ...extension, addendumNumber: undefined, state: 'underReview' as const };
    expect(effectiveDates(protocol, [underWay])).toMatchObject({ protocolEnd: '2028-02-29', retentionEnd: '2028-12-31' });
  });
});

describe('retentionWarnings', () => {
  it('warns when the retention end is after the protocol end, or unknown; nothing otherwise', () => {
    expect(retentionWarnings({ protocolEnd: '2028-02-29', retentionEnd: '2028-03-01' })[0].code).toBe('dossier.warning.retentionAfterProtocolEnd');
    expect(retentionWarnings({ protocolEnd: '2028-02-29' })).toEqual([{ code: 'dossier.warning.retentionUnknown' }]);
    expect(retentionWarnings({ protocolEnd: '2028-02-29', retentionEnd: '2028-02-29' })).toEqual([]);
  });
});

describe('destructionFollowUp', () => {
  const deliveredWith = (retentionEnd?: string): Dossier => replay(given(publishedWith({ retentionEnd })).when(delivery(), team).thenEvents([{ type: 'DeliveryRegistered' }])) as Dossier;

  it('has none before delivery', () => {
    const published = replay(eventsIn('published')) as Dossier;
    expect(destructionFollowUp(published, { movedBy: [] }, '2026-06-01T10:00:00.000Z')).toBeUndefined();
  });

  it('starts from the (effective) retention end: not due before, due on and after it (Brussels day)', () => {
    const dossier = deliveredWith('2027-12-31');
    const dates = effectiveDates(lifecycleFactsOf(dossier), []);
    expect(destructionFollowUp(dossier, dates, '2027-12-30T12:00:00.000Z')).toEqual({ from: '2027-12-31', basis: 'retentionEnd', confirmed: false, due: false, daysSince: 0 });
    // 23:30 UTC on 30 December is already 31 December in Brussels.
    expect(destructionFollowUp(dossier, dates, '2027-12-30T23:30:00.000Z')).toMatchObject({ due: true, daysSince: 0 });
    expect(destructionFollowUp(dossier, dates, '2028-01-10T09:00:00.000Z')).toMatchObject({ due: true, daysSince: 10 });
    expect(destructionFollowUp(dossier, { ...dates, retentionEnd: '2028-12-31' }, '2028-01-10T09:00:00.000Z')).toMatchObject({ from: '2028-12-31', due: false });
  });

  it('falls back on the protocol end when the retention end is unknown', () => {
    const dossier = deliveredWith();
    expect(destructionFollowUp(dossier, effectiveDates(lifecycleFactsOf(dossier), []), '2026-06-01T10:00:00.000Z')).toMatchObject({ from: '2028-02-29', basis: 'protocolEnd' });
  });

  it('starts at once from the revocation date when the protocol is revoked', () => {
    const delivered = deliveredWith('2027-12-31');
    const history = run([[chief, cmd.revokeProtocol(delivered.countersignedAt!.slice(0, 10))]], given(publishedWith({ retentionEnd: '2027-12-31' })).when(delivery(), team).thenEvents([{ type: 'DeliveryRegistered' }])).events;
    const revoked = replay(history) as Dossier;
    const followUp = destructionFollowUp(revoked, effectiveDates(lifecycleFactsOf(revoked), []), '2026-03-01T10:00:00.000Z');
    expect(followUp).toMatchObject({ from: revoked.revocation!.date, basis: 'revoked', due: true, confirmed: false });
  });

  it('is confirmed once the dossier is closed', () => {
    const closed = replay(eventsIn('closed')) as Dossier;
    expect(destructionFollowUp(closed, effectiveDates(lifecycleFactsOf(closed), []), '2030-01-01T10:00:00.000Z')).toMatchObject({ confirmed: true, due: false });
  });
});

describe('fixtures', () => {
  it('the standard path still ends in delivered', () => {
    expect(standardPath.at(-1)?.[0]).toBe('delivered');
  });
});
