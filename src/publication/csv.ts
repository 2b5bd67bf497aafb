import type { PublicRegister, PublishedAgreement } from './types';

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
  'publicationUrl'
] as const;

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

function row(type: 'protocol' | 'addendum', protocolNumber: string, agreement: Partial<PublishedAgreement> & { number: string }, reasons: readonly string[] = []): string {
  const values: Record<(typeof csvColumns)[number], string> = {
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
    publicationUrl: agreement.publicationUrl ?? ''
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
    if (protocol.published) lines.push(row('protocol', protocol.number, protocol));
    for (const addendum of protocol.addenda) lines.push(row('addendum', protocol.number, addendum, addendum.reasons));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
