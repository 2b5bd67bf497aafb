/**
 * The conditions of an approval as the requester reads them: the conditions table of the protocol or
 * addendum the product prepares for signature (step 4), and the list in the decision mail. Pure: the
 * rows and lines come from `Dossier.conditions`; the labels from the domain.
 */
import type { ConditionInput } from '../domain/advice';
import { conditionCategoryLabel, conditionOwnerLabel } from '../domain/labels';
import type { Dossier, Lang } from '../domain/types';
import type { FormValues } from '../forms/types';
import { formatLongDate } from './format';

/** What the conditions table says when the approval has no conditions. */
export const noConditionsText: Readonly<Record<Lang, string>> = {
  nl: 'Geen bijzondere voorwaarden.',
  en: 'No specific conditions.'
};

/** The rows of the conditions table (`voorwaarden`), in Dutch: the language of the agreement. */
export function conditionRows(conditions: readonly ConditionInput[]): Readonly<Record<string, string>>[] {
  if (conditions.length === 0) return [{ 'voorwaarden.tekst': noConditionsText.nl }];
  return conditions.map((condition) => ({
    'voorwaarden.tekst': condition.text.trim(),
    'voorwaarden.categorie': conditionCategoryLabel(condition.category, 'nl'),
    'voorwaarden.verantwoordelijke': conditionOwnerLabel(condition.owner, 'nl'),
    'voorwaarden.termijn': condition.dueDate ? formatLongDate(condition.dueDate, 'nl') : ''
  }));
}

/**
 * The conditions table of a protocol or addendum to sign: the decision's conditions, or "Geen bijzondere
 * voorwaarden" when the approval has none. Only for an approval: before a decision the table stays as it is.
 */
export function conditionsFormValues(dossier: Pick<Dossier, 'decision' | 'conditions'>): FormValues {
  const outcome = dossier.decision?.outcome;
  if (outcome !== 'approved' && outcome !== 'approvedWithConditions') return {};
  return { rows: { voorwaarden: conditionRows(outcome === 'approvedWithConditions' ? dossier.conditions : []) } };
}

const dueWords: Readonly<Record<Lang, string>> = { nl: 'uiterlijk op', en: 'due' };

/** Who meets a condition, as the requester reads it. */
const ownerWords: Readonly<Record<Lang, Readonly<Record<ConditionInput['owner'], string>>>> = {
  nl: { requester: 'na te leven door uw instelling', vsa: 'op te volgen door de VSA' },
  en: { requester: 'to be met by your institution', vsa: 'followed up by the VSA' }
};

/** One line per condition for the decision mail: the text, who, and the due date in the recipient's language. */
export function conditionLines(conditions: readonly ConditionInput[], lang: Lang): string[] {
  return conditions.map((condition) => {
    const who = ownerWords[lang][condition.owner];
    const due = condition.dueDate ? `, ${dueWords[lang]} ${formatLongDate(condition.dueDate, lang)}` : '';
    return `${condition.text.trim().replace(/\s*\n\s*/g, ' ')} (${who}${due})`;
  });
}

