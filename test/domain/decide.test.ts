import { EventFoldError, decide, evolve, replay } from '../../src/domain';
import type { Command, Dossier, DossierEvent } from '../../src/domain';
import { actors, at, cmd, doc, draftSet } from './support/fixtures';
import { given } from './support/given';
import { adequateCriteria } from '../support/adviceCriteria';
import { eventsIn } from './support/paths';

const { team, statistician, otherStatistician, dpo, chief, outsider } = actors;

describe('decide lists every violation', () => {
  it('reports role, state and guard together', () => {
    const result = decide(replay(eventsIn('intake')), { ...cmd.giveAdvice(), legalBasis: '', text: '', criteria: adequateCriteria('') } as Command, outsider, at(9));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => [e.kind, e.code])).toEqual([
      ['forbidden', 'dossier.error.forbidden'],
      ['wrongState', 'dossier.error.wrongState'],
      ['guard', 'dossier.error.legalBasisRequired'],
      ['guard', 'dossier.error.adviceTextRequired']
    ]);
  });

  it('refuses an unknown command and an invalid time without throwing', () => {
    given(eventsIn('intake')).when({ type: 'launchRocket', commandId: 'x' } as never, team).thenErrors(['dossier.error.unknownCommand']);
    given(eventsIn('intake')).when(cmd.addComment(), team, 'gisteren').thenErrors(['dossier.error.invalidTime']);
    given(eventsIn('intake')).when({ ...cmd.addComment(), commandId: '' }, team).thenErrors(['dossier.error.commandIdRequired']);
  });

  it('refuses commands on a missing dossier and a second registration', () => {
    given().when(cmd.addComment(), team).thenErrors(['dossier.error.noDossier']);
    given(eventsIn('intake')).when(cmd.registerRequest(), team).thenErrors(['dossier.error.alreadyRegistered']);
  });

  it('validates the registration payload', () => {
    const bad = { ...cmd.registerRequest('VSA-26-1'), subject: ' ', requester: { isIndividual: false, institution: 'X', contact: { name: '', email: 'geen-adres' } } } as Command;
    given().when(bad, team).thenErrors([
      'dossier.error.invalidReference', 'dossier.error.missingContactName', 'dossier.error.invalidContactEmail', 'dossier.error.missingSubject'
    ]);
  });
});

describe('intake commands', () => {
  it('assigns only a member of the statisticians group', () => {
    given(eventsIn('intake')).when(cmd.assignStatistician(chief), team).thenErrors(['dossier.error.assigneeNotStatistician']);
    given(eventsIn('intake')).when(cmd.assignStatistician(), team).thenEvents([{ type: 'StatisticianAssigned', assignee: { id: statistician.id, displayName: statistician.displayName } }]);
  });

  it('lets only the assigned statistician request forms, and reassignment moves that right', () => {
    given(eventsIn('preliminary')).when(cmd.requestFormsStandard(), otherStatistician).thenErrors(['dossier.error.forbidden']);
    const reassigned = given(eventsIn('preliminary')).when(cmd.assignStatistician(otherStatistician), team).thenEvents([{ type: 'StatisticianAssigned' }]);
    expect(replay(reassigned)?.stateHistory.filter((h) => h.state === 'preliminary')).toHaveLength(1);
    given(reassigned).when(cmd.requestFormsStandard(), statistician).thenErrors(['dossier.error.forbidden']);
    given(reassigned).when(cmd.requestFormsStandard(), otherStatistician).thenEvents([{ type: 'FormsRequested', procedure: 'standard', simplifiedReasons: [] }]);
  });

  it('requires a procedure', () => {
    given(eventsIn('preliminary')).when({ type: 'requestForms', commandId: 'c1' } as Command, statistician).thenErrors(['dossier.error.procedureRequired']);
  });
});

describe('document registration', () => {
  it('refuses an incomplete, signed or malformed draft set with every problem', () => {
    const [form, , protocol] = draftSet('standard');
    const signedDraft = doc('verklaringTOM', 'x', 'wettelijk vertegenwoordiger');
    given(eventsIn('formsRequested')).when(cmd.registerDraftDocuments([form, signedDraft]), team).thenErrors([
      'dossier.error.missingDocument', 'dossier.error.draftDocumentSigned'
    ]);
    given(eventsIn('formsRequested'))
      .when(cmd.registerDraftDocuments([form, protocol, { ...protocol }, doc('addendum', 'x'), { ...doc('verklaringTOM', 'y'), fileName: '' }]), team)
      .thenErrors(['dossier.error.duplicateDocumentId', 'dossier.error.unexpectedDocument', 'dossier.error.invalidDocument']);
    given(eventsIn('formsRequested')).when(cmd.registerDraftDocuments([]), team).thenErrors(['dossier.error.noDocuments', 'dossier.error.missingDocument', 'dossier.error.missingDocument', 'dossier.error.missingDocument']);
  });

  it('warns about blocking findings but registers the drafts', () => {
    const drafts = draftSet('standard').map((d, i) => (i === 0 ? { ...d, checkSummary: { blocking: 3, warnings: 0, info: 0 } } : d));
    const result = decide(replay(eventsIn('formsRequested')), cmd.registerDraftDocuments(drafts), team, at(9));
    expect(result.ok && result.warnings).toEqual([{ code: 'dossier.warning.blockingFindings', params: { fileName: 'aanvraagformulier-v1.docx', count: 3 } }]);
  });
});

describe('startDeliberation', () => {
  const blocked = (): DossierEvent[] => {
    const history = eventsIn('formsRequested');
    const drafts = draftSet('standard').map((d, i) => (i === 1 ? { ...d, checkSummary: { blocking: 2, warnings: 0, info: 0 } } : i === 2 ? { ...d, checkSummary: undefined } : d));
    const result = decide(replay(history), cmd.registerDraftDocuments(drafts), team, at(9));
    if (!result.ok) throw new Error('setup');
    return [...history, ...result.events];
  };

  it('refuses while a check has blocking findings or is missing', () => {
    given(blocked()).when(cmd.startDeliberation(), team).thenErrors(['dossier.error.blockingFindings', 'dossier.error.documentNotChecked']);
  });

  it('accepts an override with a reason and records it', () => {
    const events = given(blocked()).when(cmd.startDeliberation('Bevinding is vals alarm.'), dpo).thenEvents([{ type: 'DeliberationStarted', overrideReason: 'Bevinding is vals alarm.' }]);
    expect((replay(events) as Dossier).checkOverride).toMatchObject({ reason: 'Bevinding is vals alarm.', by: { id: dpo.id } });
  });
});

describe('events', () => {
  it('carry id, actor snapshot, time and the optional comment, without undefined members', () => {
    const command = { ...cmd.addComment('Telefonisch contact.'), comment: 'via onthaal' };
    const [event] = given(eventsIn('rejected')).when(command, chief, '2026-03-03T10:00:00.000Z').thenEvents([{ type: 'CommentAdded' }]).slice(-1);
    expect(event).toEqual({
      type: 'CommentAdded', text: 'Telefonisch contact.', id: `${command.commandId}:0`, dossierReference: 'VSA-2026-0001',
      actor: { id: chief.id, displayName: chief.displayName, roles: ['chiefStatistician'] }, at: '2026-03-03T10:00:00.000Z', comment: 'via onthaal'
    });
    const decideEvent = decide(replay(eventsIn('awaitingDecision')), cmd.decide(), chief, at(30));
    expect(decideEvent.ok && Object.values(decideEvent.events[0]).includes(undefined)).toBe(false);
  });

  it('addComment works in every state, also final ones, for any VSA role but not for outsiders', () => {
    given(eventsIn('withdrawn')).when(cmd.addComment(), statistician).thenEvents([{ type: 'CommentAdded' }]);
    given(eventsIn('delivered')).when(cmd.addComment(), outsider).thenErrors(['dossier.error.forbidden']);
    given(eventsIn('intake')).when(cmd.addComment('   '), team).thenErrors(['dossier.error.commentTextRequired']);
  });
});

describe('evolve refuses events that cannot apply', () => {
  const history = eventsIn('intake');

  it('throws a clear EventFoldError', () => {
    expect(() => evolve(undefined, { ...history[0], type: 'CommentAdded', text: 'x' } as DossierEvent)).toThrow(EventFoldError);
    expect(() => evolve(replay(history), history[0])).toThrow(/already registered/);
    expect(() => evolve(replay(history), { ...history[0], type: 'CommentAdded', text: 'x', dossierReference: 'VSA-2026-0999' } as DossierEvent)).toThrow(/belongs to VSA-2026-0999/);
    expect(() => evolve(replay(history), { ...history[0], type: 'Exploded' } as never)).toThrow(/Unknown event type "Exploded"/);
  });

  it('replay of nothing is nothing', () => {
    expect(replay([])).toBeUndefined();
  });
});

describe('decide does not mutate its inputs', () => {
  it('leaves the dossier and command untouched', () => {
    const dossier = replay(eventsIn('awaitingSignatures')) as Dossier;
    const command = cmd.registerSignedDocuments();
    const before = JSON.stringify([dossier, command]);
    decide(dossier, command, team, at(50));
    expect(JSON.stringify([dossier, command])).toBe(before);
  });
});

describe('isEventOfCommand', () => {
  it("recognises a command's events by their id and nothing with a longer command id", async () => {
    const { isEventOfCommand } = await import('../../src/domain/decide');
    expect(isEventOfCommand('c-1:0', 'c-1')).toBe(true);
    expect(isEventOfCommand('c-1:2', 'c-1')).toBe(true);
    expect(isEventOfCommand('c-10:0', 'c-1')).toBe(false);
    expect(isEventOfCommand('c-1', 'c-1')).toBe(false);
  });
});
