/**
 * The DPO team's part of the one reaction (`messagingReaction`): decisions, information requests and
 * countersignatures, formerly `notifyDpoTeam` of the approvals tab. Every assertion of the former
 * `test/webparts/approvals/decisionNotifications.test.ts` is kept here.
 */
import { approvalsDeepLink, decisionMessage } from '../../../src/data/decisionMessages';
import type { ActivityNotification, MailMessage, Notifier, RecipientLanguages } from '../../../src/data/ports';
import { messagingReaction, plannedMessages } from '../../../src/data/reactions';
import { replay, type Actor, type Dossier, type DossierEvent, type RoleId } from '../../../src/domain';
import { notificationPolicy, renderNotification } from '../../../src/domain/notifications';
import { notifiedEventSamples } from '../../domain/support/notificationSamples';
import { eventsOf } from '../../webparts/approvals/support/dossiers';

const now = '2026-11-25T12:00:00.000Z';
const registerUrl = 'https://contoso.sharepoint.com/sites/microdata/SitePages/Register.aspx';

function recordingNotifier(): Notifier & { notes: ActivityNotification[]; mails: MailMessage[] } {
  const notes: ActivityNotification[] = [];
  const mails: MailMessage[] = [];
  return { notes, mails, notify: async (n) => void notes.push(n), sendMail: async (m) => void mails.push(m) };
}

function directoryOf(members: Partial<Record<RoleId, readonly string[]>>): { membersOf: jest.Mock<Promise<Actor[]>, [RoleId]> } {
  return { membersOf: jest.fn(async (role: RoleId) => (members[role] ?? []).map((id) => ({ id, displayName: id, roles: [role] }))) };
}

function decidedEvents(): { events: DossierEvent[]; dossier: Dossier; decision: DossierEvent } {
  const events = eventsOf('awaitingSignatures', 'VSA-2026-0042', now);
  return { events, dossier: replay(events) as Dossier, decision: events[events.length - 1] };
}

describe('DPO-team messages after a decision', () => {
  it('says what was decided in one language, Dutch by default', () => {
    const { decision, dossier } = decidedEvents();
    const message = decisionMessage(decision, dossier);
    expect(message?.activityType).toBe('dossierDecided');
    expect(message?.subject).toBe('Dossier VSA-2026-0042: goedgekeurd');
    expect(message?.text.indexOf('De Hoofdstatisticus')).toBe(0);
    expect(message?.text).not.toContain('The Chief Statistician');
    expect(decisionMessage(decision, dossier, 'en')?.subject).toBe('Dossier VSA-2026-0042: approved');
  });

  it('notifies every DPO-team member except the actor, and mails the team mailbox when set', async () => {
    const { decision, dossier } = decidedEvents();
    const notifier = recordingNotifier();
    const actor = decision.actor.id;
    const directory = directoryOf({ dpoTeam: ['an.peeters@vsa.local', actor, 'AN.PEETERS@vsa.local', 'karel.desmet@vsa.local'] });
    const reaction = messagingReaction(notifier, directory, { registerUrl, dpoTeamMailbox: 'dpo-team@vsa.local', approvalsAppId: 'app-1' });
    await reaction([decision], dossier);
    expect(notifier.notes.map((n) => n.recipient)).toEqual(['an.peeters@vsa.local', 'karel.desmet@vsa.local']);
    expect(notifier.notes[0].templateParameters).toEqual({ dossier: 'VSA-2026-0042', outcome: 'goedgekeurd' });
    expect(notifier.notes[0].topic).toEqual({ value: approvalsDeepLink('app-1'), webUrl: 'https://teams.microsoft.com/l/entity/app-1/approvals' });
    expect(notifier.mails).toEqual([expect.objectContaining({ to: ['dpo-team@vsa.local'], subject: 'Dossier VSA-2026-0042: goedgekeurd' })]);
    expect(notifier.mails[0].fromMailbox).toBeUndefined();
  });

  it('sends the team mail from the configured mailbox for an app-only sender (no /me)', () => {
    const { decision, dossier } = decidedEvents();
    const planned = plannedMessages([decision], dossier, {}, { registerUrl, dpoTeamMailbox: 'dpo-team@vsa.local', mailFrom: 'dpo-team@vsa.local' });
    expect(planned.mails).toEqual([expect.objectContaining({ to: ['dpo-team@vsa.local'], fromMailbox: 'dpo-team@vsa.local' })]);
  });

  it('stays silent to the DPO team for events it need not hear about, and without a mailbox sends no mail', async () => {
    const { events, dossier, decision } = decidedEvents();
    const notifier = recordingNotifier();
    const directory = directoryOf({ dpoTeam: ['an.peeters@vsa.local'] });
    const reaction = messagingReaction(notifier, directory, { registerUrl, approvalsAppId: 'app-1' });
    await reaction(events.filter((e) => e.type === 'AdviceGiven'), dossier);
    expect(directory.membersOf).not.toHaveBeenCalledWith('dpoTeam');
    expect(notifier.notes.filter((n) => n.recipient === 'an.peeters@vsa.local')).toHaveLength(0);
    await reaction([decision], dossier);
    expect(notifier.notes).toHaveLength(1);
    expect(notifier.mails).toHaveLength(0);
  });

  it('links to the register when no approvals app is configured (the register page attaches the same reaction)', () => {
    const { decision, dossier } = decidedEvents();
    const planned = plannedMessages([decision], dossier, { dpoTeam: ['jeroen.maes@vsa.local'] }, { registerUrl });
    expect(planned.notifications).toEqual([
      expect.objectContaining({ recipient: 'jeroen.maes@vsa.local', activityType: 'dossierDecided', topic: { value: 'VSA-2026-0042', webUrl: `${registerUrl}?dossier=VSA-2026-0042` } })
    ]);
    expect(planned.mails).toEqual([]);
  });

  it('covers information requests and countersignatures with their own activity types', () => {
    const { dossier } = decidedEvents();
    const actor = { id: 'els.vermeulen@vsa.local', displayName: 'Els', roles: ['chiefStatistician' as const] };
    const base = { dossierReference: dossier.reference, at: now, actor };
    const question: DossierEvent = { ...base, id: 'q:0', type: 'MoreInformationRequested', question: 'Welke variabelen?' } as DossierEvent;
    const countersigned: DossierEvent = { ...base, id: 'c:0', type: 'Countersigned', protocolNumber: 'P-2026-001', documents: [] } as DossierEvent;
    const planned = plannedMessages([question, countersigned], dossier, { dpoTeam: ['an.peeters@vsa.local', 'els.vermeulen@vsa.local'] }, { registerUrl, dpoTeamMailbox: 'dpo-team@vsa.local' });
    expect(planned.notifications.map((n) => [n.recipient, n.activityType])).toEqual([
      ['an.peeters@vsa.local', 'informationRequested'],
      ['an.peeters@vsa.local', 'dossierCountersigned']
    ]);
    expect(planned.mails.map((m) => m.subject)).toEqual([
      'Dossier VSA-2026-0042: bijkomende informatie gevraagd',
      'Dossier VSA-2026-0042: P-2026-001 ondertekend'
    ]);
    expect(planned.mails[0].body).toContain('Welke variabelen?');
  });
});

describe('the reaction sends what the notification policy says', () => {
  const base = { dossierReference: 'VSA-2026-0042', at: now, actor: { id: 'an.peeters@vsa.local', displayName: 'An', roles: ['dpoTeam' as const] } };
  const members = { dpo: ['karel.desmet@vsa.local'], chiefStatistician: ['els.vermeulen@vsa.local'], dpoTeam: ['jeroen.maes@vsa.local'] };

  it.each(notificationPolicy.map((rule) => [rule.event, rule] as const))('%s', async (_type, rule) => {
    const { dossier } = decidedEvents();
    const event = { ...base, id: `${rule.event}:0`, type: rule.event, ...notifiedEventSamples[rule.event] } as DossierEvent;
    const notifier = recordingNotifier();
    await messagingReaction(notifier, directoryOf(members), { registerUrl, dpoTeamMailbox: 'dpo-team@vsa.local' })([event], dossier);
    const expected = renderNotification(rule, event, dossier, 'nl');
    const assignee = event.type === 'StatisticianAssigned' ? event.assignee.id : dossier.assignedStatistician?.id;
    const recipient = rule.recipients === 'assignee' ? assignee : members[rule.recipients][0];
    expect(notifier.notes).toEqual([
      {
        recipient,
        activityType: rule.activityType,
        previewText: expected.subject,
        topic: { value: 'VSA-2026-0042', webUrl: `${registerUrl}?dossier=VSA-2026-0042` },
        templateParameters: expected.templateParameters
      }
    ]);
    expect(notifier.mails).toEqual(rule.mailTeamMailbox ? [{ to: ['dpo-team@vsa.local'], subject: expected.subject, body: expected.body }] : []);
  });
});

describe('each recipient reads the notification in their own language', () => {
  const languagesOf = (known: Record<string, 'nl' | 'en'>): RecipientLanguages & { asked: string[] } => {
    const asked: string[] = [];
    return { asked, preferredLanguageOf: async (address) => (asked.push(address), known[address]) };
  };

  it('renders per recipient: English for an English reader, Dutch for the others and when the directory knows none', async () => {
    const { decision, dossier } = decidedEvents();
    const notifier = recordingNotifier();
    const directory = directoryOf({ dpoTeam: ['an.peeters@vsa.local', 'Lotte.Wouters@vsa.local', 'jeroen.maes@vsa.local'] });
    const languages = languagesOf({ 'lotte.wouters@vsa.local': 'en', 'an.peeters@vsa.local': 'nl', 'dpo-team@vsa.local': 'en' });
    await messagingReaction(notifier, directory, { registerUrl, dpoTeamMailbox: 'dpo-team@vsa.local' }, languages)([decision], dossier);
    expect(notifier.notes.map((n) => [n.recipient, n.previewText, n.templateParameters?.outcome])).toEqual([
      ['an.peeters@vsa.local', 'Dossier VSA-2026-0042: goedgekeurd', 'goedgekeurd'],
      ['Lotte.Wouters@vsa.local', 'Dossier VSA-2026-0042: approved', 'approved'],
      ['jeroen.maes@vsa.local', 'Dossier VSA-2026-0042: goedgekeurd', 'goedgekeurd']
    ]);
    expect(notifier.mails.map((m) => m.subject)).toEqual(['Dossier VSA-2026-0042: approved']);
    expect(notifier.mails[0].body).toMatch(/^The Chief Statistician approved/);
    // Each address once, lower case.
    expect(languages.asked.sort()).toEqual(['an.peeters@vsa.local', 'dpo-team@vsa.local', 'jeroen.maes@vsa.local', 'lotte.wouters@vsa.local']);
  });

  it('sends nothing and reports the failure when the directory refuses the language lookup (no silent guess)', async () => {
    const { decision, dossier } = decidedEvents();
    const notifier = recordingNotifier();
    const refusing: RecipientLanguages = { preferredLanguageOf: async () => Promise.reject(new Error('403')) };
    await expect(messagingReaction(notifier, directoryOf({ dpoTeam: ['an.peeters@vsa.local'] }), { registerUrl }, refusing)([decision], dossier)).rejects.toThrow('403');
    expect(notifier.notes).toEqual([]);
  });

  it('tells the assigned statistician of a new version in her language', () => {
    const { dossier } = decidedEvents();
    const withLotte = { ...dossier, assignedStatistician: { id: 'lotte.wouters@vsa.local', displayName: 'Lotte' } } as Dossier;
    const drafts = { id: 'd:0', dossierReference: dossier.reference, at: now, actor: { id: 'an.peeters@vsa.local', displayName: 'An', roles: ['dpoTeam' as const] }, type: 'DraftDocumentsRegistered', documents: [] } as DossierEvent;
    const planned = plannedMessages([drafts], withLotte, {}, { registerUrl }, (address) => (address === 'lotte.wouters@vsa.local' ? 'en' : 'nl'));
    expect(planned.notifications).toEqual([expect.objectContaining({ recipient: 'lotte.wouters@vsa.local', activityType: 'draftsToReview', previewText: 'Dossier VSA-2026-0042: new version to review' })]);
  });
});
