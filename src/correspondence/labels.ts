import { interpolate } from '../domain/i18n/interpolate';
import type { Lang } from '../domain/types';
import type { MailDraftErrorCode, MailDraftIssue, MailDraftWarningCode, MailKind } from './types';

/** Labels of the mail kinds (buttons, the preview dialog). */
export const mailKindLabels: Readonly<Record<MailKind, Readonly<Record<Lang, string>>>> = {
  requestForms: { nl: 'Formulieren opvragen', en: 'Request forms' },
  returnWithComments: { nl: 'Terugsturen met opmerkingen', en: 'Return with comments' },
  decision: { nl: 'Beslissing meedelen', en: 'Communicate decision' },
  requestSignatures: { nl: 'Ondertekening vragen', en: 'Request signatures' },
  countersignedProtocol: { nl: 'Ondertekend protocol versturen', en: 'Send countersigned protocol' },
  deliveryNotice: { nl: 'Levering melden', en: 'Delivery notice' },
  protocolEndReminder: { nl: 'Einde protocol melden', en: 'Protocol end reminder' },
  notAdmissible: { nl: 'Niet ontvankelijk: uitleg', en: 'Not admissible: explanation' },
  requesterReminder: { nl: 'Herinnering aan de aanvrager', en: 'Reminder to the requester' },
  destructionRequest: { nl: 'Vernietiging vragen', en: 'Request destruction' }
};

/** Labels that differ for an addendum (simplified procedure): its own wording, never "protocol". */
const addendumLabels: Partial<Readonly<Record<MailKind, Readonly<Record<Lang, string>>>>> = {
  countersignedProtocol: { nl: 'Ondertekend addendum versturen', en: 'Send countersigned addendum' }
};

/** Label of a mail kind; with `procedure: 'simplified'`, the addendum's wording where it differs. */
export function mailKindLabel(kind: MailKind, lang: Lang, procedure?: 'standard' | 'simplified'): string {
  return (procedure === 'simplified' ? addendumLabels[kind]?.[lang] : undefined) ?? mailKindLabels[kind][lang];
}

type MailMessageCode = MailDraftErrorCode | MailDraftWarningCode;

/** Texts of the draft findings; `{name}` placeholders come from the finding's params. */
export const mailMessages: Readonly<Record<Lang, Readonly<Record<MailMessageCode, string>>>> = {
  nl: {
    'mail.error.noRecipient': 'Geef minstens één ontvanger op.',
    'mail.error.invalidRecipient': '"{address}" is geen geldig e-mailadres.',
    'mail.error.emptySubject': 'Het onderwerp is leeg.',
    'mail.error.emptyBody': 'De tekst van de e-mail is leeg.',
    'mail.error.unfilledPlaceholder': 'Vul "{placeholder}" in de e-mail nog in.',
    'mail.error.invalidAttachmentName': 'De bijlage "{name}" heeft een ongeldige naam.',
    'mail.error.duplicateAttachment': 'De bijlage "{name}" staat er twee keer bij.',
    'mail.error.countersignedOriginalMissing': 'Deze e-mail kan niet verstuurd worden zonder het medeondertekende origineel als bijlage. Laat de Hoofdstatisticus eerst medeondertekenen met het ondertekende document.',
    'mail.error.publicationVersionMissing': 'Deze e-mail kan niet verstuurd worden zonder de publicatieversie als bijlage. Maak ze eerst met "Publicatieversie maken".',
    'mail.warning.referenceMissingFromSubject': 'Het onderwerp vermeldt het dossiernummer {reference} niet; een antwoord wordt dan niet automatisch herkend.',
    'mail.warning.noAttachments': 'Deze e-mail heeft gewoonlijk bijlagen, maar er zijn er geen.'
  },
  en: {
    'mail.error.noRecipient': 'Enter at least one recipient.',
    'mail.error.invalidRecipient': '"{address}" is not a valid e-mail address.',
    'mail.error.emptySubject': 'The subject is empty.',
    'mail.error.emptyBody': 'The text of the e-mail is empty.',
    'mail.error.unfilledPlaceholder': 'Fill in "{placeholder}" in the e-mail.',
    'mail.error.invalidAttachmentName': 'The attachment "{name}" has an invalid name.',
    'mail.error.duplicateAttachment': 'The attachment "{name}" is listed twice.',
    'mail.error.countersignedOriginalMissing': 'This e-mail cannot be sent without the countersigned original attached. Let the Chief Statistician countersign with the signed document first.',
    'mail.error.publicationVersionMissing': 'This e-mail cannot be sent without the publication version attached. Make it first with "Make publication version".',
    'mail.warning.referenceMissingFromSubject': 'The subject does not mention file number {reference}; a reply will not be recognised automatically.',
    'mail.warning.noAttachments': 'This e-mail usually has attachments, but there are none.'
  }
};

/** The text of a draft finding in a language. */
export function formatMailIssue(issue: MailDraftIssue<MailMessageCode>, lang: Lang): string {
  const params = issue.params ?? {};
  // `{placeholder}` shows an unfilled template placeholder as it appears in the mail text: `{name}`.
  const placeholder = params.name === undefined ? undefined : `{${params.name}}`;
  return interpolate(mailMessages[lang][issue.code], { ...params, placeholder });
}
