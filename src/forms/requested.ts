/**
 * What a dossier's forms say is requested: surveys and waves, variables with justification, purposes,
 * research type, linking, recipients, transfer outside the EEA, retention end, the institution and,
 * for the simplified form, the reasons and what each changes. The one reading every path uses (register
 * upload, mail intake, the service's rebuild, the Word add-in, the seed): callers add the source document.
 * Read as a person wrote it: "niet van toepassing" is absent, surveys and dates as people write them,
 * retention as a period after the project end.
 */
import { CATALOG, SIMPLIFIED_REASONS } from './catalog';
import { parseSurveyAnswer } from './checks/surveys';
import { retentionEndOf } from './checks/retentionPeriod';
import { answerText, matchChoice, parseDate, parseYesNo, splitList } from './checks/values';
import { normalizeEnterpriseNumber, isValidEnterpriseNumber } from './checks/enterpriseNumber';
import type { FormDocument, FormRow, FormType } from './types';
import type { DataRecipient, RequestedChanges, RequestedData, RequestedVariable, ResearchType, SimplifiedReason, YesNoAnswer } from '../domain/types';

/** Forms that state what is requested, most telling first. */
const SOURCE_ORDER: readonly FormType[] = ['vereenvoudigdAanvraagformulier', 'aanvraagformulier', 'protocol'];

const REASON_IDS: Readonly<Record<string, SimplifiedReason>> = {
  verlenging: 'extension',
  'toevoeging variabelen': 'addVariables',
  'nieuwe doeleinden': 'newPurposes',
  'wijziging identiteit': 'identityChange'
};

/** A field's answer: '' when empty, a placeholder, or an explicit empty answer ("niet van toepassing"). */
const text = (form: FormDocument, fieldId: string): string => answerText(form.fields[fieldId]?.value ?? '').trim();
const cell = (row: FormRow, columnId: string): string => answerText(row[columnId]?.value ?? '').trim();

/** Canonical wave ids a survey answer names, in catalog order (parts not understood are the checks' business). */
export function requestedWaves(answer: string): string[] {
  return [...parseSurveyAnswer(answer).waves];
}

function yesNo(form: FormDocument, fieldId: string): YesNoAnswer | undefined {
  const { answer, text: explanation } = parseYesNo(text(form, fieldId));
  return answer ? { answer, text: explanation } : undefined;
}

function researchTypeOf(form: FormDocument): ResearchType | undefined {
  const option = matchChoice(text(form, 'project.onderzoekstype'), CATALOG.fields['project.onderzoekstype'].allowedValues ?? []);
  return option?.value as ResearchType | undefined;
}

function enterpriseNumberOf(value: string): string | undefined {
  return value && isValidEnterpriseNumber(value) ? normalizeEnterpriseNumber(value) : undefined;
}

/**
 * Purposes as written: one purpose, unless the requester listed them as bullets or numbers
 * ("- ...", "• ...", "1. ...", "a) ..."), then one per item. Plain lines stay one text: a second line
 * is as often an explanation as another purpose.
 */
export function purposesOf(value: string): string[] {
  const lines = value.split('\n').map((line) => line.trim()).filter((line) => line !== '');
  const bullet = /^(?:[-–—•*·▪]|\d{1,2}[.)]|[a-z][.)])\s+/i;
  if (lines.length < 2 || !lines.every((line) => bullet.test(line))) return value.trim() ? [value.trim()] : [];
  return lines.map((line) => line.replace(bullet, '').trim()).filter((line) => line !== '');
}

function variablesOf(form: FormDocument): RequestedVariable[] {
  return (form.rows.variabelen ?? [])
    .map((row) => ({ name: cell(row, 'variabelen.naam'), justification: cell(row, 'variabelen.motivering') }))
    .filter((variable) => variable.name !== '');
}

function recipientsOf(form: FormDocument): DataRecipient[] {
  return (form.rows.ontvangers ?? [])
    .map((row) => ({ name: cell(row, 'ontvangers.naam'), institution: cell(row, 'ontvangers.instelling') }))
    .filter((recipient) => recipient.name !== '' || recipient.institution !== '');
}

function reasonsOf(form: FormDocument): SimplifiedReason[] {
  return [
    ...new Set(
      splitList(text(form, 'vereenvoudigd.reden'))
        .map((item) => matchChoice(item, SIMPLIFIED_REASONS)?.value)
        .filter((value): value is string => value !== undefined)
        .map((value) => REASON_IDS[value])
    )
  ];
}

/**
 * The simplified form's reasons and, per reason, what it asks to change. Reason-specific fields count
 * only under their reason (the form says: fill in only the parts of the chosen reasons). An identity
 * change that gives only a new enterprise number keeps the current name.
 */
function changesOf(form: FormDocument, reasons: readonly SimplifiedReason[]): RequestedChanges {
  const newEndDate = reasons.includes('extension') ? parseDate(text(form, 'verlenging.nieuweEinddatum')) : undefined;
  const newName = text(form, 'nieuweIdentiteit.instelling');
  const newNumber = enterpriseNumberOf(text(form, 'nieuweIdentiteit.kbo'));
  const identityName = newName || text(form, 'aanvrager.instelling');
  return {
    reasons,
    ...optional('newEndDate', newEndDate),
    ...optional('newPurposes', reasons.includes('newPurposes') ? text(form, 'nieuweDoeleinden.omschrijving') || undefined : undefined),
    ...optional('purposeRelation', reasons.includes('newPurposes') ? text(form, 'nieuweDoeleinden.verband') || undefined : undefined),
    ...(reasons.includes('identityChange') && (newName || newNumber) && identityName
      ? { newIdentity: { name: identityName, ...optional('enterpriseNumber', newNumber) } }
      : {})
  };
}

function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}

/**
 * What one form states; undefined for forms that state nothing requested (TOM declaration, addendum).
 * `projectEnd` (ISO) counts a retention period when the form itself has no project end (the protocol).
 */
export function requestedDataOfForm(form: FormDocument, projectEnd?: string): RequestedData | undefined {
  if (!form.formType || !SOURCE_ORDER.includes(form.formType)) return undefined;
  const simplified = form.formType === 'vereenvoudigdAanvraagformulier';
  const reasons = simplified ? reasonsOf(form) : [];
  // In the simplified form the variables table holds the added variables: they count only for that reason.
  const variables = !simplified || reasons.includes('addVariables') ? variablesOf(form) : [];
  const institution = text(form, 'aanvrager.instelling');
  const retentionEnd = retentionEndOf(text(form, 'bewaring.termijn'), parseDate(text(form, 'project.einddatum')) ?? projectEnd);
  return {
    surveys: requestedWaves(text(form, 'gegevens.bevragingen')),
    variablesCount: variables.length,
    variables,
    purposes: purposesOf(text(form, 'project.doeleinden')),
    ...optional('researchType', researchTypeOf(form)),
    ...optional('linking', yesNo(form, 'gegevens.koppeling')),
    recipients: recipientsOf(form),
    ...optional('transferOutsideEea', yesNo(form, 'gegevens.doorgifteBuitenEER')),
    ...optional('retentionEnd', retentionEnd),
    ...(institution ? { institution: { name: institution, ...optional('enterpriseNumber', enterpriseNumberOf(text(form, 'aanvrager.kbo'))) } } : {}),
    ...optional('changes', simplified ? changesOf(form, reasons) : undefined)
  };
}

/**
 * What a dossier's forms state is requested: the simplified form, else the application form, else the
 * protocol; what the first form leaves out (or answers "niet van toepassing") is taken from the next.
 * The variables stay those of the first form (a simplified form's variables are the added ones).
 * A retention period is counted from the first project end any form states. undefined when none of
 * the forms states anything requested.
 */
export function requestedDataOf(forms: readonly FormDocument[]): RequestedData | undefined {
  const ordered = SOURCE_ORDER.flatMap((type) => forms.filter((form) => form.formType === type));
  const projectEnd = ordered.map((form) => parseDate(text(form, 'project.einddatum'))).find((date) => date !== undefined);
  const stated = ordered.map((form) => requestedDataOfForm(form, projectEnd)).filter((data): data is RequestedData => data !== undefined);
  if (stated.length === 0) return undefined;
  const [first] = stated;
  const firstList = <T>(pick: (data: RequestedData) => readonly T[] | undefined): readonly T[] =>
    stated.map(pick).find((list) => list !== undefined && list.length > 0) ?? pick(first) ?? [];
  const firstValue = <T>(pick: (data: RequestedData) => T | undefined): T | undefined => stated.map(pick).find((value) => value !== undefined);
  return {
    ...first,
    surveys: firstList((data) => data.surveys),
    purposes: firstList((data) => data.purposes),
    recipients: firstList((data) => data.recipients),
    ...optional('researchType', firstValue((data) => data.researchType)),
    ...optional('linking', firstValue((data) => data.linking)),
    ...optional('transferOutsideEea', firstValue((data) => data.transferOutsideEea)),
    ...optional('retentionEnd', firstValue((data) => data.retentionEnd)),
    ...optional('institution', firstValue((data) => data.institution))
  };
}
