/**
 * The templates of the scheduled job's requester drafts (issue 16) are the reminder table's words
 * (`src/domain/reminders/policy.ts`): one source, so the mail the register composes and the draft the
 * job renders never drift apart.
 */
import { reminderRule } from '../domain/reminders/policy';
import type { ReminderKind } from '../domain/reminders/types';
import type { Lang } from '../domain/types';
import type { MailTemplate } from './templates';

/** The requester text of a `requesterDraft` reminder kind as a mail template. */
export function requesterTextOf(kind: ReminderKind, lang: Lang): MailTemplate {
  const text = reminderRule(kind).requesterText;
  if (!text) throw new RangeError(`The reminder "${kind}" has no requester text.`);
  return text[lang];
}
