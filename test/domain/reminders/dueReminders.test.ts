import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  digestKey,
  isoWeekOf,
  reminderActivity,
  dueReminders,
  phaseOwners,
  reminderPolicy,
  reminderRule,
  staffByLanguage,
  renderRequesterDraft,
  renderStaffReminder,
  type ReminderKind
} from '../../../src/domain/reminders';
import { catalogProblems } from '../../../src/domain/i18n/catalog';
import { notificationRuleFor } from '../../../src/domain/notifications';
import { placeholdersOf } from '../../../src/domain/i18n/interpolate';
import { an, clockIn, els, facts, karel, members, noClock, settings, sofie } from './support';

const at = (date: string): string => `${date}T08:00:00.000Z`;
const ids = (people: readonly { id: string }[]): string[] => people.map((person) => person.id);

describe('the reminder policy table', () => {
  it('has one rule per kind, each with Dutch and English words with the same placeholders', () => {
    const kinds: ReminderKind[] = ['phaseOverdue', 'escalation', 'requesterReminder', 'protocolEnd', 'destructionRequest', 'destructionEscalation', 'weeklyDigest'];
    expect(reminderPolicy.map((rule) => rule.kind).sort()).toEqual([...kinds].sort());
    for (const rule of reminderPolicy) {
      expect(catalogProblems(rule.staffText)).toEqual([]);
      if (rule.requesterText) expect(catalogProblems(rule.requesterText)).toEqual([]);
    }
  });

  it('drafts to the requester and never mails the requester directly', () => {
    for (const rule of reminderPolicy) {
      expect(rule.channel === 'requesterDraft').toBe(rule.recipients === 'requester');
      expect(rule.requesterText !== undefined).toBe(rule.channel === 'requesterDraft');
    }
    expect(reminderRule('escalation').recipients).toBe('dpoTeam');
    expect(reminderRule('destructionEscalation').recipients).toBe('dpoTeam');
  });

  it('notifies with an activity type the Teams manifest declares, with the template parameter it names', () => {
    const manifest = JSON.parse(readFileSync(join(__dirname, '../../../teams/manifest.json'), 'utf8')) as { activities: { activityTypes: { type: string; templateText: string }[] } };
    const declared = manifest.activities.activityTypes.find((activity) => activity.type === reminderActivity.type);
    expect(declared?.templateText).toBe(`{${reminderActivity.templateParameter}}`);
  });

  it('names the owner of every phase as the procedure says', () => {
    expect(phaseOwners).toEqual({
      intake: 'dpoTeam', preliminary: 'assignee', formsRequested: 'requester', review: 'assignee', returnedForChanges: 'requester',
      deliberation: 'dpo', decision: 'chiefStatistician', awaitingSignatures: 'requester', countersignature: 'chiefStatistician',
      publication: 'dpoTeam', delivery: 'assignee'
    });
  });

  it('tells the delivery phase\'s owner of the publication, the one its overdue reminder goes to', () => {
    expect(notificationRuleFor('Published')?.recipients).toBe(phaseOwners.delivery);
  });
});

describe('dueReminders', () => {
  it('reminds nobody while the phase is on time', () => {
    const due = dueReminders({ dossiers: [facts('VSA-2026-0001', clockIn('review', '2026-03-10', '2026-03-15', '2026-03-10'))], settings, now: at('2026-03-10'), members });
    expect(due.reminders).toEqual([]);
  });

  it.each([
    ['intake', [an.id, karel.id]],
    ['preliminary', [sofie.id]],
    ['review', [sofie.id]],
    ['deliberation', [karel.id]],
    ['decision', [els.id]],
    ['countersignature', [els.id]],
    ['publication', [an.id, karel.id]],
    ['delivery', [sofie.id]]
  ] as const)('given a %s phase past its deadline, the phase owner is reminded once per due date', (phase, owners) => {
    const due = dueReminders({ dossiers: [facts('VSA-2026-0002', clockIn(phase, '2026-03-10', '2026-03-20', '2026-03-12'))], settings, now: at('2026-03-12'), members });
    const overdue = due.reminders.filter((r) => r.kind === 'phaseOverdue');
    expect(overdue).toHaveLength(1);
    expect(overdue[0]).toMatchObject({ key: 'VSA-2026-0002|phaseOverdue|2026-03-10', channel: 'teamsAndMail', dueOn: '2026-03-10', phase });
    expect(ids(overdue[0].staff)).toEqual(owners);
  });

  it('gives a phase of the assigned statistician to the DPO team when nobody is assigned', () => {
    const due = dueReminders({ dossiers: [facts('VSA-2026-0003', clockIn('preliminary', '2026-03-10', '2026-03-20', '2026-03-12'), { assignee: undefined })], settings, now: at('2026-03-12'), members });
    expect(ids(due.reminders[0].staff)).toEqual([an.id, karel.id]);
  });

  it('escalates to the DPO team from the escalation day, keyed by that day', () => {
    const due = dueReminders({ dossiers: [facts('VSA-2026-0004', clockIn('decision', '2026-03-10', '2026-03-15', '2026-03-15'))], settings, now: at('2026-03-15'), members });
    const escalation = due.reminders.find((r) => r.kind === 'escalation');
    expect(escalation).toMatchObject({ key: 'VSA-2026-0004|escalation|2026-03-15', dueOn: '2026-03-15' });
    expect(ids(escalation!.staff)).toEqual([an.id, karel.id]);
  });

  it('drafts a reminder to the requester past the expected duration and tells the assignee', () => {
    const due = dueReminders({ dossiers: [facts('VSA-2026-0005', clockIn('returnedForChanges', '2026-03-10', '2026-03-30', '2026-03-11'), { requesterLang: 'en' })], settings, now: at('2026-03-11'), members });
    expect(due.reminders).toHaveLength(1);
    const [reminder] = due.reminders;
    expect(reminder).toMatchObject({ key: 'VSA-2026-0005|requesterReminder|2026-03-10', channel: 'requesterDraft', requester: { email: 'karel@uni.example', lang: 'en' } });
    expect(ids(reminder.staff)).toEqual([sofie.id]);
    const draft = renderRequesterDraft(reminder)!;
    expect(draft).toMatchObject({ to: 'karel@uni.example', lang: 'en' });
    expect(draft.subject).toBe('[VSA-2026-0005] Reminder: your request for microdata');
    expect(draft.body).toContain('Dear Karel Contact');
    expect(draft.body).toContain('returned with comments');
    expect(placeholdersOf(draft.body)).toEqual([]);
    // Staff's words name no requester.
    expect(JSON.stringify([renderStaffReminder(reminder, 'nl'), renderStaffReminder(reminder, 'en')])).not.toMatch(/karel@uni|Karel Contact/);
  });

  it('reminds of the protocol end from N days before it until the end', () => {
    const dossier = facts('VSA-2025-0009', noClock, { state: 'delivered', protocolEnd: '2026-06-30' });
    const before = dueReminders({ dossiers: [dossier], settings, now: at('2026-04-30'), members });
    const from = dueReminders({ dossiers: [dossier], settings, now: at('2026-05-01'), members });
    const after = dueReminders({ dossiers: [dossier], settings, now: at('2026-07-01'), members });
    expect(before.reminders).toEqual([]);
    expect(from.reminders.map((r) => r.key)).toEqual(['VSA-2025-0009|protocolEnd|2026-05-01']);
    expect(ids(from.reminders[0].staff)).toEqual([an.id, karel.id, sofie.id]);
    expect(after.reminders).toEqual([]);
  });

  it('asks the requester to confirm destruction from the retention end and escalates after the period', () => {
    const dossier = facts('VSA-2024-0001', noClock, { state: 'delivered', destruction: { from: '2026-02-01', reason: 'retentionEnd', confirmed: false } });
    const first = dueReminders({ dossiers: [dossier], settings, now: at('2026-02-01'), members });
    expect(first.reminders.map((r) => [r.key, r.channel])).toEqual([['VSA-2024-0001|destructionRequest|2026-02-01', 'requesterDraft']]);
    expect(renderRequesterDraft(first.reminders[0])!.body).toContain('einde van de bewaartermijn');
    const later = dueReminders({ dossiers: [dossier], settings, now: at('2026-03-03'), members });
    expect(later.reminders.map((r) => r.key)).toEqual(['VSA-2024-0001|destructionRequest|2026-02-01', 'VSA-2024-0001|destructionEscalation|2026-03-03']);
    const confirmed = dueReminders({ dossiers: [{ ...dossier, destruction: { ...dossier.destruction!, confirmed: true } }], settings, now: at('2026-03-03'), members });
    expect(confirmed.reminders).toEqual([]);
  });

  it('sends each person one digest a week of what is theirs and overdue, keyed by the digest weekday', () => {
    const dossiers = [
      facts('VSA-2026-0010', clockIn('review', '2026-03-02', '2026-03-30', '2026-03-11')),
      facts('VSA-2026-0011', clockIn('preliminary', '2026-03-05', '2026-03-30', '2026-03-11')),
      facts('VSA-2026-0012', clockIn('decision', '2026-03-09', '2026-03-30', '2026-03-11'))
    ];
    // 2026-03-11 is a Wednesday: the digest of the week of Monday 2026-03-09.
    const due = dueReminders({ dossiers, settings, now: at('2026-03-11'), members });
    const digests = due.reminders.filter((r) => r.kind === 'weeklyDigest');
    expect(digests.map((d) => d.key)).toEqual([digestKey(els.id, '2026-W11'), digestKey(sofie.id, '2026-W11')]);
    expect(digests[0].dueOn).toBe('2026-03-09');
    expect(digests[1].items!.map((item) => item.reference)).toEqual(['VSA-2026-0010', 'VSA-2026-0011']);
    const text = renderStaffReminder(digests[1], 'nl');
    expect(text.subject).toContain('2 dossier(s)');
    expect(text.body).toContain('- VSA-2026-0010: beoordeling (2026-03-02)');
  });

  it('uses the Brussels date: 23:30 UTC on Sunday 8 March is Monday 9 March in Brussels, a new digest week', () => {
    const dossiers = [facts('VSA-2026-0013', clockIn('review', '2026-03-02', '2026-03-30', '2026-03-09'))];
    const due = dueReminders({ dossiers, settings, now: '2026-03-08T23:30:00.000Z', members });
    expect(due.reminders.find((r) => r.kind === 'weeklyDigest')?.key).toBe(digestKey(sofie.id, '2026-W11'));
    const utcSunday = dueReminders({ dossiers, settings, now: '2026-03-08T22:30:00.000Z', members });
    expect(utcSunday.reminders.find((r) => r.kind === 'weeklyDigest')?.key).toBe(digestKey(sofie.id, '2026-W10'));
  });

  it('sends the digest on the digest weekday or the first run after it that ISO week, never before, one per week', () => {
    const dossiers = [facts('VSA-2026-0016', clockIn('review', '2026-03-02', '2026-03-30', '2026-03-10'))];
    const friday = { ...settings, digestWeekday: 5 };
    const digestOn = (now: string, s = friday) => dueReminders({ dossiers, settings: s, now, members }).reminders.find((r) => r.kind === 'weeklyDigest');
    // Tuesday 10 March: overdue, but the digest weekday (Friday) has not come yet.
    expect(digestOn(at('2026-03-10'))).toBeUndefined();
    expect(digestOn(at('2026-03-13'))).toMatchObject({ key: digestKey(sofie.id, '2026-W11'), dueOn: '2026-03-13' });
    // Friday's run missed: Saturday's run sends it, still for that week.
    expect(digestOn(at('2026-03-14'))).toMatchObject({ key: digestKey(sofie.id, '2026-W11'), dueOn: '2026-03-13' });
    // The weekday changed mid-week (Friday to Wednesday): the same week's key, so the ledger sends no second one.
    expect(digestOn(at('2026-03-14'), { ...settings, digestWeekday: 3 })?.key).toBe(digestKey(sofie.id, '2026-W11'));
  });

  it('keys digests by the ISO week across a year boundary', () => {
    expect(isoWeekOf('2026-12-31')).toBe('2026-W53');
    expect(isoWeekOf('2027-01-03')).toBe('2026-W53');
    expect(isoWeekOf('2027-01-04')).toBe('2027-W01');
    expect(isoWeekOf('2026-01-01')).toBe('2026-W01');
    expect(isoWeekOf('2024-12-30')).toBe('2025-W01');
  });

  it('reports a reminder without anyone to send it to instead of dropping it silently', () => {
    const due = dueReminders({ dossiers: [facts('VSA-2026-0014', clockIn('decision', '2026-03-01', '2026-03-30', '2026-03-11'))], settings, now: at('2026-03-11'), members: { dpoTeam: [an] } });
    expect(due.problems).toEqual([{ reference: 'VSA-2026-0014', kind: 'phaseOverdue', code: 'reminder.error.noRecipient' }]);
  });

  it('writes staff texts in one language, and groups staff by the language they read (unknown: Dutch)', () => {
    const [reminder] = dueReminders({ dossiers: [facts('VSA-2026-0015', clockIn('review', '2026-03-01', '2026-03-30', '2026-03-11'))], settings, now: at('2026-03-11'), members }).reminders;
    expect(renderStaffReminder(reminder, 'nl').subject).toBe('Dossier VSA-2026-0015: termijn beoordeling overschreden');
    expect(renderStaffReminder(reminder, 'en').subject).toBe('Dossier VSA-2026-0015: review deadline passed');
    expect(staffByLanguage([{ ...karel, lang: 'en' }, an, { ...els, lang: 'nl' }]).map(([lang, people]) => [lang, ids(people)])).toEqual([
      ['nl', [an.id, els.id]],
      ['en', [karel.id]]
    ]);
  });
});
