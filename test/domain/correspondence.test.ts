import {
  allowedCommands,
  correspondenceKindLabel,
  correspondenceKinds,
  decide,
  formatError,
  outgoingMailKinds,
  protocolChain,
  replay,
  stateIds
} from '../../src/domain';
import type { Command, Dossier, DossierEvent, StateId } from '../../src/domain';
import { actors, at, cmd } from './support/fixtures';
import { given, run } from './support/given';
import { eventsIn } from './support/paths';

const { team, statistician, otherStatistician, dpo, chief, outsider } = actors;

describe('recordCorrespondence', () => {
  it('records a sent mail without changing the state, and keeps no addresses', () => {
    const history = eventsIn('formsRequested');
    const before = replay(history) as Dossier;
    const command = { ...cmd.recordSentMail('sent:mail-forms-1'), comment: 'Via de preview verstuurd.' };
    const events = given(history).when(command, team).thenEvents([
      {
        type: 'CorrespondenceRecorded', direction: 'outgoing', kind: 'requestForms', messageId: 'sent:mail-forms-1',
        sentAt: '2026-01-06T10:00:00.000Z', attachmentNames: ['aanvraagformulier.docx', 'verklaringTOM.docx', 'protocol.docx'], recipientsCount: 2,
        comment: 'Via de preview verstuurd.'
      }
    ]);
    const after = replay(events) as Dossier;
    expect(after.state).toBe('formsRequested');
    expect(after.stateHistory).toEqual(before.stateHistory);
    expect(after.comments).toEqual([]);
    expect(after.correspondence).toEqual([
      {
        direction: 'outgoing', kind: 'requestForms', messageId: 'sent:mail-forms-1', subject: '[VSA-2026-0001] Aanvraag microdata: in te vullen formulieren',
        sentAt: '2026-01-06T10:00:00.000Z', attachmentNames: ['aanvraagformulier.docx', 'verklaringTOM.docx', 'protocol.docx'], recipientsCount: 2,
        eventId: events.at(-1)?.id, recordedBy: { id: team.id, displayName: team.displayName }, recordedAt: events.at(-1)?.at
      }
    ]);
    expect(JSON.stringify(events.at(-1))).not.toMatch(/karel@uni\.example/);
  });

  it('records a received mail in order after the sent one, without fields of the other direction', () => {
    const history = run([[team, cmd.recordSentMail('sent:1')], [dpo, cmd.recordReceivedMail('AAMkAD=')]], eventsIn('preliminary')).events;
    const dossier = replay(history) as Dossier;
    expect(dossier.correspondence.map((c) => [c.direction, c.kind, c.messageId])).toEqual([
      ['outgoing', 'requestForms', 'sent:1'],
      ['incoming', 'incoming', 'AAMkAD=']
    ]);
    const received = history.at(-1) as DossierEvent;
    expect(received).toMatchObject({ type: 'CorrespondenceRecorded', receivedAt: '2026-01-07T08:15:00Z', attachmentNames: ['aanvraagformulier.docx'] });
    expect(received).not.toHaveProperty('sentAt');
    expect(received).not.toHaveProperty('recipientsCount');
  });

  it.each(stateIds.map((s) => [s]))('is allowed to any VSA role in state %s, final states included', (state: StateId) => {
    const dossier = replay(eventsIn(state));
    for (const actor of [team, statistician, otherStatistician, dpo, chief]) expect(allowedCommands(dossier, actor)).toContain('recordCorrespondence');
    expect(allowedCommands(dossier, outsider)).not.toContain('recordCorrespondence');
    const result = decide(dossier, cmd.recordReceivedMail(), chief, at(50));
    expect(result.ok && replay([...eventsIn(state), ...result.events])?.state).toBe(state);
  });

  it('is refused before registration and to someone without a VSA role', () => {
    given().when(cmd.recordSentMail(), team).thenErrors(['dossier.error.noDossier']);
    given(eventsIn('intake')).when(cmd.recordSentMail(), outsider).thenErrors(['dossier.error.forbidden']);
  });

  it('refuses the same message id twice, also under another command id, in either direction', () => {
    const history = run([[team, cmd.recordReceivedMail('AAMk-1')]], eventsIn('underReview')).events;
    given(history).when(cmd.recordReceivedMail('AAMk-1'), team).thenErrors(['dossier.error.correspondenceAlreadyRecorded']);
    given(history).when(cmd.recordSentMail('AAMk-1'), statistician).thenErrors(['dossier.error.correspondenceAlreadyRecorded']);
    const refused = given(history).when(cmd.recordReceivedMail('AAMk-1'), team).result;
    if (refused.ok) throw new Error('expected a refusal');
    expect(refused.errors[0].params).toEqual({ messageId: 'AAMk-1', eventId: history.at(-1)?.id });
    expect(formatError(refused.errors[0], 'nl')).toBe(`Deze e-mail (AAMk-1) is al geregistreerd in dit dossier (gebeurtenis ${history.at(-1)?.id}).`);
    given(history).when(cmd.recordReceivedMail('AAMk-2'), team).thenEvents([{ type: 'CorrespondenceRecorded', messageId: 'AAMk-2' }]);
  });

  it('gives the same event ids when the same command is decided again (idempotency key)', () => {
    const dossier = replay(eventsIn('intake'));
    const command = cmd.recordSentMail();
    const first = decide(dossier, command, team, at(3));
    expect(decide(dossier, command, team, at(3))).toEqual(first);
    expect(first.ok && first.events.map((e) => e.id)).toEqual([`${command.commandId}:0`]);
  });

  it('checks every required field and reports all problems together', () => {
    const intake = eventsIn('intake');
    const bad = (patch: Record<string, unknown>): Command => ({ ...cmd.recordSentMail(), ...patch }) as Command;
    given(intake).when(bad({ messageId: ' ', subject: '', sentAt: '2026-01-06 10:00', attachmentNames: ['ok.pdf', ''], recipientsCount: 0 }), team).thenErrors([
      'dossier.error.messageIdRequired',
      'dossier.error.correspondenceSubjectRequired',
      'dossier.error.invalidDateTime',
      'dossier.error.invalidAttachmentNames',
      'dossier.error.invalidRecipientsCount'
    ]);
    given(intake).when(bad({ direction: 'sideways' }), team).thenErrors(['dossier.error.correspondenceDirectionInvalid']);
    given(intake).when(bad({ kind: 'incoming' }), team).thenErrors(['dossier.error.correspondenceKindInvalid']);
    given(intake).when(bad({ kind: 'newsletter' }), team).thenErrors(['dossier.error.correspondenceKindInvalid']);
    given(intake).when(bad({ attachmentNames: undefined }), team).thenErrors(['dossier.error.invalidAttachmentNames']);
    given(intake).when(bad({ recipientsCount: 1.5 }), team).thenErrors(['dossier.error.invalidRecipientsCount']);
    given(intake).when(bad({ attachmentNames: [], recipientsCount: undefined }), team).thenEvents([{ type: 'CorrespondenceRecorded', attachmentNames: [] }]);
    const incoming = (patch: Record<string, unknown>): Command => ({ ...cmd.recordReceivedMail(), ...patch }) as Command;
    given(intake).when(incoming({ kind: 'requestForms' }), team).thenErrors(['dossier.error.correspondenceKindInvalid']);
    given(intake).when(incoming({ receivedAt: undefined, sentAt: '2026-01-07T08:15:00Z' }), team).thenErrors(['dossier.error.invalidDateTime']);
  });

  it('renders its refusals with localized kinds and directions', () => {
    const refused = decide(replay(eventsIn('intake')), { ...cmd.recordReceivedMail(), kind: 'decision' } as Command, team, at(3));
    if (refused.ok) throw new Error('expected a refusal');
    expect(formatError(refused.errors[0], 'nl')).toBe('Het soort e-mail "Beslissing meegedeeld" past niet bij de richting "Ontvangen".');
    expect(formatError(refused.errors[0], 'en')).toBe('The mail kind "Decision communicated" does not fit the direction "Received".');
  });

  it('labels every correspondence kind in both languages', () => {
    expect(correspondenceKinds).toEqual([...outgoingMailKinds, 'incoming']);
    for (const kind of correspondenceKinds) {
      expect(correspondenceKindLabel(kind, 'nl')).not.toBe('');
      expect(correspondenceKindLabel(kind, 'en')).not.toBe(correspondenceKindLabel(kind, 'nl'));
    }
  });
});

describe('registerRequest with a parent protocol', () => {
  const published = replay(eventsIn('published')) as Dossier;
  const protocolNumber = published.protocolNumber as string;
  const extensionRequest = (patch: Record<string, unknown> = {}): Command =>
    ({ ...cmd.registerRequest('VSA-2026-0002'), parentProtocolNumber: protocolNumber, simplifiedReasons: ['extension'], ...patch }) as Command;

  it('links the new dossier to its protocol from the first event', () => {
    const events = given().when(extensionRequest(), team).thenEvents([{ type: 'DossierRegistered', parentProtocolNumber: protocolNumber, simplifiedReasons: ['extension'] }]);
    const dossier = replay(events) as Dossier;
    expect(dossier).toMatchObject({ state: 'intake', parentProtocolNumber: protocolNumber, simplifiedReasons: ['extension'] });
    expect(dossier.procedure).toBeUndefined();
    expect(protocolChain([published, dossier], protocolNumber).pending.map((d) => d.reference)).toEqual(['VSA-2026-0002']);
  });

  it('still lets requestForms enforce the simplified conditions and make the link formal', () => {
    const { events } = run([[team, extensionRequest()], [team, cmd.assignStatistician()]]);
    const parent = { number: protocolNumber, dossierReference: published.reference, state: published.state };
    given(events).when(cmd.requestFormsSimplified({ ...parent, state: 'signed' }), statistician).thenErrors(['dossier.error.parentProtocolNotPublished']);
    given(events).when({ ...cmd.requestFormsSimplified(parent), simplifiedReasons: [] } as Command, statistician).thenErrors(['dossier.error.simplifiedReasonRequired']);
    const formal = replay(given(events).when(cmd.requestFormsSimplified(parent), statistician).thenEvents([{ type: 'FormsRequested', parentProtocolNumber: protocolNumber }])) as Dossier;
    expect(formal).toMatchObject({ procedure: 'simplified', parentProtocolNumber: protocolNumber, parentDossierReference: published.reference });
    const standard = replay(given(events).when(cmd.requestFormsStandard(), statistician).thenEvents([{ type: 'FormsRequested', procedure: 'standard' }])) as Dossier;
    expect(standard.parentProtocolNumber).toBeUndefined();
    expect(standard.simplifiedReasons).toEqual([]);
  });

  it('refuses a malformed protocol number, unknown reasons, and reasons without a protocol', () => {
    given().when(extensionRequest({ parentProtocolNumber: 'PROT-25-1' }), team).thenErrors(['dossier.error.invalidParentProtocolNumber']);
    given().when(extensionRequest({ simplifiedReasons: ['extension', 'cheaper'] }), team).thenErrors(['dossier.error.unknownSimplifiedReason']);
    given().when(extensionRequest({ parentProtocolNumber: undefined }), team).thenErrors(['dossier.error.parentProtocolRequired']);
    given().when(extensionRequest({ simplifiedReasons: undefined }), team).thenEvents([{ type: 'DossierRegistered', parentProtocolNumber: protocolNumber }]);
  });

  it('leaves an ordinary registration without link fields', () => {
    const [event] = given().when(cmd.registerRequest('VSA-2026-0003'), team).thenEvents([{ type: 'DossierRegistered' }]);
    expect(event).not.toHaveProperty('parentProtocolNumber');
    expect(event).not.toHaveProperty('simplifiedReasons');
    expect(replay([event])).toMatchObject({ simplifiedReasons: [], correspondence: [] });
  });
});
