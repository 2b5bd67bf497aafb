import { CATALOG, getFieldDef, SIMPLIFIED_REASONS } from '../catalog';
import type { CheckContext, CheckId, FieldDef, Finding, FormDef, FormDocument, RequiredWhen } from '../types';
import { isValidEnterpriseNumber } from './enterpriseNumber';
import { anchorOf, makeFinding, valueOf } from './finding';
import { addYears, isValidEmail, isValidPhone, matchChoice, parseDate, parseYesNo, splitList } from './values';
import { isProtocolNumber } from '../../domain/numbering';
import { signsByDelegation } from '../../domain/signatories';
import { codebookCheck } from './codebook';

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
    return splitList(value).some((item) => {
      const option = def?.allowedValues ? matchChoice(item, def.allowedValues) : undefined;
      return option && wanted ? option.value === wanted.value : item.toLowerCase() === rule.includes.toLowerCase();
    });
  }
  const first = parseYesNo(value).answer ?? value.trim().toLowerCase();
  return first === rule.equals.toLowerCase();
}

const required: FormRule = (form, context, formDef) => {
  const out: Finding[] = [];
  for (const def of formFields(formDef)) {
    const rule = formDef.requiredWhen?.[def.id] ?? def.requiredWhen;
    if (!isRequired(rule, form, context)) continue;
    if (def.kind === 'rows') {
      if ((form.rows[def.id] ?? []).length === 0) out.push(makeFinding('required', def.id, 'blocking', 'forms.check.rowsRequired', {}, undefined));
      continue;
    }
    const field = form.fields[def.id];
    if (!field) out.push(makeFinding('required', def.id, 'blocking', 'forms.check.missingField', {}, undefined));
    else if (field.isPlaceholder || field.value === '') out.push(makeFinding('required', def.id, 'blocking', 'forms.check.required', {}, field.anchor));
  }
  return out;
};

/** Runs `test` on every filled field carrying `checkId`. */
function perFilledField(checkId: CheckId, test: (value: string, def: FieldDef, form: FormDocument) => Finding[]): FormRule {
  return (form, _context, formDef) =>
    fieldsWithCheck(formDef, checkId).flatMap((def) => {
      const value = valueOf(form, def.id);
      return value ? test(value, def, form) : [];
    });
}

const allowedValue = perFilledField('allowedValue', (value, def, form) => {
  const options = def.allowedValues ?? [];
  const allowed = options.map((option) => option.value).join(', ');
  const items = def.kind === 'multiChoice' ? splitList(value) : def.kind === 'yesNoWithText' ? [parseYesNo(value).answer ?? value.split(/\s/)[0]] : [value];
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

const date = perFilledField('date', (value, def, form) =>
  parseDate(value) ? [] : [makeFinding('date', def.id, 'blocking', 'forms.check.date', { value }, anchorOf(form, def.id))]
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

const retention: FormRule = (form) => {
  const keepUntil = dateOf(form, 'bewaring.termijn');
  const end = dateOf(form, 'project.einddatum');
  if (!keepUntil || !end) return [];
  const params = { retention: valueOf(form, 'bewaring.termijn'), end: valueOf(form, 'project.einddatum'), years: String(MAX_RETENTION_YEARS_AFTER_END) };
  if (keepUntil < end) return [makeFinding('retention', 'bewaring.termijn', 'warning', 'forms.check.retentionBeforeEnd', params, anchorOf(form, 'bewaring.termijn'))];
  if (keepUntil > addYears(end, MAX_RETENTION_YEARS_AFTER_END)) {
    return [makeFinding('retention', 'bewaring.termijn', 'warning', 'forms.check.retentionTooLong', params, anchorOf(form, 'bewaring.termijn'))];
  }
  return [];
};

const KNOWN_WAVES: ReadonlySet<string> = new Set(CATALOG.surveys.map((wave) => wave.id.toLowerCase()));

/** Canonical wave ids an item stands for; undefined when it names no known survey. */
export function surveyWaveIds(item: string): string[] | undefined {
  const text = item.trim().replace(/\s+/g, ' ');
  let match = /^SCV[- ]?survey (\d{4})(?: ?[-–] ?(\d{4}))?$/i.exec(text);
  if (match) {
    const from = Number(match[1]);
    const to = match[2] ? Number(match[2]) : from;
    if (to < from) return undefined;
    return Array.from({ length: to - from + 1 }, (_, i) => `SCV-survey ${from + i}`);
  }
  match = /^SV[- ]?bevraging (?:golf )?(\d{4}) ?[-/] ?(\d)$/i.exec(text);
  if (match) return [`SV-bevraging ${match[1]}-${match[2]}`];
  match = /^COVID[- ]?19[- ]?bevraging (?:golf |wave )?(\d{1,2})$/i.exec(text);
  if (match) return [`COVID-19-bevraging golf ${Number(match[1])}`];
  return undefined;
}

const survey = perFilledField('survey', (value, def, form) =>
  splitList(value.replace(/\s+en\s+/gi, ';'))
    .filter((item) => {
      const ids = surveyWaveIds(item);
      return !ids || ids.some((id) => !KNOWN_WAVES.has(id.toLowerCase()));
    })
    .map((item) => makeFinding('survey', def.id, 'blocking', 'forms.check.surveyUnknown', { value: item }, anchorOf(form, def.id)))
);

const variableJustification: FormRule = (form, _context, formDef) => {
  if (!fieldsWithCheck(formDef, 'variableJustification').length) return [];
  const out: Finding[] = [];
  (form.rows.variabelen ?? []).forEach((row, index) => {
    const name = row['variabelen.naam'];
    const reason = row['variabelen.motivering'];
    if (name?.value && !reason?.value) {
      out.push(makeFinding('variableJustification', 'variabelen.motivering', 'blocking', 'forms.check.variableWithoutJustification', { value: name.value, row: String(index + 1) }, reason?.anchor ?? name.anchor));
    } else if (!name?.value && reason?.value) {
      out.push(makeFinding('variableJustification', 'variabelen.naam', 'warning', 'forms.check.justificationWithoutVariable', { row: String(index + 1) }, name?.anchor ?? reason.anchor));
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
    .filter((def) => def.signature && valueOf(form, def.id) !== '')
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
  codebook: codebookCheck,
  // Implemented by the scope work (issue 13); until then it finds nothing.
  scopeChange: () => []
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

