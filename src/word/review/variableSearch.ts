/**
 * The codebook side of the pane: what a variable search returns, a search over loaded codebooks, and a
 * cache so that re-checking after an edit does not load the same codebooks again.
 */
import type { CodebookStore } from '../../data/ports';
import { codebookIndex } from '../../forms/codebook/codebookIndex';
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

/**
 * The forms engine's search (`codebookIndex(…).search`: exact name, name prefix, name substring, then
 * label words; indexed once per codebooks array) with one hit per name: the same variable in two
 * requested waves is inserted once, so the first wave that has it stands for it.
 */
export const searchCodebooks: VariableSearcher = (codebooks, query, waves, limit) => {
  if (limit <= 0) return [];
  const matches = codebookIndex(codebooks).search(query, waves.length > 0 ? waves : undefined, limit * Math.max(1, waves.length || codebooks.length));
  const seen = new Set<string>();
  const hits: VariableHit[] = [];
  for (const { wave, variable } of matches) {
    const key = variable.name.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    hits.push({ name: variable.name, label: variable.label, wave, sensitive: variable.sensitive });
    if (hits.length === limit) break;
  }
  return hits;
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
