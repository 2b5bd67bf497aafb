import { decisionMessage, notifyDpoTeam } from '../../../src/data/graph/approvals/decisionNotifications';
import type { ActivityNotification, MailMessage, Notifier } from '../../../src/data/ports';
import { replay, type Dossier, type DossierEvent } from '../../../src/domain';
import { eventsOf } from './support/dossiers';

const now = '2026-11-25T12:00:00.000Z';

function recordingNotifier(): Notifier & { notes: ActivityNotification[]; mails: MailMessage[] } {
  const notes: ActivityNotification[] = [];
  const mails: MailMessage[] = [];
  return { notes, mails, notify: async (n) => void notes.push(n), sendMail: async (m) => void mails.push(m) };
}

function decidedEvents(): { events: DossierEvent[]; dossier: Dossier; decision: DossierEvent } {
  const events = eventsOf('awaitingSignatures', 'VSA-2026-0042', now);
  return { events, dossier: replay(events) as Dossier, decision: events[events.length - 1] };
}

describe('DPO-team notifications after a decision', () => {
  it('says what was decided, Dutch first', () => {
    const { decision, dossier } = decidedEvents();
    const message = decisionMessage(decision, dossier);
    expect(message?.activityType).toBe('dossierDecided');
    expect(message?.subject).toBe('Dossier VSA-2026-0042: goedgekeurd / approved');
    expect(message?.text.indexOf('De Hoofdstatisticus')).toBe(0);
    expect(message?.text).toContain('The Chief Statistician approved');
  });

  it('notifies every DPO-team member except the actor, and mails the team mailbox when set', async () => {
    const { decision, dossier } = decidedEvents();
    const notifier = recordingNotifier();
    const actor = decision.actor.id;
    const reaction = notifyDpoTeam({
      notifier,
      dpoTeamRecipients: async () => ['an.peeters@vsa.local', actor, 'AN.PEETERS@vsa.local', 'karel.desmet@vsa.local'],
      mailbox: 'dpo-team@vsa.local',
      teamsAppId: 'app-1'
    });
    await reaction([decision], dossier);
    expect(notifier.notes.map((n) => n.recipient)).toEqual(['an.peeters@vsa.local', 'karel.desmet@vsa.local']);
    expect(notifier.notes[0].templateParameters).toEqual({ dossier: 'VSA-2026-0042', outcome: 'goedgekeurd' });
    expect(notifier.mails).toEqual([expect.objectContaining({ to: ['dpo-team@vsa.local'], subject: 'Dossier VSA-2026-0042: goedgekeurd / approved' })]);
  });

  it('stays silent for events the DPO team need not hear about, and without a mailbox sends no mail', async () => {
    const { events, dossier, decision } = decidedEvents();
    const notifier = recordingNotifier();
    const recipients = jest.fn(async () => ['an.peeters@vsa.local']);
    const reaction = notifyDpoTeam({ notifier, dpoTeamRecipients: recipients, teamsAppId: 'app-1' });
    await reaction(events.filter((e) => e.type === 'AdviceGiven'), dossier);
    expect(recipients).not.toHaveBeenCalled();
    await reaction([decision], dossier);
    expect(notifier.notes).toHaveLength(1);
    expect(notifier.mails).toHaveLength(0);
  });
});
