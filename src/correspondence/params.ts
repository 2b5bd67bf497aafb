import { interpolate } from '../domain/i18n/interpolate';
import { decisionOutcomeLabel, simplifiedReasonLabel } from '../domain/labels';
import { draftDocumentKinds, signedDocumentKinds } from '../domain/rules/completeness';
import type { Dossier, Lang } from '../domain/types';
import { getFormDef, isFormType } from '../forms/catalog';
import type { FormType } from '../forms/types';
import { findingsMailText, returnedFindings } from './findings';
import { bulletList, formatLongDate, joinWords } from './format';
import { conditionLines } from './conditions';
import type { TemplateParams } from './templates';

/** What the templates need besides the dossier. */
export interface MailContext {
  /** The shared mailbox the mail is sent from, e.g. `data-aanvragen.vsa@vlaanderen.be`. */
  readonly mailbox: string;
  /** Closing lines; default: the DPO team of the VSA and the mailbox. */
  readonly signature?: string;
}

/** The forms the requester fills in for a procedure (step 1): the domain's draft kinds; no procedure yet reads as standard. */
export function formsOfProcedure(procedure: Dossier['procedure']): FormType[] {
  return draftDocumentKinds[procedure ?? 'standard'].filter(isFormType);
}

/** The documents the requester signs (step 4): the domain's signed kinds; no procedure yet reads as standard. */
export function documentsToSign(procedure: Dossier['procedure']): FormType[] {
  return signedDocumentKinds[procedure ?? 'standard'].filter(isFormType);
}

const formTitle = (type: FormType, lang: Lang): string => {
  const definition = getFormDef(type);
  return lang === 'nl' ? definition.titleNl : definition.titleEn;
};

/** The signature under a mail when the team gives none. */
export const defaultSignature: Readonly<Record<Lang, string>> = {
  nl: 'Het DPO-team van Statistiek Vlaanderen (VSA)',
  en: 'The DPO team of Statistics Flanders (VSA)'
};

/** How a mail names an addendum agreement. */
export const addendumAgreement: Readonly<Record<Lang, string>> = {
  nl: 'addendum {addendum} bij protocol {protocol}',
  en: 'addendum {addendum} to protocol {protocol}'
};

/** Where the conditions are written down for signature (step 4). */
const conditionsDocument: Readonly<Record<Lang, Readonly<Record<'standard' | 'simplified', string>>>> = {
  nl: { standard: 'het protocol', simplified: 'het addendum bij het bestaande protocol' },
  en: { standard: 'the protocol', simplified: 'the addendum to the existing protocol' }
};

/** A label inside a sentence ("Goedgekeurd onder voorwaarden" → "goedgekeurd onder voorwaarden"). */
const inSentence = (label: string): string => label.charAt(0).toLowerCase() + label.slice(1);

/** The signature request's line about the conditions in the document to sign. */
const conditionsNote: Readonly<Record<Lang, string>> = {
  nl: 'De {count} voorwaarde(n) van de goedkeuring staan in {document} in bijlage, onder "Voorwaarden".',
  en: 'The {count} condition(s) of the approval are in {document} attached, under "Voorwaarden" (conditions).'
};

/** Who answers content questions when no statistician is assigned yet. */
export const fallbackStatistician: Readonly<Record<Lang, string>> = {
  nl: 'de statisticus van de VSA die uw aanvraag opvolgt',
  en: 'the VSA statistician following up your request'
};

/**
 * The remarks of the last return: its open requester findings grouped by document and field, then the
 * free review comments of that round (`findingsMailText`; internal findings never).
 */
function latestReviewComments(dossier: Dossier, lang: Lang): string {
  const round = dossier.returnRounds || dossier.reviewComments.reduce((highest, comment) => Math.max(highest, comment.round), 0);
  const free = dossier.reviewComments.filter((comment) => comment.round === round).map((comment) => comment.text);
  return findingsMailText(returnedFindings(dossier), free, lang);
}

function agreementText(dossier: Dossier, lang: Lang): string {
  if (dossier.procedure === 'simplified' && dossier.addendumNumber) {
    return interpolate(addendumAgreement[lang], { addendum: dossier.addendumNumber, protocol: dossier.parentProtocolNumber ?? '' }).trim();
  }
  return dossier.protocolNumber ? `protocol ${dossier.protocolNumber}` : '';
}

/**
 * The placeholder values of a dossier. Only the requester's contact name and institution are used:
 * the mail goes to that person, and nothing else personal is put into a template.
 */
export function mailParams(dossier: Dossier, lang: Lang, context: MailContext, protocolEndDate?: string): TemplateParams {
  const procedure = dossier.procedure;
  return {
    reference: dossier.reference,
    contactName: dossier.requester.contact.name,
    institution: dossier.requester.institution ?? '',
    requestSubject: dossier.subject,
    projectTitle: dossier.project?.title ?? dossier.subject,
    statistician: dossier.assignedStatistician?.displayName ?? fallbackStatistician[lang],
    mailbox: context.mailbox,
    signature: context.signature ?? `${defaultSignature[lang]}\n${context.mailbox}`,
    formList: bulletList(formsOfProcedure(procedure).map((type) => formTitle(type, lang))),
    reasons: joinWords(dossier.simplifiedReasons.map((reason) => simplifiedReasonLabel(reason, lang).toLowerCase()), lang),
    parentProtocol: dossier.parentProtocolNumber ?? '',
    comments: latestReviewComments(dossier, lang),
    // Filled per mail kind by `buildMailDraft` (the attachments or the documents to sign).
    documentList: '',
    motivation: dossier.decision?.motivation ?? '',
    // The decision in the recipient's words ("goedgekeurd onder voorwaarden") and its conditions (text, who, due date).
    decision: dossier.decision ? inSentence(decisionOutcomeLabel(dossier.decision.outcome, lang)) : '',
    conditions: bulletList(conditionLines(dossier.conditions, lang)),
    conditionsDocument: conditionsDocument[lang][dossier.procedure === 'simplified' ? 'simplified' : 'standard'],
    // The signature request: "goedgekeurd" or "goedgekeurd onder voorwaarden", and where those conditions are written.
    approval: inSentence(decisionOutcomeLabel(dossier.decision?.outcome === 'approvedWithConditions' ? 'approvedWithConditions' : 'approved', lang)),
    conditionsNote:
      dossier.decision?.outcome === 'approvedWithConditions' && dossier.conditions.length > 0
        ? interpolate(conditionsNote[lang], { count: String(dossier.conditions.length), document: conditionsDocument[lang][dossier.procedure === 'simplified' ? 'simplified' : 'standard'] })
        : '',
    number: dossier.addendumNumber ?? dossier.protocolNumber ?? '',
    endDate: formatLongDate(protocolEndDate ?? dossier.protocolEndDate, lang),
    deliveredOn: formatLongDate(dossier.delivery?.deliveredOn, lang),
    dataset: dossier.delivery?.dataset ?? '',
    variables: dossier.delivery?.variables === undefined ? '' : String(dossier.delivery.variables),
    method: dossier.delivery?.method ?? '',
    agreement: agreementText(dossier, lang)
  };
}
