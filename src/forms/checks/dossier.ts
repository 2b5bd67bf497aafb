import { CATALOG } from '../catalog';
import type { CheckContext, DossierCheckId, Finding, FormDocument } from '../types';
import { normalizeEnterpriseNumber } from './enterpriseNumber';
import { makeFinding } from './finding';
import { isExplicitEmpty, parseDate } from './values';

/** A dossier-level rule over several forms of one dossier. */
export type DossierRule = (forms: readonly FormDocument[], context: CheckContext) => Finding[];

const SHARED_FIELDS = Object.values(CATALOG.fields).filter((def) => def.sameAcrossDossier);

/** Comparison key: kind-aware (enterprise numbers by digits, dates by day), else case and spacing. */
function comparable(fieldId: string, value: string): string {
  const def = CATALOG.fields[fieldId];
  if (def?.kind === 'enterpriseNumber') return normalizeEnterpriseNumber(value);
  if (def?.kind === 'date') return parseDate(value) ?? value.trim();
  return value.toLowerCase().replace(/\s+/g, ' ').replace(/[.;,\s]+$/, '').trim();
}

const sameValue: DossierRule = (forms) => {
  const out: Finding[] = [];
  for (const def of SHARED_FIELDS) {
    // "niet van toepassing" states no value to compare; the `required` rule judges it per form.
    const holders = forms.filter((form) => (form.fields[def.id]?.value ?? '') !== '' && !isExplicitEmpty(form.fields[def.id].value));
    if (holders.length < 2) continue;
    const reference = holders[0];
    const referenceValue = reference.fields[def.id].value;
    for (const form of holders.slice(1)) {
      const value = form.fields[def.id].value;
      if (comparable(def.id, value) === comparable(def.id, referenceValue)) continue;
      out.push({
        ...makeFinding('dossierSameValue', def.id, 'blocking', 'forms.check.dossierSameValue', { value, fileName: form.fileName, otherValue: referenceValue, otherFileName: reference.fileName }, form.fields[def.id].anchor),
        fileName: form.fileName
      });
    }
  }
  return out;
};

const knownProtocol: DossierRule = (forms, context) => {
  const known = context.knownProtocolNumbers;
  if (!known) return [];
  const knownKeys = new Set(known.map((number) => number.trim().toUpperCase()));
  return forms
    .filter((form) => form.formType === 'vereenvoudigdAanvraagformulier' || form.formType === 'addendum')
    .filter((form) => {
      const value = form.fields['bestaandProtocol.nummer']?.value ?? '';
      return value !== '' && !knownKeys.has(value.trim().toUpperCase());
    })
    .map((form) => ({
      ...makeFinding('dossierKnownProtocol', 'bestaandProtocol.nummer', 'blocking', 'forms.check.dossierUnknownProtocol', { value: form.fields['bestaandProtocol.nummer'].value, known: known.join(', ') || '-' }, form.fields['bestaandProtocol.nummer'].anchor),
      fileName: form.fileName
    }));
};

/** Dossier-level rules by id. */
export const DOSSIER_CHECKS: Readonly<Record<DossierCheckId, DossierRule>> = {
  dossierSameValue: sameValue,
  dossierKnownProtocol: knownProtocol
};
