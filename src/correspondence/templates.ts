import type { Lang } from '../domain/types';
import type { MailKind } from './types';
import { nlTemplates } from './templates.nl';
import { enTemplates } from './templates.en';

/** Template ids: `<kind>.<variant>`. */
export type TemplateId =
  | 'requestForms.standard'
  | 'requestForms.simplified'
  | 'returnWithComments.default'
  | 'decision.approved'
  | 'decision.approvedWithConditions'
  | 'decision.rejected'
  | 'requestSignatures.standard'
  | 'requestSignatures.simplified'
  | 'countersignedProtocol.standard'
  | 'countersignedProtocol.simplified'
  | 'deliveryNotice.default'
  | 'protocolEndReminder.default'
  | 'notAdmissible.individual'
  | 'requesterReminder.default'
  | 'destructionRequest.default';

/** Subject and plain-text body with `{name}` placeholders and `{?name}...{/name}` optional parts. */
export interface MailTemplate {
  readonly subject: string;
  readonly body: string;
}

/** Every template of one language. */
export type MailTemplates = Readonly<Record<TemplateId, MailTemplate>>;

/** Templates per language (Dutch first). */
export const mailTemplates: Readonly<Record<Lang, MailTemplates>> = { nl: nlTemplates, en: enTemplates };

/** Every template id, for completeness tests and pickers. */
export const templateIds = Object.keys(nlTemplates) as TemplateId[];

/** The template of a kind and variant; throws for a combination that does not exist (a programming error). */
export function templateOf(kind: MailKind, variant: string, lang: Lang): MailTemplate {
  const id = `${kind}.${variant}` as TemplateId;
  const template = mailTemplates[lang][id];
  if (!template) throw new RangeError(`No mail template "${id}" for language "${lang}".`);
  return template;
}

/** Values of the placeholders; an empty string counts as "no value" for optional parts. */
export type TemplateParams = Readonly<Record<string, string | undefined>>;

const optionalPart = /\{\?([A-Za-z][\w]*)\}([\s\S]*?)\{\/\1\}/g;
const placeholder = /\{([A-Za-z][\w]*)\}/g;

/**
 * Fills a template text. Optional parts are dropped when their parameter is empty. A placeholder
 * without a value stays as `{name}` on purpose: the preview shows it and `validateDraft` refuses to
 * send until the user has written the missing text.
 */
export function renderTemplate(text: string, params: TemplateParams): string {
  const withOptional = text.replace(optionalPart, (_match, name: string, inner: string) => (params[name] ? inner : ''));
  return withOptional.replace(placeholder, (match, name: string) => {
    const value = params[name];
    return value === undefined || value === '' ? match : value;
  });
}

/** The names of the placeholders still present in a text (e.g. `{motivation}` left unfilled). */
export function unfilledPlaceholders(text: string): string[] {
  const names = new Set<string>();
  for (const match of text.matchAll(placeholder)) names.add(match[1]);
  return [...names];
}
