/**
 * Who sends which mail from the shared mailbox: the DPO team every kind, the assigned statistician the
 * step-1 mails (forms, not admissible) only, another statistician none of them (issue 16).
 */
import { allowedCommands, outgoingMailKinds, replay } from '../../src/domain';
import type { Command, Dossier } from '../../src/domain';
import { maySendDossierMail } from '../../src/domain/capabilities';
import { mailSenders, maySendMail, sendableMailKinds } from '../../src/domain/rules/correspondence';
import { actors, cmd } from './support/fixtures';
import { given } from './support/given';
import { eventsIn } from './support/paths';

const { team, statistician, otherStatistician, dpo, chief } = actors;

const sent = (kind: string): Command => ({ ...cmd.recordSentMail(), kind, subject: `[VSA-2026-0001] ${kind}` }) as Command;

describe('who sends which mail', () => {
  it('names a sender for every outgoing kind: the DPO team always, the assigned statistician for step 1 and the job\'s requester drafts', () => {
    expect(Object.keys(mailSenders).sort()).toEqual([...outgoingMailKinds].sort());
    for (const kind of outgoingMailKinds) expect([kind, mailSenders[kind].includes('dpoTeam')]).toEqual([kind, true]);
    expect(outgoingMailKinds.filter((kind) => mailSenders[kind].includes('assignedStatistician')).sort()).toEqual(['destructionRequest', 'notAdmissible', 'requestForms', 'requesterReminder']);
  });

  it('lets the assigned statistician send the job\'s drafts to the requester of their dossier, and no other statistician (issue 16)', () => {
    const history = eventsIn('formsRequested');
    given(history).when(sent('requesterReminder'), statistician).thenEvents([expect.objectContaining({ type: 'CorrespondenceRecorded', kind: 'requesterReminder' })]);
    given(history).when(sent('destructionRequest'), team).thenEvents([expect.objectContaining({ kind: 'destructionRequest' })]);
    given(history).when(sent('requesterReminder'), otherStatistician).thenErrors(['dossier.error.mailSenderNotAllowed']);
    given(history).when(sent('destructionRequest'), otherStatistician).thenErrors(['dossier.error.mailSenderNotAllowed']);
  });

  it('lets the assigned statistician send the forms request and record it', () => {
    const history = eventsIn('formsRequested');
    const dossier = replay(history) as Dossier;
    expect(dossier.assignedStatistician?.id).toBe(statistician.id);
    expect(sendableMailKinds(statistician, dossier)).toEqual(['requestForms', 'notAdmissible', 'requesterReminder', 'destructionRequest']);
    expect(maySendDossierMail(statistician, dossier)).toBe(true);
    given(history).when(sent('requestForms'), statistician).thenEvents([expect.objectContaining({ type: 'CorrespondenceRecorded', kind: 'requestForms' })]);
  });

  it('lets the assigned statistician send the not-admissible mail', () => {
    const history = [...eventsIn('preliminary')];
    const declared = given(history).when({ type: 'declareNotAdmissible', commandId: 'na-1', reason: 'Geen onderzoeksinstelling.' } as Command, statistician).thenEvents([
      expect.objectContaining({ type: 'DeclaredNotAdmissible' })
    ]);
    given(declared).when(sent('notAdmissible'), statistician).thenEvents([expect.objectContaining({ kind: 'notAdmissible' })]);
  });

  it('refuses another statistician the step-1 mails, and the assigned statistician every other kind', () => {
    const history = eventsIn('formsRequested');
    given(history).when(sent('requestForms'), otherStatistician).thenErrors(['dossier.error.mailSenderNotAllowed']);
    given(history).when(sent('notAdmissible'), otherStatistician).thenErrors(['dossier.error.mailSenderNotAllowed']);
    given(eventsIn('underReview')).when(sent('returnWithComments'), statistician).thenErrors(['dossier.error.mailSenderNotAllowed']);
    given(history).when(sent('requestForms'), chief).thenErrors(['dossier.error.mailSenderNotAllowed']);
    const dossier = replay(history) as Dossier;
    expect(sendableMailKinds(otherStatistician, dossier)).toEqual([]);
    expect(maySendDossierMail(otherStatistician, dossier)).toBe(false);
    expect(maySendMail('decision', statistician, dossier)).toBe(false);
  });

  it('leaves the DPO team every kind and keeps linking a received mail open to any VSA role', () => {
    const dossier = replay(eventsIn('formsRequested')) as Dossier;
    expect(sendableMailKinds(team, dossier)).toEqual([...outgoingMailKinds]);
    expect(sendableMailKinds(dpo, dossier)).toEqual([...outgoingMailKinds]);
    given(eventsIn('formsRequested')).when(sent('requestForms'), team).thenEvents([expect.objectContaining({ kind: 'requestForms' })]);
    for (const actor of [otherStatistician, chief]) expect(allowedCommands(dossier, actor)).toContain('recordCorrespondence');
  });
});
