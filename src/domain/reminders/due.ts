/**
 * What is due at a moment (issue 16): from each dossier's clock, protocol end and destruction
 * follow-up, and the policy table, the reminders to send now, each with its idempotency key. Pure:
 * the job calls it on every run; the key (not this function) makes a reminder go out once.
 */
import type { PhaseClock, ProcedureSettings } from '../clocks/types';
import type { IsoDate, IsoDateTime, Lang, RoleId } from '../types';
import { addCalendarDays, brusselsDateOf, isoWeekday, isoWeekOf, latestWeekdayOnOrBefore } from './dates';
import { phaseOwners, reminderRule } from './policy';
import type { DigestItem, DueReminder, DueReminders, ReminderFacts, ReminderKind, ReminderPerson, ReminderProblem, RoleMembers } from './types';

/** What `dueReminders` reads. */
export interface DueRemindersInput {
  readonly dossiers: readonly ReminderFacts[];
  readonly settings: Pick<ProcedureSettings, 'protocolEndReminderDays' | 'destructionEscalationDays' | 'digestWeekday'>;
  readonly now: IsoDateTime;
  /** Members of the roles reminders go to (the DPO team, the DPO, the Chief Statistician). */
  readonly members: RoleMembers;
}

/** The idempotency key of a dossier's reminder. */
export function reminderKey(reference: string, kind: ReminderKind, dueOn: IsoDate): string {
  return `${reference}|${kind}|${dueOn}`;
}

/** The idempotency key of a person's weekly digest: one per ISO week (`isoWeekOf`, e.g. `2026-W11`), whatever the digest weekday. */
export function digestKey(personId: string, isoWeek: string): string {
  return `${personId.toLowerCase()}|weeklyDigest|${isoWeek}`;
}

/** Each person once (case-insensitive id), in the order given. */
function unique(people: readonly ReminderPerson[]): ReminderPerson[] {
  const seen = new Set<string>();
  return people.filter((person) => {
    const id = person.id.toLowerCase();
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

function roleMembers(members: RoleMembers, role: RoleId): ReminderPerson[] {
  return [...(members[role] ?? [])];
}

/** The assigned statistician, or the DPO team when none is assigned. */
function assigneeOrTeam(facts: ReminderFacts, members: RoleMembers): ReminderPerson[] {
  return facts.assignee ? [facts.assignee] : roleMembers(members, 'dpoTeam');
}

/** The staff who own the current phase (requester phases: the assignee is told of the draft). */
function phaseOwnerStaff(clock: PhaseClock | undefined, facts: ReminderFacts, members: RoleMembers): ReminderPerson[] {
  const owner = clock ? phaseOwners[clock.phase] : 'dpoTeam';
  switch (owner) {
    case 'assignee':
    case 'requester':
      return assigneeOrTeam(facts, members);
    default:
      return roleMembers(members, owner);
  }
}

/** The staff a dossier's reminder of `kind` goes to, as the policy table says (each once). */
function staffFor(kind: Exclude<ReminderKind, 'weeklyDigest'>, facts: ReminderFacts, members: RoleMembers): ReminderPerson[] {
  const rule = reminderRule(kind);
  switch (rule.recipients) {
    case 'phaseOwner':
      return unique(phaseOwnerStaff(facts.clock.current, facts, members));
    case 'dpoTeam':
      return unique(roleMembers(members, 'dpoTeam'));
    case 'dpoTeamAndAssignee':
      return unique([...roleMembers(members, 'dpoTeam'), ...(facts.assignee ? [facts.assignee] : [])]);
    // A requester draft: the assignee (the DPO team without one) is told that it waits.
    case 'assignee':
    case 'requester':
    case 'person':
      return unique(assigneeOrTeam(facts, members));
  }
}

/**
 * The reminders due at `now` (Europe/Brussels date): a phase past its deadline (its owner), its
 * escalation (the DPO team), a requester phase past its expected duration (a draft to the requester),
 * the protocol end `protocolEndReminderDays` before it (until the end), the destruction request from
 * the retention end or revocation and its escalation after `destructionEscalationDays`, and per
 * person the weekly digest of what is theirs and overdue, from the digest weekday on.
 */
export function dueReminders(input: DueRemindersInput): DueReminders {
  const today = brusselsDateOf(input.now);
  const reminders: DueReminder[] = [];
  const problems: ReminderProblem[] = [];
  const digest = new Map<string, { person: ReminderPerson; items: DigestItem[] }>();

  const add = (reminder: DueReminder): void => {
    if (reminder.staff.length === 0) {
      problems.push({ reference: reminder.reference, kind: reminder.kind, code: 'reminder.error.noRecipient' });
      return;
    }
    reminders.push(reminder);
  };

  for (const facts of input.dossiers) {
    const base = { reference: facts.reference };
    const current = facts.clock.current;
    if (current) {
      const owner = phaseOwners[current.phase];
      const params = { reference: facts.reference, dueOn: current.dueOn, escalationOn: current.escalationOn, overdueDays: String(current.overdueDays) };
      if (current.overdue) {
        if (owner === 'requester') {
          const requester = facts.requester;
          if (requester) {
            add({
              ...base, key: reminderKey(facts.reference, 'requesterReminder', current.dueOn), kind: 'requesterReminder', channel: 'requesterDraft',
              dueOn: current.dueOn, staff: staffFor('requesterReminder', facts, input.members), phase: current.phase, params,
              requester: { ...requester, lang: facts.requesterLang ?? 'nl' }
            });
          } else {
            problems.push({ reference: facts.reference, kind: 'requesterReminder', code: 'reminder.error.noRecipient' });
          }
        } else {
          const staff = staffFor('phaseOverdue', facts, input.members);
          add({ ...base, key: reminderKey(facts.reference, 'phaseOverdue', current.dueOn), kind: 'phaseOverdue', channel: 'teamsAndMail', dueOn: current.dueOn, staff, phase: current.phase, params });
          for (const person of staff) {
            const entry = digest.get(person.id.toLowerCase()) ?? { person, items: [] };
            entry.items.push({ reference: facts.reference, phase: current.phase, dueOn: current.dueOn, overdueDays: current.overdueDays });
            digest.set(person.id.toLowerCase(), entry);
          }
        }
      }
      if (current.escalated) {
        add({
          ...base, key: reminderKey(facts.reference, 'escalation', current.escalationOn), kind: 'escalation', channel: 'teamsAndMail',
          dueOn: current.escalationOn, staff: staffFor('escalation', facts, input.members), phase: current.phase, params
        });
      }
    }
    if (facts.protocolEnd) {
      const from = addCalendarDays(facts.protocolEnd, -input.settings.protocolEndReminderDays);
      if (today >= from && today <= facts.protocolEnd) {
        add({
          ...base, key: reminderKey(facts.reference, 'protocolEnd', from), kind: 'protocolEnd', channel: 'teamsAndMail', dueOn: from,
          staff: staffFor('protocolEnd', facts, input.members),
          params: { reference: facts.reference, protocolEnd: facts.protocolEnd }
        });
      }
    }
    const destruction = facts.destruction;
    if (destruction && !destruction.confirmed && today >= destruction.from) {
      const params = { reference: facts.reference, from: destruction.from, reason: destruction.reason };
      if (facts.requester) {
        add({
          ...base, key: reminderKey(facts.reference, 'destructionRequest', destruction.from), kind: 'destructionRequest', channel: 'requesterDraft',
          dueOn: destruction.from, staff: staffFor('destructionRequest', facts, input.members), params,
          requester: { ...facts.requester, lang: facts.requesterLang ?? 'nl' }
        });
      } else {
        problems.push({ reference: facts.reference, kind: 'destructionRequest', code: 'reminder.error.noRecipient' });
      }
      const escalationOn = addCalendarDays(destruction.from, input.settings.destructionEscalationDays);
      if (today >= escalationOn) {
        add({
          ...base, key: reminderKey(facts.reference, 'destructionEscalation', escalationOn), kind: 'destructionEscalation', channel: 'teamsAndMail',
          dueOn: escalationOn, staff: staffFor('destructionEscalation', facts, input.members), params
        });
      }
    }
  }

  // The digest is due on the configured weekday, or on the first run after it in the same ISO week (a missed
  // run); never before it. One per person per ISO week: changing the weekday mid-week sends no second one.
  if (isoWeekday(today) >= input.settings.digestWeekday) {
    const dueOn = latestWeekdayOnOrBefore(today, input.settings.digestWeekday);
    const week = isoWeekOf(today);
    for (const { person, items } of [...digest.values()].sort((a, b) => a.person.id.localeCompare(b.person.id))) {
      const sorted = [...items].sort((a, b) => b.overdueDays - a.overdueDays || a.reference.localeCompare(b.reference));
      add({ key: digestKey(person.id, week), kind: 'weeklyDigest', channel: 'teamsAndMail', dueOn, staff: [person], params: { count: String(sorted.length) }, items: sorted });
    }
  }
  return { reminders, problems };
}

/** A reminder's staff by the language they read (unknown: Dutch), Dutch first. */
export function staffByLanguage(staff: readonly ReminderPerson[]): [Lang, ReminderPerson[]][] {
  const groups = new Map<Lang, ReminderPerson[]>();
  for (const person of staff) {
    const lang = person.lang ?? 'nl';
    groups.set(lang, [...(groups.get(lang) ?? []), person]);
  }
  return [...groups.entries()].sort(([a], [b]) => (a === b ? 0 : a === 'nl' ? -1 : 1));
}
