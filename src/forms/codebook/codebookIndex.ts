/**
 * Lookups over the codebooks of some waves: `find` (is this name in one of these waves?), `suggest`
 * (the nearest names for a misspelt one) and `search` (name or label words, for the register view and
 * the Word task pane). Built once per codebooks array and cached (WeakMap), so checking every form of
 * a dossier against the same codebooks indexes them once.
 */
import type { Codebook, CodebookVariable } from '../types';
import { nameKey } from './collect';

/** A variable with the wave whose codebook holds it. */
export interface CodebookMatch {
  readonly wave: string;
  readonly variable: CodebookVariable;
}

export interface CodebookIndex {
  /** Waves that have a codebook, in the order the codebooks came (a store gives catalog order). */
  readonly waves: readonly string[];
  /** True when `wave` has a codebook. */
  hasWave(wave: string): boolean;
  /** The variable named `name` (case-insensitive) in the first of `waves` (default: all) that has it. */
  find(name: string, waves?: readonly string[]): CodebookMatch | undefined;
  /** The variable named `name` in every one of `waves` (default: all) that has it, in wave order. */
  findAll(name: string, waves?: readonly string[]): CodebookMatch[];
  /**
   * Up to `max` names nearest to `name` in `waves` (default: all), best first: edit distance
   * (Damerau-Levenshtein, ignoring case and `_`/`-`/space/`.`) and words shared with names and labels.
   * Never the name itself; empty when nothing is near.
   */
  suggest(name: string, waves?: readonly string[], max?: number): string[];
  /**
   * Variables whose name or label matches `query` (every word of it starts a word of the name or
   * label), best first: exact name, name prefix, name substring, then words; `limit` default 20.
   */
  search(query: string, waves?: readonly string[], limit?: number): CodebookMatch[];
}

/** Words too common in labels to make two variables look related. */
const STOP_WORDS: ReadonlySet<string> = new Set([
  'voor', 'door', 'over', 'naar', 'onder', 'tussen', 'deze', 'heeft', 'hebben', 'zijn', 'werd', 'worden', 'andere', 'niet', 'geen', 'wordt', 'welke',
  'with', 'from', 'that', 'this', 'have', 'been', 'into', 'than', 'other', 'what', 'which', 'were', 'your'
]);

/** Shared-word keys compare the first five letters, so `huishoudn` meets `huishouden`. */
const WORD_KEY_LENGTH = 5;

/** Lower case without diacritics; separators `_`, `-`, space and `.` all become `_`. */
export function normalizeName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim()
    .replace(/[\s_\-.]+/g, '_');
}

/** Words of a name (`inkomenHuishouden_2`, `inkomen_huishouden`) or a label, lower case. */
export function wordsOf(text: string): string[] {
  return text
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+|(?<=\p{L})(?=\p{N})|(?<=\p{N})(?=\p{L})/u)
    .filter(Boolean);
}

function wordKeys(text: string): string[] {
  return [...new Set(wordsOf(text).filter((word) => word.length >= 4 && !STOP_WORDS.has(word) && !/^\d+$/.test(word)).map((word) => word.slice(0, WORD_KEY_LENGTH)))];
}

/** Edits allowed for a suggestion by length of the (normalised) name: short names tolerate less. */
export function maxEdits(length: number): number {
  if (length <= 3) return 1;
  if (length <= 6) return 2;
  return 3;
}

/**
 * Optimal-string-alignment (restricted Damerau-Levenshtein) distance, computed only within a band
 * of `limit` around the diagonal and abandoned as soon as a row exceeds it: returns `limit + 1` for
 * anything farther than `limit`. This keeps 200 lookups against 5,000 names in milliseconds.
 */
export function boundedDamerau(a: string, b: string, limit: number): number {
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > limit) return limit + 1;
  if (n === 0 || m === 0) return Math.min(Math.max(n, m), limit + 1);
  const over = limit + 1;
  let before = new Array<number>(m + 1).fill(over);
  let previous = new Array<number>(m + 1);
  let current = new Array<number>(m + 1).fill(over);
  for (let j = 0; j <= m; j++) previous[j] = j <= limit ? j : over;
  for (let i = 1; i <= n; i++) {
    const from = Math.max(1, i - limit);
    const to = Math.min(m, i + limit);
    current.fill(over);
    current[0] = i <= limit ? i : over;
    let rowMin = current[0];
    for (let j = from; j <= to; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a.charCodeAt(i - 1) === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === b.charCodeAt(j - 1)) {
        value = Math.min(value, before[j - 2] + 1);
      }
      current[j] = value > over ? over : value;
      if (current[j] < rowMin) rowMin = current[j];
    }
    if (rowMin > limit) return over;
    [before, previous, current] = [previous, current, before];
  }
  return Math.min(previous[m], over);
}

interface NameEntry {
  readonly key: string;
  readonly name: string;
  readonly normalized: string;
  readonly waves: Set<string>;
  readonly keys: readonly string[];
}

interface SearchEntry {
  readonly wave: string;
  readonly variable: CodebookVariable;
  readonly key: string;
  readonly words: readonly string[];
}

function build(codebooks: readonly Codebook[]): CodebookIndex {
  const byWave = new Map<string, Map<string, CodebookVariable>>();
  const names = new Map<string, NameEntry>();
  const byLength = new Map<number, NameEntry[]>();
  const byWord = new Map<string, NameEntry[]>();
  const searchEntries: SearchEntry[] = [];
  for (const codebook of codebooks) {
    let variables = byWave.get(codebook.wave);
    if (!variables) {
      variables = new Map();
      byWave.set(codebook.wave, variables);
    }
    for (const variable of codebook.variables) {
      const key = nameKey(variable.name);
      // Two codebooks of the same wave: the first spelling of a name wins.
      if (variables.has(key)) continue;
      variables.set(key, variable);
      searchEntries.push({ wave: codebook.wave, variable, key, words: wordsOf(`${variable.name} ${variable.label}`) });
      let entry = names.get(key);
      if (!entry) {
        entry = { key, name: variable.name, normalized: normalizeName(variable.name), waves: new Set(), keys: wordKeys(`${variable.name} ${variable.label}`) };
        names.set(key, entry);
        const sameLength = byLength.get(entry.normalized.length) ?? [];
        sameLength.push(entry);
        byLength.set(entry.normalized.length, sameLength);
        for (const word of entry.keys) {
          const list = byWord.get(word) ?? [];
          list.push(entry);
          byWord.set(word, list);
        }
      } else {
        for (const word of wordKeys(variable.label)) {
          if (entry.keys.includes(word)) continue;
          (entry.keys as string[]).push(word);
          const list = byWord.get(word) ?? [];
          list.push(entry);
          byWord.set(word, list);
        }
      }
      entry.waves.add(codebook.wave);
    }
  }
  const allWaves = [...byWave.keys()];
  const waveOrder = new Map(allWaves.map((wave, index) => [wave, index]));
  const wavesOrAll = (waves: readonly string[] | undefined): readonly string[] => waves ?? allWaves;
  const inWaves = (entry: NameEntry, waves: readonly string[] | undefined): boolean => !waves || waves.some((wave) => entry.waves.has(wave));

  const findAll = (name: string, waves?: readonly string[]): CodebookMatch[] => {
    const key = nameKey(name);
    return wavesOrAll(waves).flatMap((wave) => {
      const variable = byWave.get(wave)?.get(key);
      return variable ? [{ wave, variable }] : [];
    });
  };

  return {
    waves: allWaves,
    hasWave: (wave) => byWave.has(wave),
    findAll,
    find: (name, waves) => {
      const key = nameKey(name);
      for (const wave of wavesOrAll(waves)) {
        const variable = byWave.get(wave)?.get(key);
        if (variable) return { wave, variable };
      }
      return undefined;
    },
    suggest: (name, waves, max = 3) => {
      const key = nameKey(name);
      const normalized = normalizeName(name);
      if (!normalized || max <= 0) return [];
      const limit = maxEdits(normalized.length);
      const candidates = new Map<NameEntry, { distance: number; shared: number }>();
      for (let length = normalized.length - limit; length <= normalized.length + limit; length++) {
        for (const entry of byLength.get(length) ?? []) {
          if (entry.key === key || !inWaves(entry, waves)) continue;
          const distance = boundedDamerau(normalized, entry.normalized, limit);
          if (distance <= limit) candidates.set(entry, { distance, shared: 0 });
        }
      }
      for (const word of wordKeys(name)) {
        for (const entry of byWord.get(word) ?? []) {
          if (entry.key === key || !inWaves(entry, waves)) continue;
          const found = candidates.get(entry);
          if (found) found.shared++;
          else candidates.set(entry, { distance: limit + 1, shared: 1 });
        }
      }
      // A shared word is worth most of an edit; two shared words outweigh the farthest allowed typo.
      const rank = (score: { distance: number; shared: number }): number => score.distance - 0.75 * Math.min(score.shared, 2);
      return [...candidates.entries()]
        .sort(([a, sa], [b, sb]) => rank(sa) - rank(sb) || sa.distance - sb.distance || Math.abs(a.normalized.length - normalized.length) - Math.abs(b.normalized.length - normalized.length) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
        .slice(0, max)
        .map(([entry]) => entry.name);
    },
    search: (query, waves, limit = 20) => {
      const text = query.trim().toLowerCase();
      if (!text || limit <= 0) return [];
      const terms = wordsOf(text);
      const allowed = waves ? new Set(waves) : undefined;
      const scored: { entry: SearchEntry; score: number }[] = [];
      for (const entry of searchEntries) {
        if (allowed && !allowed.has(entry.wave)) continue;
        let score: number;
        if (entry.key === text) score = 0;
        else if (entry.key.startsWith(text)) score = 1;
        else if (entry.key.includes(text)) score = 2;
        else if (terms.length && terms.every((term) => entry.words.some((word) => word.startsWith(term)))) score = 3;
        else continue;
        scored.push({ entry, score });
      }
      return scored
        .sort((a, b) => a.score - b.score || (waveOrder.get(a.entry.wave) ?? 0) - (waveOrder.get(b.entry.wave) ?? 0) || (a.entry.key < b.entry.key ? -1 : a.entry.key > b.entry.key ? 1 : 0))
        .slice(0, limit)
        .map(({ entry }) => ({ wave: entry.wave, variable: entry.variable }));
    }
  };
}

const cache = new WeakMap<readonly Codebook[], CodebookIndex>();

/** The index of these codebooks, built on first use and kept while the array lives. */
export function codebookIndex(codebooks: readonly Codebook[]): CodebookIndex {
  let index = cache.get(codebooks);
  if (!index) {
    index = build(codebooks);
    cache.set(codebooks, index);
  }
  return index;
}
