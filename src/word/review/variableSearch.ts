/**
 * The codebook side of the pane: what a variable search returns, a search over loaded codebooks, and a
 * cache so that re-checking after an edit does not load the same codebooks again.
 */
import type { CodebookStore } from '../../data/ports';
import type { Codebook } from '../../forms/types';

/** One variable a search found, with the wave whose codebook holds it. */
export interface VariableHit {
  readonly name: string;
  readonly label: string;
  readonly wave: string;
  readonly sensitive: boolean;
}

/** Searches codebooks for a query within some waves (all when empty), best first, at most `limit`. */
export type VariableSearcher = (codebooks: readonly Codebook[], query: string, waves: readonly string[], limit: number) => VariableHit[];

const normalize = (text: string): string => text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().trim();

/**
 * The pane's own search: name equal, name starting with, name containing, label containing the query
 * (case and accents ignored), then by name; one hit per name (the first wave in the codebooks' order).
 * The forms engine's `codebookIndex` (edit distance, label words) replaces it where it is available.
 */
export const searchCodebooks: VariableSearcher = (codebooks, query, waves, limit) => {
  const wanted = normalize(query);
  if (wanted === '' || limit <= 0) return [];
  const inWaves = new Set(waves);
  const ranked: { hit: VariableHit; rank: number }[] = [];
  const seen = new Set<string>();
  for (const codebook of codebooks) {
    if (inWaves.size > 0 && !inWaves.has(codebook.wave)) continue;
    for (const variable of codebook.variables) {
      const name = normalize(variable.name);
      if (seen.has(name)) continue;
      const rank = name === wanted ? 0 : name.startsWith(wanted) ? 1 : name.includes(wanted) ? 2 : normalize(variable.label).includes(wanted) ? 3 : -1;
      if (rank < 0) continue;
      seen.add(name);
      ranked.push({ hit: { name: variable.name, label: variable.label, wave: codebook.wave, sensitive: variable.sensitive }, rank });
    }
  }
  return ranked
    .sort((a, b) => a.rank - b.rank || a.hit.name.localeCompare(b.hit.name))
    .slice(0, limit)
    .map((item) => item.hit);
};

/** The codebooks of a set of waves, loaded once per set (the store is asked again after a failure). */
export function cachedCodebooks(store: CodebookStore): (waves: readonly string[]) => Promise<Codebook[]> {
  const loaded = new Map<string, Promise<Codebook[]>>();
  return (waves) => {
    const key = [...waves].sort().join('\n');
    const known = loaded.get(key);
    if (known) return known;
    const loading = store.load(waves);
    loaded.set(key, loading);
    loading.catch(() => loaded.delete(key));
    return loading;
  };
}
