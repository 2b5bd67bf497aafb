/**
 * The words of a due reminder, from the policy table: staff's mail and Teams preview in the reader's
 * language (never in two: the job sends one mail per language), the requester draft in the
 * requester's language.
 */
import { interpolate } from '../i18n/interpolate';
import type { Lang } from '../types';
import { destructionReasonWords, phaseNames, reminderRule } from './policy';
import type { DueReminder } from './types';

/** A staff reminder, rendered. */
export interface RenderedReminder {
  readonly subject: string;
  readonly body: string;
  /** At most 150 characters (Teams' limit). */
  readonly previewText: string;
}

/** A requester draft, rendered (previewed, edited and sent by a person). */
export interface RenderedRequesterDraft {
  readonly to: string;
  readonly lang: Lang;
  readonly subject: string;
  readonly body: string;
}

function paramsIn(reminder: DueReminder, lang: Lang, requesterName?: string): Record<string, string> {
  const params: Record<string, string> = { ...reminder.params };
  if (reminder.phase) params.phase = phaseNames[lang][reminder.phase];
  const reason = reminder.params.reason;
  if (reason === 'retentionEnd' || reason === 'protocolEnd' || reason === 'revocation') params.reason = destructionReasonWords[lang][reason];
  if (reminder.items) {
    params.items = reminder.items.map((item) => `- ${item.reference}: ${phaseNames[lang][item.phase]} (${item.dueOn})`).join('\n');
  }
  if (requesterName !== undefined) params.requesterName = requesterName;
  return params;
}

const subjectOf = (reminder: DueReminder, title: string): string => (reminder.reference ? `Dossier ${reminder.reference}: ${title}` : title.charAt(0).toUpperCase() + title.slice(1));

/** The staff message of a reminder in one language. */
export function renderStaffReminder(reminder: DueReminder, lang: Lang): RenderedReminder {
  const text = reminderRule(reminder.kind).staffText[lang];
  const params = paramsIn(reminder, lang);
  const subject = subjectOf(reminder, interpolate(text.title, params));
  return { subject, body: interpolate(text.body, params), previewText: subject.slice(0, 150) };
}

/** The requester draft of a `requesterDraft` reminder; undefined for the other channel. */
export function renderRequesterDraft(reminder: DueReminder): RenderedRequesterDraft | undefined {
  const text = reminderRule(reminder.kind).requesterText;
  if (reminder.channel !== 'requesterDraft' || !text || !reminder.requester) return undefined;
  const lang = reminder.requester.lang;
  const params = paramsIn(reminder, lang, reminder.requester.name);
  return { to: reminder.requester.email, lang, subject: interpolate(text[lang].subject, params), body: interpolate(text[lang].body, params) };
}
