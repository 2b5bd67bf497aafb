/**
 * The `Surveys` column of `Dossiers`: the dossier's requested waves as canonical catalog ids joined
 * by `;` (`SV-bevraging 2023-1;SV-bevraging 2023-2`). A wave id never holds a `;`, so the value splits
 * back exactly; one list per row keeps the register's single list read (no lookup per row).
 */

const SEPARATOR = ';';

/** The column value of the waves; null clears the column (a dossier without requested waves). */
// SharePoint clears a column only when it receives null (undefined would leave the old value).
// eslint-disable-next-line @rushstack/no-new-null
export function encodeSurveys(waves: readonly string[] | undefined): string | null {
  const kept = (waves ?? []).map((wave) => wave.trim()).filter((wave) => wave.length > 0);
  return kept.length > 0 ? kept.join(SEPARATOR) : null;
}

/** The waves of a column value; empty for an empty or missing value (rows written before the column). */
export function decodeSurveys(value: unknown): string[] {
  if (typeof value !== 'string') return [];
  return value.split(SEPARATOR).map((wave) => wave.trim()).filter((wave) => wave.length > 0);
}
