/**
 * Pure numbering: dossier references `VSA-YYYY-NNNN`, protocol numbers `PROT-YYYY-NNN` given at
 * countersignature, addendum numbers `<protocol>/A<n>`. The shell passes the numbers already in use.
 */

const dossierReferencePattern = /^VSA-(\d{4})-(\d{4,})$/;
const protocolNumberPattern = /^PROT-(\d{4})-(\d{3,})$/;
const addendumNumberPattern = /^(PROT-\d{4}-\d{3,})\/A([1-9]\d*)$/;

/** A parsed `VSA-YYYY-NNNN` or `PROT-YYYY-NNN`. */
export interface YearSequence {
  readonly year: number;
  readonly sequence: number;
}

/** A parsed addendum number. */
export interface AddendumNumberParts {
  readonly protocolNumber: string;
  readonly index: number;
}

function parseYearSequence(pattern: RegExp, value: unknown): YearSequence | undefined {
  if (typeof value !== 'string') return undefined;
  const match = pattern.exec(value);
  return match ? { year: Number(match[1]), sequence: Number(match[2]) } : undefined;
}

function assertYear(year: number): void {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) {
    throw new RangeError(`Year must be a four-digit integer, got ${String(year)}`);
  }
}

function nextInYear(pattern: RegExp, existing: Iterable<string>, year: number): number {
  assertYear(year);
  let highest = 0;
  for (const value of existing) {
    const parsed = parseYearSequence(pattern, value);
    if (parsed && parsed.year === year) highest = Math.max(highest, parsed.sequence);
  }
  return highest + 1;
}

/** Parses `VSA-YYYY-NNNN`; `undefined` when malformed. */
export function parseDossierReference(value: unknown): YearSequence | undefined {
  return parseYearSequence(dossierReferencePattern, value);
}

/** Parses `PROT-YYYY-NNN`; `undefined` when malformed. */
export function parseProtocolNumber(value: unknown): YearSequence | undefined {
  return parseYearSequence(protocolNumberPattern, value);
}

/** Parses `<protocol>/A<n>`; `undefined` when malformed. */
export function parseAddendumNumber(value: unknown): AddendumNumberParts | undefined {
  if (typeof value !== 'string') return undefined;
  const match = addendumNumberPattern.exec(value);
  return match ? { protocolNumber: match[1], index: Number(match[2]) } : undefined;
}

/** True for a well-formed dossier reference. */
export const isDossierReference = (value: unknown): boolean => parseDossierReference(value) !== undefined;
/** True for a well-formed protocol number. */
export const isProtocolNumber = (value: unknown): boolean => parseProtocolNumber(value) !== undefined;
/** True for a well-formed addendum number. */
export const isAddendumNumber = (value: unknown): boolean => parseAddendumNumber(value) !== undefined;

/** Next free dossier reference of `year`; malformed or other-year references are ignored. */
export function nextDossierReference(existing: Iterable<string>, year: number): string {
  const sequence = nextInYear(dossierReferencePattern, existing, year);
  return `VSA-${year}-${String(sequence).padStart(4, '0')}`;
}

/** Next free protocol number of `year` (numbers are given at countersignature). */
export function nextProtocolNumber(existingNumbers: Iterable<string>, year: number): string {
  const series = protocolSeries(year);
  return numberInSeries(series, highestInSeries(series, existingNumbers) + 1);
}

/** Next addendum number of a protocol; addenda of other protocols are ignored. */
export function nextAddendumNumber(protocolNumber: string, existingAddendumNumbers: Iterable<string>): string {
  const series = addendumSeries(protocolNumber);
  return numberInSeries(series, highestInSeries(series, existingAddendumNumbers) + 1);
}

/**
 * The counter series a countersignature draws from: `PROT-YYYY` for protocol numbers of a year, and
 * `<protocol>/A` for the addenda of one protocol. The series names the counter item (`Nummering.Title`).
 */
export function protocolSeries(year: number): string {
  assertYear(year);
  return `PROT-${year}`;
}

/** The counter series of a protocol's addenda, e.g. `PROT-2026-004/A`. */
export function addendumSeries(protocolNumber: string): string {
  if (!isProtocolNumber(protocolNumber)) throw new RangeError(`Not a protocol number: "${protocolNumber}"`);
  return `${protocolNumber}/A`;
}

/** The number `sequence` of a series (`PROT-2026` + 4 → `PROT-2026-004`; `PROT-2026-004/A` + 2 → `PROT-2026-004/A2`). */
export function numberInSeries(series: string, sequence: number): string {
  if (!Number.isInteger(sequence) || sequence < 1) throw new RangeError(`A sequence starts at 1, got ${String(sequence)}`);
  const year = /^PROT-(\d{4})$/.exec(series);
  if (year) return `PROT-${year[1]}-${String(sequence).padStart(3, '0')}`;
  const protocol = /^(PROT-\d{4}-\d{3,})\/A$/.exec(series);
  if (protocol) return `${protocol[1]}/A${sequence}`;
  throw new RangeError(`Not a numbering series: "${series}"`);
}

/** The highest sequence of a series among existing numbers (0 when none): where a new counter starts. */
export function highestInSeries(series: string, existing: Iterable<string>): number {
  let highest = 0;
  const year = /^PROT-(\d{4})$/.exec(series);
  const protocol = /^(PROT-\d{4}-\d{3,})\/A$/.exec(series);
  for (const value of existing) {
    if (year) {
      const parsed = parseProtocolNumber(value);
      if (parsed && parsed.year === Number(year[1])) highest = Math.max(highest, parsed.sequence);
    } else if (protocol) {
      const parsed = parseAddendumNumber(value);
      if (parsed && parsed.protocolNumber === protocol[1]) highest = Math.max(highest, parsed.index);
    }
  }
  return highest;
}

/** The counter series of a dossier's countersignature: its parent protocol's addenda, or the year's protocols. */
export function seriesFor(dossier: { readonly procedure?: string; readonly parentProtocolNumber?: string }, year: number): string {
  return dossier.procedure === 'simplified' && dossier.parentProtocolNumber ? addendumSeries(dossier.parentProtocolNumber) : protocolSeries(year);
}
