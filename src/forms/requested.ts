/**
 * What a dossier's forms say is requested: surveys and waves, variables with justification, purposes,
 * research type, linking, recipients, transfer outside the EEA, retention end, the institution and,
 * for the simplified form, the reasons and what each changes. The one reading every path uses (register
 * upload, mail intake, the service's rebuild, the Word add-in, the seed): callers add the source document.
 */
import { CATALOG, SIMPLIFIED_REASONS } from './catalog';
import { surveyWaveIds } from './checks/rules';
import { matchChoice, parseDate, parseYesNo, splitList } from './checks/values';
import { normalizeEnterpriseNumber, isValidEnterpriseNumber } from './checks/enterpriseNumber';
import type { FormDocument, FormType } from './types';
import type { RequestedChanges, RequestedData, ResearchType, SimplifiedReason, YesNoAnswer } from '../domain/types';

/** Forms that state what is requested, most telling first. */
const SOURCE_ORDER: readonly FormType[] = ['vereenvoudigdAanvraagformulier', 'aanvraagformulier', 'protocol'];

const WAVE_ORDER: ReadonlyMap<string, number> = new Map(CATALOG.surveys.map((wave, index) => [wave.id.toLowerCase(), index]));

const REASON_IDS: Readonly<Record<string, SimplifiedReason>> = {
  verlenging: 'extension',
  'toevoeging variabelen': 'addVariables',
  'nieuwe doeleinden': 'newPurposes',
  'wijziging identiteit': 'identityChange'
};

const text = (form: FormDocument, fieldId: string): string => form.fields[fieldId]?.value ?? '';

/** Canonical wave ids a survey answer names, in catalog order (unknown parts are the checks' business). */
export function requestedWaves(answer: string): string[] {
  const ids = new Set<string>();
  for (const item of splitList(answer.replace(/\s+en\s+/gi, ';'))) {
    for (const id of surveyWaveIds(item) ?? []) if (WAVE_ORDER.has(id.toLowerCase())) ids.add(id);
  }
  return [...ids].sort((a, b) => (WAVE_ORDER.get(a.toLowerCase()) ?? 0) - (WAVE_ORDER.get(b.toLowerCase()) ?? 0));
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

function changesOf(form: FormDocument): RequestedChanges | undefined {
  if (form.formType !== 'vereenvoudigdAanvraagformulier') return undefined;
  const reasons = [...new Set(splitList(text(form, 'vereenvoudigd.reden'))
    .map((item) => matchChoice(item, SIMPLIFIED_REASONS)?.value)
    .filter((value): value is string => value !== undefined)
    .map((value) => REASON_IDS[value]))];
  const newEndDate = reasons.includes('extension') ? parseDate(text(form, 'verlenging.nieuweEinddatum')) : undefined;
  const newName = text(form, 'nieuweIdentiteit.instelling');
  return {
    reasons,
    ...(newEndDate ? { newEndDate } : {}),
    ...(reasons.includes('newPurposes') && text(form, 'nieuweDoeleinden.omschrijving') ? { newPurposes: text(form, 'nieuweDoeleinden.omschrijving') } : {}),
    ...(reasons.includes('newPurposes') && text(form, 'nieuweDoeleinden.verband') ? { purposeRelation: text(form, 'nieuweDoeleinden.verband') } : {}),
    ...(reasons.includes('identityChange') && newName
      ? { newIdentity: { name: newName, ...optional('enterpriseNumber', enterpriseNumberOf(text(form, 'nieuweIdentiteit.kbo'))) } }
      : {})
  };
}

function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}

/** What one form states; undefined for forms that state nothing requested (TOM declaration, addendum). */
export function requestedDataOfForm(form: FormDocument): RequestedData | undefined {
  if (!form.formType || !SOURCE_ORDER.includes(form.formType)) return undefined;
  const variables = (form.rows.variabelen ?? [])
    .map((row) => ({ name: row['variabelen.naam']?.value ?? '', justification: row['variabelen.motivering']?.value ?? '' }))
    .filter((variable) => variable.name !== '');
  const recipients = (form.rows.ontvangers ?? [])
    .map((row) => ({ name: row['ontvangers.naam']?.value ?? '', institution: row['ontvangers.instelling']?.value ?? '' }))
    .filter((recipient) => recipient.name !== '' || recipient.institution !== '');
  const purposes = text(form, 'project.doeleinden');
  const institution = text(form, 'aanvrager.instelling');
  const retentionEnd = parseDate(text(form, 'bewaring.termijn'));
  const changes = changesOf(form);
  return {
    surveys: requestedWaves(text(form, 'gegevens.bevragingen')),
    variablesCount: variables.length,
    variables,
    purposes: purposes ? [purposes] : [],
    ...optional('researchType', researchTypeOf(form)),
    ...optional('linking', yesNo(form, 'gegevens.koppeling')),
    recipients,
    ...optional('transferOutsideEea', yesNo(form, 'gegevens.doorgifteBuitenEER')),
    ...optional('retentionEnd', retentionEnd),
    ...(institution ? { institution: { name: institution, ...optional('enterpriseNumber', enterpriseNumberOf(text(form, 'aanvrager.kbo'))) } } : {}),
    ...optional('changes', changes)
  };
}

/**
 * What a dossier's forms state is requested: the simplified form, else the application form, else the
 * protocol; parts the first form leaves out (surveys, recipients, retention) are taken from the next.
 * undefined when none of the forms states anything requested.
 */
export function requestedDataOf(forms: readonly FormDocument[]): RequestedData | undefined {
  const stated = SOURCE_ORDER.flatMap((type) => forms.filter((form) => form.formType === type))
    .map(requestedDataOfForm)
    .filter((data): data is RequestedData => data !== undefined);
  if (stated.length === 0) return undefined;
  const [first, ...rest] = stated;
  const firstNonEmpty = <T>(pick: (data: RequestedData) => readonly T[] | undefined): readonly T[] =>
    [first, ...rest].map(pick).find((list) => list !== undefined && list.length > 0) ?? pick(first) ?? [];
  const surveys = firstNonEmpty((data) => data.surveys);
  return {
    ...first,
    surveys,
    recipients: firstNonEmpty((data) => data.recipients),
    ...optional('retentionEnd', first.retentionEnd ?? rest.find((data) => data.retentionEnd)?.retentionEnd)
  };
}
