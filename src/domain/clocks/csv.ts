/**
 * The CSV export of dossiers with their phase times: RFC 4180 (comma, CRLF, quotes doubled), UTF-8
 * with a byte order mark (Excel reads the accents), and every text cell that a spreadsheet would
 * take for a formula (= + - @, tab, carriage return) prefixed with an apostrophe.
 */
import { stateLabel } from '../labels';
import { isStateId } from '../states';
import type { Lang } from '../types';
import { phaseLabel } from './labels';
import { phaseIds } from './phases';
import type { DossierClock } from './types';

/** One dossier of the export. */
export interface PhaseTimesRow {
  readonly reference: string;
  /** A state id (shown as its label) or any text. */
  readonly state: string;
  readonly clock: DossierClock;
}

/** Guards a text cell against formula injection. */
export function neutralizeFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

/** One RFC 4180 field: quoted when it holds a comma, quote, CR or LF. */
export function csvField(value: string | number): string {
  const text = typeof value === 'number' ? String(value) : neutralizeFormula(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const headings: Readonly<Record<Lang, readonly string[]>> = {
  nl: ['Referentie', 'Status', 'Dagen VSA', 'Dagen aanvrager'],
  en: ['Reference', 'State', 'VSA days', 'Requester days']
};

/** The export: a BOM, a heading line, one line per dossier; days per phase in the phase's unit. */
export function phaseTimesCsv(rows: readonly PhaseTimesRow[], lang: Lang): string {
  const heading = [...headings[lang], ...phaseIds.map((phase) => phaseLabel(phase, lang))];
  const lines = rows.map((row) => {
    const perPhase = phaseIds.map((phase) => row.clock.segments.filter((segment) => segment.phase === phase).reduce((sum, segment) => sum + segment.days, 0));
    const state = isStateId(row.state) ? stateLabel(row.state, lang) : row.state;
    return [row.reference, state, row.clock.vsaDays, row.clock.requesterDays, ...perPhase];
  });
  return `\uFEFF${[heading, ...lines].map((cells) => cells.map(csvField).join(',')).join('\r\n')}\r\n`;
}
