/**
 * Survey waves as codebook files name them: a CSV `wave` cell, a DDI study title or identifier, a
 * data file name (`SV-bevraging_2023-1.sav`), or the survey plus its collection date and cycle.
 */
import { CATALOG } from '../catalog';
import { surveyWaveIds } from '../checks/rules';

const KNOWN: ReadonlyMap<string, string> = new Map(CATALOG.surveys.map((wave) => [wave.id.toLowerCase(), wave.id]));

/** The catalog's spelling of a wave id, or undefined when the catalog does not know it. */
export function catalogWave(id: string): string | undefined {
  return KNOWN.get(id.trim().replace(/\s+/g, ' ').toLowerCase());
}

/** Catalog order of waves (for sorting codebooks). */
export const WAVE_INDEX: ReadonlyMap<string, number> = new Map(CATALOG.surveys.map((wave, index) => [wave.id, index]));

/**
 * The waves a cell names: one wave id, a range (`SCV-survey 2010-2015`) or several separated by `;`.
 * Returns the canonical ids, or `{ unknown }` with the first part the catalog does not know.
 */
export function wavesOfCell(cell: string): { readonly waves: string[] } | { readonly unknown: string } {
  const waves: string[] = [];
  for (const part of cell.split(';').map((item) => item.trim()).filter(Boolean)) {
    const ids = catalogWave(part) ? [part] : surveyWaveIds(part);
    if (!ids || ids.length === 0) return { unknown: part };
    for (const id of ids) {
      const known = catalogWave(id);
      if (!known) return { unknown: ids.length > 1 ? `${part} (${id})` : part };
      if (!waves.includes(known)) waves.push(known);
    }
  }
  return waves.length ? { waves } : { unknown: cell };
}

const SV = /\bSV[- ]?bevraging[ ,]*(?:golf )?(\d{4}) ?[-/ ] ?(?:golf )?(\d)\b/gi;
const COVID = /\bCOVID[- ]?19[- ]?bevraging[ ,]*(?:golf|wave) ?(\d{1,2})\b/gi;
const SCV = /\bSCV[- ]?survey[ ,]*(\d{4})(?: ?[-–] ?(\d{4}))?\b/gi;

/**
 * Wave ids mentioned in free text (a title, an identifier, a data file name), as written: may hold
 * ids the catalog does not know (the caller reports them). Underscores and dots count as spaces,
 * so `sv_bevraging_2023_1.sav` names `SV-bevraging 2023-1`.
 */
export function wavesInText(text: string): string[] {
  const plain = text.replace(/[_.]+/g, ' ').replace(/\s+/g, ' ');
  const found: string[] = [];
  const add = (id: string): void => {
    const known = catalogWave(id) ?? id;
    if (!found.includes(known)) found.push(known);
  };
  for (const match of plain.matchAll(SV)) add(`SV-bevraging ${match[1]}-${match[2]}`);
  for (const match of plain.matchAll(COVID)) add(`COVID-19-bevraging golf ${Number(match[1])}`);
  for (const match of plain.matchAll(SCV)) {
    const from = Number(match[1]);
    const to = match[2] ? Number(match[2]) : from;
    for (let year = from; year <= to && year - from < 100; year++) add(`SCV-survey ${year}`);
  }
  return found;
}

/**
 * A wave from the survey a title names plus the collection date (`collDate/@date`, its year) and
 * cycle (`collDate/@cycle`, its number): `SV-bevraging` + 2023 + cycle 2 → `SV-bevraging 2023-2`.
 */
export function waveOfSurveyAndCollection(title: string, date: string | undefined, cycle: string | undefined): string | undefined {
  const year = /(\d{4})/.exec(date ?? '')?.[1];
  const number = /(\d{1,2})/.exec(cycle ?? '')?.[1];
  if (/\bSV[- _]?bevraging\b/i.test(title) && year && number) return `SV-bevraging ${year}-${Number(number)}`;
  if (/\bCOVID[- _]?19/i.test(title) && number) return `COVID-19-bevraging golf ${Number(number)}`;
  if (/\bSCV[- _]?survey\b/i.test(title) && year) return `SCV-survey ${year}`;
  return undefined;
}
