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
  return plain(name)
    .toLowerCase()
    .trim()
    .replace(/[\s_\-.]+/g, '_');
}

const NON_ASCII = /[\u0080-\uFFFF]/;

/** Drops diacritics (only non-ASCII text pays for the Unicode normalisation). */
function plain(text: string): string {
  return NON_ASCII.test(text) ? text.normalize('NFD').replace(/[\u0300-\u036f]/g, '') : text;
}

const LETTER = /\p{L}/u;

/** 1 for a letter, 2 for a digit, 0 for anything else (ASCII by comparison, the rest by Unicode class). */
function kindOf(code: number, text: string, index: number): number {
  if (code >= 48 && code <= 57) return 2;
  if ((code >= 97 && code <= 122) || (code >= 65 && code <= 90)) return 1;
  return code >= 0x80 && LETTER.test(text.charAt(index)) ? 1 : 0;
}

/**
 * Words of a name (`inkomenHuishouden_2` → inkomen, huishouden, 2) or a label, lower case: split at
 * anything not a letter or digit, between letters and digits, and before a capital after a small
 * letter. A hand-written scan: with regular expressions this was most of the index's build time.
 */
export function wordsOf(text: string): string[] {
  const source = plain(text);
  const out: string[] = [];
  let start = 0;
  let kind = 0;
  for (let i = 0; i <= source.length; i++) {
    const code = i < source.length ? source.charCodeAt(i) : 32;
    const next = i < source.length ? kindOf(code, source, i) : 0;
    const camel = next === 1 && kind === 1 && code >= 65 && code <= 90 && i > 0 && source.charCodeAt(i - 1) >= 97 && source.charCodeAt(i - 1) <= 122;
    if (next !== kind || camel) {
      if (kind !== 0 && i > start) out.push(source.slice(start, i).toLowerCase());
      start = i;
      kind = next;
    }
  }
  return out;
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

/** Rows of the distance table, reused across calls (one check makes thousands of comparisons). */
let rows: [Int32Array, Int32Array, Int32Array] = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/**
 * Optimal-string-alignment (restricted Damerau-Levenshtein) distance, computed only within a band
 * of `limit` around the diagonal and abandoned as soon as a row exceeds it: returns `limit + 1` for
 * anything farther than `limit`. This keeps 200 lookups against 5,000 names in milliseconds.
 */
export function boundedDamerau(a: string, b: string, limit: number): number {
  const n = a.length;
  const m = b.length;
  const over = limit + 1;
  if (Math.abs(n - m) > limit) return over;
  if (n === 0 || m === 0) return Math.min(Math.max(n, m), over);
  if (rows[0].length < m + 2) rows = [new Int32Array(2 * m + 2), new Int32Array(2 * m + 2), new Int32Array(2 * m + 2)];
  let [before, previous, current] = rows;
  for (let j = 0; j <= m; j++) previous[j] = j <= limit ? j : over;
  previous[m + 1] = over;
  for (let i = 1; i <= n; i++) {
    const from = Math.max(1, i - limit);
    const to = Math.min(m, i + limit);
    // Cells just outside the band are read by the next row: mark them as too far.
    current[0] = i <= limit ? i : over;
    current[from - 1] = from === 1 ? current[0] : over;
    current[to + 1] = over;
    let rowMin = current[0];
    const ai = a.charCodeAt(i - 1);
    const aPrev = i > 1 ? a.charCodeAt(i - 2) : -1;
    for (let j = from; j <= to; j++) {
      const bj = b.charCodeAt(j - 1);
      let value = previous[j - 1] + (ai === bj ? 0 : 1);
      if (previous[j] + 1 < value) value = previous[j] + 1;
      if (current[j - 1] + 1 < value) value = current[j - 1] + 1;
      if (j > 1 && ai === b.charCodeAt(j - 2) && aPrev === bj && before[j - 2] + 1 < value) value = before[j - 2] + 1;
      if (value > over) value = over;
      current[j] = value;
      if (value < rowMin) rowMin = value;
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
  readonly waves: readonly string[];
}

interface SearchEntry {
  readonly wave: string;
  readonly variable: CodebookVariable;
  readonly key: string;
  readonly words: readonly string[];
}

/**
 * The normalised names sorted, each with the length of the prefix it shares with the one before:
 * a trie without nodes. Walking it in order, the distance rows of a shared prefix are kept, and a
 * prefix whose row already exceeds the limit skips every name that starts with it.
 */
interface SortedNames {
  readonly names: readonly string[];
  readonly owners: readonly (readonly NameEntry[])[];
  readonly shared: Int32Array;
  readonly longest: number;
}

function sortNames(byNormalized: ReadonlyMap<string, readonly NameEntry[]>): SortedNames {
  const names = [...byNormalized.keys()].sort();
  const shared = new Int32Array(names.length);
  let longest = 0;
  for (let i = 0; i < names.length; i++) {
    const name = names[i];
    if (name.length > longest) longest = name.length;
    if (i === 0) continue;
    const before = names[i - 1];
    let k = 0;
    while (k < name.length && k < before.length && name.charCodeAt(k) === before.charCodeAt(k)) k++;
    shared[i] = k;
  }
  return { names, owners: names.map((name) => byNormalized.get(name)!), shared, longest };
}

/**
 * Every name within `limit` edits (optimal string alignment) of `query`, with its distance: one row
 * of the distance table per prefix depth, reused while the next name shares the prefix, and a whole
 * run of names skipped once their common prefix is out of reach (Levenshtein over a trie, plus the
 * transposition step of Damerau).
 */
function sortedWithin(sorted: SortedNames, query: string, limit: number, found: (entry: NameEntry, distance: number) => void): void {
  const n = query.length;
  const rows: Int32Array[] = Array.from({ length: sorted.longest + 1 }, () => new Int32Array(n + 1));
  for (let i = 0; i <= n; i++) rows[0][i] = i;
  const { names, owners, shared } = sorted;
  let valid = 0;
  let index = 0;
  while (index < names.length) {
    const name = names[index];
    if (shared[index] < valid) valid = shared[index];
    let pruned = -1;
    for (let depth = valid + 1; depth <= name.length; depth++) {
      const row = rows[depth];
      const above = rows[depth - 1];
      const code = name.charCodeAt(depth - 1);
      const previousCode = depth > 1 ? name.charCodeAt(depth - 2) : -1;
      const twoAbove = depth > 1 ? rows[depth - 2] : undefined;
      row[0] = depth;
      let rowMin = depth;
      for (let i = 1; i <= n; i++) {
        const q = query.charCodeAt(i - 1);
        let value = above[i - 1] + (q === code ? 0 : 1);
        if (above[i] + 1 < value) value = above[i] + 1;
        if (row[i - 1] + 1 < value) value = row[i - 1] + 1;
        if (twoAbove && i > 1 && q === previousCode && query.charCodeAt(i - 2) === code && twoAbove[i - 2] + 1 < value) value = twoAbove[i - 2] + 1;
        row[i] = value;
        if (value < rowMin) rowMin = value;
      }
      valid = depth;
      if (rowMin > limit) {
        pruned = depth;
        break;
      }
    }
    index++;
    if (pruned >= 0) {
      while (index < names.length && shared[index] >= pruned) index++;
      continue;
    }
    const distance = rows[name.length][n];
    if (distance <= limit) for (const entry of owners[index - 1]) found(entry, distance);
  }
}

/**
 * The names among `names` within `limit` edits of `query` (after `normalizeName`), with their
 * distances: the walk `suggest` uses, on its own (tests compare it with `boundedDamerau`).
 */
export function namesWithin(names: readonly string[], query: string, limit: number): Map<string, number> {
  const byNormalized = new Map<string, NameEntry[]>();
  for (const name of names) {
    const normalized = normalizeName(name);
    byNormalized.set(normalized, [...(byNormalized.get(normalized) ?? []), { key: nameKey(name), name, normalized, waves: [] }]);
  }
  const sorted = sortNames(byNormalized);
  const out = new Map<string, number>();
  sortedWithin(sorted, normalizeName(query), limit, (entry, distance) => out.set(entry.name, distance));
  return out;
}

interface SuggestionData {
  readonly sorted: SortedNames;
  /** Every variable's normalised name and label, lower case, one line each: searched for shared words. */
  readonly text: string;
  /** Where each line starts in `text`, and whose it is. */
  readonly starts: Int32Array;
  readonly owners: readonly NameEntry[];
  /** `namesWithWord` results so far. */
  readonly byWord: Map<string, readonly NameEntry[]>;
}

/** The sorted names and the text of names and labels, over every wave: built on the first `suggest`. */
function buildSuggestionData(byWave: ReadonlyMap<string, ReadonlyMap<string, CodebookVariable>>): SuggestionData {
  // Grouped by normalised name (a name's key always gives the same normalised name): one Map, not two.
  const byNormalized = new Map<string, NameEntry[]>();
  const lines: string[] = [];
  const owners: NameEntry[] = [];
  for (const [wave, variables] of byWave) {
    for (const [key, variable] of variables) {
      const normalized = normalizeName(variable.name);
      let group = byNormalized.get(normalized);
      if (!group) {
        group = [];
        byNormalized.set(normalized, group);
      }
      let entry = group.find((candidate) => candidate.key === key);
      if (!entry) {
        entry = { key, name: variable.name, normalized, waves: [] };
        group.push(entry);
      }
      (entry.waves as string[]).push(wave);
      // Lower-cased line by line, so that a character changing length cannot shift the offsets.
      lines.push(`${entry.normalized} ${plain(variable.label).toLowerCase()}`);
      owners.push(entry);
    }
  }
  const starts = new Int32Array(lines.length);
  let offset = 0;
  lines.forEach((line, index) => {
    starts[index] = offset;
    offset += line.length + 1;
  });
  return { sorted: sortNames(byNormalized), text: lines.join('\n'), starts, owners, byWord: new Map() };
}

const isWordCode = (text: string, index: number): boolean => index >= 0 && index < text.length && kindOf(text.charCodeAt(index), text, index) !== 0;

/**
 * The names sharing a word with the query: every line of `text` where a word starts with a word key of
 * the query (a key shorter than five letters must be the whole word), each line counted once per key.
 * A scan with `indexOf` per key instead of a word index, which cost more to build than it saved.
 */
function sharedWords(data: SuggestionData, keys: readonly string[], found: (entry: NameEntry) => void): void {
  const { text, starts, owners } = data;
  for (const key of keys) {
    let lastLine = -1;
    for (let at = text.indexOf(key); at >= 0; at = text.indexOf(key, at + 1)) {
      if (isWordCode(text, at - 1) || (key.length < WORD_KEY_LENGTH && isWordCode(text, at + key.length))) continue;
      let low = 0;
      let high = starts.length - 1;
      while (low < high) {
        const middle = (low + high + 1) >> 1;
        if (starts[middle] <= at) low = middle;
        else high = middle - 1;
      }
      if (low === lastLine) continue;
      lastLine = low;
      found(owners[low]);
    }
  }
}

function buildSearchEntries(byWave: ReadonlyMap<string, ReadonlyMap<string, CodebookVariable>>): SearchEntry[] {
  const entries: SearchEntry[] = [];
  for (const [wave, variables] of byWave) {
    for (const [key, variable] of variables) entries.push({ wave, variable, key, words: wordsOf(`${variable.name} ${variable.label}`) });
  }
  return entries;
}

/** The names sharing the word `key` with a query (each once), remembered per key: forms repeat topic words. */
function namesWithWord(data: SuggestionData, key: string): readonly NameEntry[] {
  let names = data.byWord.get(key);
  if (!names) {
    const seen = new Set<NameEntry>();
    sharedWords(data, [key], (entry) => seen.add(entry));
    names = [...seen];
    data.byWord.set(key, names);
  }
  return names;
}

function build(codebooks: readonly Codebook[]): CodebookIndex {
  const byWave = new Map<string, Map<string, CodebookVariable>>();
  for (const codebook of codebooks) {
    let variables = byWave.get(codebook.wave);
    if (!variables) {
      variables = new Map();
      byWave.set(codebook.wave, variables);
    }
    for (const variable of codebook.variables) {
      const key = nameKey(variable.name);
      // Two codebooks of the same wave: the first spelling of a name wins.
      if (!variables.has(key)) variables.set(key, variable);
    }
  }
  // Checking a form whose variables all exist needs only `find`: the rest is built when first asked.
  let suggestionData: SuggestionData | undefined;
  let searchData: SearchEntry[] | undefined;
  const allWaves = [...byWave.keys()];
  const waveOrder = new Map(allWaves.map((wave, index) => [wave, index]));
  const wavesOrAll = (waves: readonly string[] | undefined): readonly string[] => waves ?? allWaves;
  const inWaves = (entry: NameEntry, waves: readonly string[] | undefined): boolean => !waves || entry.waves.some((wave) => waves.includes(wave));

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
      const data = (suggestionData ??= buildSuggestionData(byWave));
      sortedWithin(data.sorted, normalized, limit, (entry, distance) => {
        if (entry.key !== key && inWaves(entry, waves)) candidates.set(entry, { distance, shared: 0 });
      });
      for (const word of wordKeys(name)) {
        for (const entry of namesWithWord(data, word)) {
          if (entry.key === key || !inWaves(entry, waves)) continue;
          const found = candidates.get(entry);
          if (found) found.shared++;
          else candidates.set(entry, { distance: limit + 1, shared: 1 });
        }
      }
      // A shared word is worth most of an edit; two shared words outweigh the farthest allowed typo.
      const rank = (score: { distance: number; shared: number }): number => score.distance - 0.75 * Math.min(score.shared, 2);
      const before = (a: NameEntry, sa: { distance: number; shared: number }, b: NameEntry, sb: { distance: number; shared: number }): number =>
        rank(sa) - rank(sb) || sa.distance - sb.distance || Math.abs(a.normalized.length - normalized.length) - Math.abs(b.normalized.length - normalized.length) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
      // The best `max` by insertion: candidates sharing a common word can run into the hundreds.
      const best: [NameEntry, { distance: number; shared: number }][] = [];
      for (const candidate of candidates) {
        if (best.length === max && before(candidate[0], candidate[1], best[max - 1][0], best[max - 1][1]) >= 0) continue;
        let at = best.length;
        while (at > 0 && before(candidate[0], candidate[1], best[at - 1][0], best[at - 1][1]) < 0) at--;
        best.splice(at, 0, candidate);
        if (best.length > max) best.pop();
      }
      return best.map(([entry]) => entry.name);
    },
    search: (query, waves, limit = 20) => {
      const text = query.trim().toLowerCase();
      if (!text || limit <= 0) return [];
      const terms = wordsOf(text);
      const allowed = waves ? new Set(waves) : undefined;
      const scored: { entry: SearchEntry; score: number }[] = [];
      for (const entry of (searchData ??= buildSearchEntries(byWave))) {
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
