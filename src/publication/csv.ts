import type { PublicRegister, PublishedAddendum, PublishedAgreement, PublishedInstitution, PublishedInstrument, PublishedScope } from './types';

/** CSV columns (stable ids, English, for re-use as open data). */
export const csvColumns = [
  'type',
  'number',
  'protocolNumber',
  'institution',
  'projectTitle',
  'purposes',
  'surveys',
  'reasons',
  'countersignedOn',
  'publishedOn',
  'endDate',
  'publicationUrl',
  'researchType',
  // Protocol rows: the scope in force after the published addenda, each item as `item (instrument)`.
  'variablesInForce',
  'purposesInForce',
  'surveysInForce',
  'institutionInForce',
  'endDateInForce',
  // Addendum rows: what the addendum changed.
  'addedVariables',
  'addedPurposes',
  'addedSurveys',
  'newEndDate',
  'newInstitution',
  // Both: the conditions of the approval that name no one, each as `text (due date)` (schema 1.2).
  'publicConditions',
  // Both (schema 1.3): the date the protocol was revoked; empty while in force.
  'revokedOn'
] as const;

type Column = (typeof csvColumns)[number];

/** Separator of multi-valued cells (purposes, surveys, reasons). */
export const csvListSeparator = ' | ';

/**
 * One CSV cell per RFC 4180: quoted when it holds a comma, quote or line break. A cell that a
 * spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR at the start) gets a leading
 * apostrophe, so a project title cannot become a formula on someone's machine (CSV injection).
 */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const withInstrument = (text: string, item: PublishedInstrument): string => `${text} (${item.instrument})`;
const institutionCell = (institution: PublishedInstitution): string => (institution.enterpriseNumber ? `${institution.name} (${institution.enterpriseNumber})` : institution.name);

function scopeCells(scope: PublishedScope | undefined): Partial<Record<Column, string>> {
  if (!scope) return {};
  return {
    variablesInForce: scope.variables.map((v) => withInstrument(v.name, v)).join(csvListSeparator),
    purposesInForce: scope.purposes.map((p) => withInstrument(p.text, p)).join(csvListSeparator),
    surveysInForce: scope.surveys.map((s) => withInstrument(s.wave, s)).join(csvListSeparator),
    institutionInForce: scope.institution ? withInstrument(institutionCell(scope.institution), scope.institution) : '',
    endDateInForce: scope.endDate ? withInstrument(scope.endDate.endDate, scope.endDate) : ''
  };
}

function changeCells(addendum: PublishedAddendum | undefined): Partial<Record<Column, string>> {
  if (!addendum) return {};
  const { changes } = addendum;
  return {
    addedVariables: changes.addedVariables.join(csvListSeparator),
    addedPurposes: changes.addedPurposes.join(csvListSeparator),
    addedSurveys: changes.addedSurveys.join(csvListSeparator),
    newEndDate: changes.endDate?.to ?? '',
    newInstitution: changes.institution ? institutionCell(changes.institution.to) : ''
  };
}

function row(
  type: 'protocol' | 'addendum',
  protocolNumber: string,
  agreement: Partial<PublishedAgreement> & { number: string },
  extra: { reasons?: readonly string[]; scope?: PublishedScope; addendum?: PublishedAddendum } = {}
): string {
  const reasons = extra.reasons ?? [];
  const values: Record<Column, string> = {
    type,
    number: agreement.number,
    protocolNumber,
    institution: agreement.institution ?? '',
    projectTitle: agreement.projectTitle ?? '',
    purposes: (agreement.purposes ?? []).join(csvListSeparator),
    surveys: (agreement.surveys ?? []).join(csvListSeparator),
    reasons: reasons.join(csvListSeparator),
    countersignedOn: agreement.countersignedOn ?? '',
    publishedOn: agreement.publishedOn ?? '',
    endDate: agreement.endDate ?? '',
    publicationUrl: agreement.publicationUrl ?? '',
    researchType: agreement.researchType ?? '',
    variablesInForce: '',
    purposesInForce: '',
    surveysInForce: '',
    institutionInForce: '',
    endDateInForce: '',
    addedVariables: '',
    addedPurposes: '',
    addedSurveys: '',
    newEndDate: '',
    newInstitution: '',
    publicConditions: (agreement.publicConditions ?? []).map((condition) => (condition.dueDate ? `${condition.text} (${condition.dueDate})` : condition.text)).join(csvListSeparator),
    revokedOn: agreement.revokedOn ?? '',
    ...scopeCells(extra.scope),
    ...changeCells(extra.addendum)
  };
  return csvColumns.map((column) => csvCell(values[column])).join(',');
}

/**
 * The register as CSV (RFC 4180, comma, CRLF, UTF-8 with byte-order mark so spreadsheets detect the
 * encoding): one row per protocol and per addendum, addenda right after their protocol.
 */
export function registerToCsv(register: PublicRegister): string {
  const lines = [csvColumns.join(',')];
  for (const protocol of register.protocols) {
    if (protocol.published) lines.push(row('protocol', protocol.number, protocol, { scope: protocol.scope }));
    for (const addendum of protocol.addenda) lines.push(row('addendum', protocol.number, addendum, { reasons: addendum.reasons, addendum }));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
