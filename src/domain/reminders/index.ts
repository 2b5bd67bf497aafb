/** Reminders of the scheduled job (issue 16): the policy table, what is due, its words. */
export * from './types';
export { reminderActivity, phaseOwners, phaseNames, reminderPolicy, reminderRule, destructionReasonWords } from './policy';
export { dueReminders, reminderKey, digestKey, staffByLanguage, type DueRemindersInput } from './due';
export { renderStaffReminder, renderRequesterDraft, type RenderedReminder, type RenderedRequesterDraft } from './render';
export { reminderFactsOf, destructionFactsOf, protocolEndOf } from './facts';
export { brusselsDateOf, addCalendarDays, isoWeekday, isoWeekOf, latestWeekdayOnOrBefore } from './dates';
