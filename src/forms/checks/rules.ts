import { getFieldDef, SIMPLIFIED_REASONS } from '../catalog';
import type { CheckContext, CheckId, FieldDef, Finding, FormDef, FormDocument, RequiredWhen } from '../types';
import { isValidEnterpriseNumber } from './enterpriseNumber';
import { anchorOf, makeFinding, valueOf } from './finding';
import { addYears, isExplicitEmpty, isValidEmail, isValidPhone, matchChoice, parseDate, parseYesNo, splitList } from './values';
import { parseSurveyAnswer } from './surveys';
import { parseRetention, addDuration } from './retentionPeriod';
import { isProtocolNumber } from '../../domain/numbering';
import { signsByDelegation } from '../../domain/signatories';
import { scopeChange } from './scopeChange';

/** A single-form rule: pure, sees only the snapshot and the context. */
export type FormRule = (form: FormDocument, context: CheckContext, formDef: FormDef) => Finding[];

/** Fields of the form (single and rows), in document order. */
function formFields(formDef: FormDef): FieldDef[] {
  return formDef.sections.flatMap((section) => section.fieldIds).map((id) => getFieldDef(id)!);
}

/** Fields of the form to which a field-level check applies. */
function fieldsWithCheck(formDef: FormDef, checkId: CheckId): FieldDef[] {
  return formFields(formDef).filter((def) => def.checks.includes(checkId));
}

function isRequired(rule: RequiredWhen, form: FormDocument, context: CheckContext): boolean {
  if (rule === 'always') return true;
  if (rule === 'never') return false;
  if (rule === 'signed') return context.phase === 'signed';
  const value = valueOf(form, rule.field);
  if ('includes' in rule) {
    const def = getFieldDef(rule.field);
    const wanted = def?.allowedValues ? matchChoice(rule.includes, def.allowedValues) : undefined;
    // "niet van toepassing" in the reasons is no reason at all.
    return splitList(value).filter((item) => !isExplicitEmpty(item)).some((item) => {
      const option = def?.allowedValues ? matchChoice(item, def.allowedValues) : undefined;
      return option && wanted ? option.value === wanted.value : item.toLowerCase() === rule.includes.toLowerCase();
    });
  }
  if (isExplicitEmpty(value)) return false;
  const first = parseYesNo(value).answer ?? value.trim().toLowerCase();
  return first === rule.equals.toLowerCase();
}

/** Checks that read a field's text as a typed value: an explicit empty answer there is no value. */
const VALUE_CHECKS: readonly CheckId[] = ['survey', 'protocolNumber'];

/**
 * Fields where another rule gives "niet van toepassing" its own meaning: the institution's name
 * ("n.v.t.": no institution) is the eligibility rule's business, not a missing answer.
 */
const EXPLICIT_EMPTY_WITH_MEANING: ReadonlySet<string> = new Set(['aanvrager.instelling']);

/**
 * How heavy an explicit empty answer weighs where the field is required (decision): blocking where
 * the requirement is conditional (the chosen reason asks for it, or the signed phase) or the field is
 * typed (a date, a number, a choice, surveys: the procedure needs the value); a warning for always
 * required free text, where "niet van toepassing" may be a true answer the reviewer judges.
 */
function explicitEmptySeverity(rule: RequiredWhen, def: FieldDef): 'blocking' | 'warning' {
  const freeText = (def.kind === 'text' || def.kind === 'multiline') && !def.checks.some((id) => VALUE_CHECKS.includes(id));
  return rule === 'always' && freeText ? 'warning' : 'blocking';
}

/** A repeating-table row in which every cell is empty or an explicit empty answer. */
function isExplicitEmptyRow(row: Readonly<Record<string, { readonly value: string }>>): boolean {
  const values = Object.values(row).map((cell) => cell.value.trim());
  return values.some((value) => value !== '') && values.every((value) => value === '' || isExplicitEmpty(value));
}

const required: FormRule = (form, context, formDef) => {
  const out: Finding[] = [];
  for (const def of formFields(formDef)) {
    const rule = formDef.requiredWhen?.[def.id] ?? def.requiredWhen;
    if (!isRequired(rule, form, context)) continue;
    if (def.kind === 'rows') {
      const rows = form.rows[def.id] ?? [];
      if (rows.length === 0) out.push(makeFinding('required', def.id, 'blocking', 'forms.check.rowsRequired', {}, undefined));
      else if (rows.every(isExplicitEmptyRow)) {
        const cell = Object.values(rows[0]).find((value) => value.value !== '')!;
        out.push(makeFinding('required', def.id, explicitEmptySeverity(rule, def), 'forms.check.explicitEmptyRequired', { value: cell.value }, cell.anchor));
      }
      continue;
    }
    const field = form.fields[def.id];
    if (!field) out.push(makeFinding('required', def.id, 'blocking', 'forms.check.missingField', {}, undefined));
    else if (field.isPlaceholder || field.value === '') out.push(makeFinding('required', def.id, 'blocking', 'forms.check.required', {}, field.anchor));
    else if (isExplicitEmpty(field.value) && !EXPLICIT_EMPTY_WITH_MEANING.has(def.id)) {
      out.push(makeFinding('required', def.id, explicitEmptySeverity(rule, def), 'forms.check.explicitEmptyRequired', { value: field.value }, field.anchor));
    }
  }
  return out;
};

/**
 * Runs `test` on every filled field carrying `checkId`. An explicit empty answer ("niet van
 * toepassing") is not a value to check: the `required` rule decides whether it may stand.
 */
function perFilledField(checkId: CheckId, test: (value: string, def: FieldDef, form: FormDocument) => Finding[]): FormRule {
  return (form, _context, formDef) =>
    fieldsWithCheck(formDef, checkId).flatMap((def) => {
      const value = valueOf(form, def.id);
      return value && !isExplicitEmpty(value) ? test(value, def, form) : [];
    });
}

const allowedValue = perFilledField('allowedValue', (value, def, form) => {
  const options = def.allowedValues ?? [];
  const allowed = options.map((option) => option.value).join(', ');
  // In a list, an "n.v.t." item is no choice rather than a wrong one.
  const items = def.kind === 'multiChoice' ? splitList(value).filter((item) => !isExplicitEmpty(item)) : def.kind === 'yesNoWithText' ? [parseYesNo(value).answer ?? value.split(/\s/)[0]] : [value];
  return items
    .filter((item) => !matchChoice(item, options))
    .map((item) => makeFinding('allowedValue', def.id, 'blocking', 'forms.check.allowedValue', { value: item, allowed }, anchorOf(form, def.id)));
});

const enterpriseNumber = perFilledField('enterpriseNumber', (value, def, form) =>
  isValidEnterpriseNumber(value) ? [] : [makeFinding('enterpriseNumber', def.id, 'blocking', 'forms.check.enterpriseNumber', { value }, anchorOf(form, def.id))]
);

const email = perFilledField('email', (value, def, form) =>
  isValidEmail(value) ? [] : [makeFinding('email', def.id, 'blocking', 'forms.check.email', { value }, anchorOf(form, def.id))]
);

const phone = perFilledField('phone', (value, def, form) =>
  isValidPhone(value) ? [] : [makeFinding('phone', def.id, 'warning', 'forms.check.phone', { value }, anchorOf(form, def.id))]
);

/** A retention field may hold a period after the project end instead of a date: the retention rule reads it. */
const date = perFilledField('date', (value, def, form) =>
  parseDate(value) || (def.checks.includes('retention') && parseRetention(value))
    ? []
    : [makeFinding('date', def.id, 'blocking', def.checks.includes('retention') ? 'forms.check.retentionDate' : 'forms.check.date', { value }, anchorOf(form, def.id))]
);

function dateOf(form: FormDocument, fieldId: string): string | undefined {
  const value = valueOf(form, fieldId);
  return value ? parseDate(value) : undefined;
}

const dateOrder: FormRule = (form, context) => {
  const out: Finding[] = [];
  const start = dateOf(form, 'project.startdatum');
  const end = dateOf(form, 'project.einddatum');
  if (start && end && end <= start) {
    out.push(makeFinding('dateOrder', 'project.einddatum', 'blocking', 'forms.check.endBeforeStart', { start: valueOf(form, 'project.startdatum'), end: valueOf(form, 'project.einddatum') }, anchorOf(form, 'project.einddatum')));
  }
  const newEnd = dateOf(form, 'verlenging.nieuweEinddatum');
  if (newEnd && newEnd < context.today) {
    out.push(makeFinding('dateOrder', 'verlenging.nieuweEinddatum', 'blocking', 'forms.check.newEndInPast', { value: valueOf(form, 'verlenging.nieuweEinddatum') }, anchorOf(form, 'verlenging.nieuweEinddatum')));
  }
  return out;
};

/** Retention beyond this many years after the project end needs a justification (decision). */
export const MAX_RETENTION_YEARS_AFTER_END = 5;

/**
 * Retention against the project end. A period after the project end ("5 jaar na het einde van het
 * project") is counted from the form's project end; without a readable one it is a warning (write a
 * date), not a date error.
 */
const retention: FormRule = (form) => {
  const period = parseRetention(valueOf(form, 'bewaring.termijn'));
  if (!period) return [];
  const end = dateOf(form, 'project.einddatum');
  if (period.kind === 'afterProjectEnd' && !end) {
    return [makeFinding('retention', 'bewaring.termijn', 'warning', 'forms.check.retentionDurationWithoutEnd', { retention: valueOf(form, 'bewaring.termijn') }, anchorOf(form, 'bewaring.termijn'))];
  }
  if (!end) return [];
  const keepUntil = period.kind === 'date' ? period.date : addDuration(end, period.duration);
  const params = { retention: valueOf(form, 'bewaring.termijn'), end: valueOf(form, 'project.einddatum'), years: String(MAX_RETENTION_YEARS_AFTER_END) };
  if (keepUntil < end) return [makeFinding('retention', 'bewaring.termijn', 'warning', 'forms.check.retentionBeforeEnd', params, anchorOf(form, 'bewaring.termijn'))];
  if (keepUntil > addYears(end, MAX_RETENTION_YEARS_AFTER_END)) {
    return [makeFinding('retention', 'bewaring.termijn', 'warning', 'forms.check.retentionTooLong', params, anchorOf(form, 'bewaring.termijn'))];
  }
  return [];
};

export { surveyWaveIds } from './surveys';

/** Waves named in a finding: the first few, then how many more (a range typo must not flood the message). */
function waveList(ids: readonly string[]): string {
  return ids.length <= 4 ? ids.join(', ') : `${ids.slice(0, 4).join(', ')} … (+${ids.length - 4})`;
}

/**
 * Surveys as people write them, one finding per mention that is not fully read: the part not
 * understood, or the waves the catalog does not have. A list such as "golf 1 tot 4" is one mention.
 */
const survey = perFilledField('survey', (value, def, form) =>
  parseSurveyAnswer(value).items.flatMap((item) => [
    ...(item.survey === undefined
      ? [makeFinding('survey', def.id, 'blocking', 'forms.check.surveyUnknown', { value: item.text }, anchorOf(form, def.id))]
      : item.notUnderstood.map((part) => makeFinding('survey', def.id, 'blocking', 'forms.check.surveyPartUnknown', { value: item.text, part }, anchorOf(form, def.id)))),
    ...(item.outsideCatalog.length > 0
      ? [makeFinding('survey', def.id, 'blocking', 'forms.check.surveyWaveOutsideCatalog', { value: item.text, waves: waveList(item.outsideCatalog) }, anchorOf(form, def.id))]
      : [])
  ])
);

const variableJustification: FormRule = (form, _context, formDef) => {
  if (!fieldsWithCheck(formDef, 'variableJustification').length) return [];
  const out: Finding[] = [];
  (form.rows.variabelen ?? []).forEach((row, index) => {
    const name = row['variabelen.naam'];
    const reason = row['variabelen.motivering'];
    // "n.v.t." is neither a variable nor a justification.
    const named = name?.value !== undefined && name.value !== '' && !isExplicitEmpty(name.value);
    const justified = reason?.value !== undefined && reason.value !== '' && !isExplicitEmpty(reason.value);
    if (named && !justified) {
      out.push(makeFinding('variableJustification', 'variabelen.motivering', 'blocking', 'forms.check.variableWithoutJustification', { value: name.value, row: String(index + 1) }, reason?.anchor ?? name.anchor));
    } else if (!named && justified) {
      out.push(makeFinding('variableJustification', 'variabelen.naam', 'warning', 'forms.check.justificationWithoutVariable', { row: String(index + 1) }, name?.anchor ?? reason?.anchor));
    }
  });
  return out;
};

/** Texts that say "no institution" (decision: an individual is not eligible). */
const NO_INSTITUTION = /^(geen|geen instelling|n\.?v\.?t\.?|nvt|particulier|privépersoon|prive|privé|individu|zelfstandig onderzoeker|none|n\/a|private person|individual|-)$/i;

const eligibility: FormRule = (form) => {
  const value = valueOf(form, 'aanvrager.instelling');
  if (!value || !NO_INSTITUTION.test(value.trim())) return [];
  return [makeFinding('eligibility', 'aanvrager.instelling', 'blocking', 'forms.check.notEligible', { value }, anchorOf(form, 'aanvrager.instelling'))];
};

function yesNoRule(checkId: CheckId, fieldId: string, withoutTextKey: string, flaggedKey: string): FormRule {
  return (form, _context, formDef) => {
    if (!fieldsWithCheck(formDef, checkId).some((def) => def.id === fieldId)) return [];
    const { answer, text } = parseYesNo(valueOf(form, fieldId));
    if (answer !== 'ja') return [];
    if (!text) return [makeFinding(checkId, fieldId, 'blocking', withoutTextKey, {}, anchorOf(form, fieldId))];
    return [makeFinding(checkId, fieldId, 'warning', flaggedKey, { value: text }, anchorOf(form, fieldId))];
  };
}

const transferOutsideEea = yesNoRule('transferOutsideEea', 'gegevens.doorgifteBuitenEER', 'forms.check.transferWithoutJustification', 'forms.check.transferOutsideEea');
const linking = yesNoRule('linking', 'gegevens.koppeling', 'forms.check.linkingWithoutDescription', 'forms.check.linking');

const publicationRules = perFilledField('publicationRules', (value, def, form) =>
  /\d/.test(value) ? [] : [makeFinding('publicationRules', def.id, 'warning', 'forms.check.publicationCellSize', {}, anchorOf(form, def.id))]
);

const simplifiedReasons = perFilledField('simplifiedReasons', (value, def, form) =>
  splitList(value).some((item) => matchChoice(item, SIMPLIFIED_REASONS))
    ? []
    : [makeFinding('simplifiedReasons', def.id, 'blocking', 'forms.check.simplifiedNoReason', {}, anchorOf(form, def.id))]
);

/** Protocol numbers are the ones the workflow gives at countersignature: one rule, in the domain. */
const protocolNumber = perFilledField('protocolNumber', (value, def, form) =>
  isProtocolNumber(value.trim().toUpperCase())
    ? []
    : [makeFinding('protocolNumber', def.id, 'blocking', 'forms.check.protocolNumberFormat', { value }, anchorOf(form, def.id))]
);

const signatureDraft: FormRule = (form, context, formDef) => {
  if (context.phase !== 'draft') return [];
  return formFields(formDef)
    .filter((def) => def.signature && valueOf(form, def.id) !== '' && !isExplicitEmpty(valueOf(form, def.id)))
    .map((def) => makeFinding('signatureDraft', def.id, 'blocking', 'forms.check.signedDraft', { value: valueOf(form, def.id) }, anchorOf(form, def.id)));
};

const mandate: FormRule = (form, context, formDef) => {
  const fieldId = fieldsWithCheck(formDef, 'mandate')
    .map((def) => def.id)
    .find((id) => signsByDelegation(valueOf(form, id)));
  if (!fieldId) return [];
  if (context.phase === 'signed') {
    return context.hasMandateDocument ? [] : [makeFinding('mandate', fieldId, 'blocking', 'forms.check.mandateMissing', {}, anchorOf(form, fieldId))];
  }
  return [makeFinding('mandate', fieldId, 'info', 'forms.check.mandateReminder', {}, anchorOf(form, fieldId))];
};

const documentNotices: FormRule = (form) =>
  form.notices.map((notice) => {
    switch (notice.code) {
      case 'macroEnabled':
        return makeFinding('document', undefined, 'blocking', 'forms.check.macroEnabled', {}, undefined);
      case 'unknownCatalogVersion':
        return makeFinding('document', undefined, 'warning', 'forms.check.unknownCatalogVersion', { ...notice.params }, undefined);
      case 'missingCatalogVersion':
        return makeFinding('document', undefined, 'info', 'forms.check.missingCatalogVersion', { ...notice.params }, undefined);
      case 'unknownFormType':
        return makeFinding('document', undefined, 'blocking', 'forms.check.unknownFormType', { ...notice.params }, undefined);
      case 'readByLabel':
        return makeFinding('document', undefined, 'info', 'forms.check.readByLabel', { ...notice.params }, undefined);
    }
  });

/** Every single-form rule by check id. */
export const CHECKS: Readonly<Record<CheckId, FormRule>> = {
  required,
  allowedValue,
  enterpriseNumber,
  email,
  phone,
  date,
  dateOrder,
  retention,
  survey,
  variableJustification,
  eligibility,
  transferOutsideEea,
  linking,
  publicationRules,
  simplifiedReasons,
  protocolNumber,
  signatureDraft,
  mandate,
  document: documentNotices,
  // Implemented by the codebook work (issue 13); until then it finds nothing.
  codebook: () => [],
  scopeChange
};

/** Check ids that run for a form type: its form-level checks plus those of its fields. */
export function checksOfForm(formDef: FormDef): CheckId[] {
  const ids = new Set<CheckId>(formDef.checks);
  for (const def of formFields(formDef)) {
    for (const id of def.checks) ids.add(id);
    for (const column of def.columns ?? []) for (const id of column.checks) ids.add(id);
  }
  return [...ids];
}

