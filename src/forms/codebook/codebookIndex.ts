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
  readonly waves: Set<string>;
  readonly keys: readonly string[];
}

interface SearchEntry {
  readonly wave: string;
  readonly variable: CodebookVariable;
  readonly key: string;
  readonly words: readonly string[];
}

/** A trie of the normalised names: names sharing a prefix share the distance rows of that prefix. */
interface TrieNode {
  next?: Map<number, TrieNode>;
  entries?: NameEntry[];
  /** Length of the longest name below this node (to size the rows once). */
  depth: number;
}

interface SuggestionData {
  readonly trie: TrieNode;
  readonly byWord: ReadonlyMap<string, NameEntry[]>;
}

function insert(root: TrieNode, entry: NameEntry): void {
  let node = root;
  root.depth = Math.max(root.depth, entry.normalized.length);
  for (let i = 0; i < entry.normalized.length; i++) {
    const code = entry.normalized.charCodeAt(i);
    node.next ??= new Map();
    let child = node.next.get(code);
    if (!child) {
      child = { depth: 0 };
      node.next.set(code, child);
    }
    node = child;
  }
  (node.entries ??= []).push(entry);
}

/**
 * Every name within `limit` edits (optimal string alignment) of `query`, with its distance: a walk
 * down the trie computing one row of the distance table per node, leaving a branch as soon as its
 * row exceeds the limit (Levenshtein over a trie, plus the transposition step of Damerau).
 */
function trieWithin(root: TrieNode, query: string, limit: number, found: (entry: NameEntry, distance: number) => void): void {
  const n = query.length;
  const rows: Int32Array[] = Array.from({ length: root.depth + 2 }, () => new Int32Array(n + 1));
  for (let i = 0; i <= n; i++) rows[0][i] = i;
  const walk = (node: TrieNode, depth: number, code: number, previousCode: number): void => {
    const row = rows[depth];
    const above = rows[depth - 1];
    const twoAbove = depth > 1 ? rows[depth - 2] : undefined;
    row[0] = depth;
    let rowMin = row[0];
    for (let i = 1; i <= n; i++) {
      const q = query.charCodeAt(i - 1);
      let value = above[i - 1] + (q === code ? 0 : 1);
      if (above[i] + 1 < value) value = above[i] + 1;
      if (row[i - 1] + 1 < value) value = row[i - 1] + 1;
      if (twoAbove && i > 1 && q === previousCode && query.charCodeAt(i - 2) === code && twoAbove[i - 2] + 1 < value) value = twoAbove[i - 2] + 1;
      row[i] = value;
      if (value < rowMin) rowMin = value;
    }
    if (node.entries && row[n] <= limit) for (const entry of node.entries) found(entry, row[n]);
    if (rowMin > limit || !node.next) return;
    for (const [nextCode, child] of node.next) walk(child, depth + 1, nextCode, code);
  };
  for (const [code, child] of root.next ?? []) walk(child, 1, code, -1);
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * The names among `names` within `limit` edits of `query` (after `normalizeName`), with their
 * distances: the trie walk `suggest` uses, on its own (tests compare it with `boundedDamerau`).
 */
export function namesWithin(names: readonly string[], query: string, limit: number): Map<string, number> {
  const root: TrieNode = { depth: 0 };
  for (const name of names) insert(root, { key: nameKey(name), name, normalized: normalizeName(name), waves: new Set(), keys: [] });
  const out = new Map<string, number>();
  trieWithin(root, normalizeName(query), limit, (entry, distance) => out.set(entry.name, distance));
  return out;
}

/** The names' trie and word keys, over every wave: built on the first `suggest`. */
function buildSuggestionData(byWave: ReadonlyMap<string, ReadonlyMap<string, CodebookVariable>>): SuggestionData {
  const names = new Map<string, NameEntry>();
  const trie: TrieNode = { depth: 0 };
  const byWord = new Map<string, NameEntry[]>();
  for (const [wave, variables] of byWave) {
    for (const [key, variable] of variables) {
      let entry = names.get(key);
      const keys = wordKeys(`${variable.name} ${variable.label}`);
      if (!entry) {
        entry = { key, name: variable.name, normalized: normalizeName(variable.name), waves: new Set(), keys: [] };
        names.set(key, entry);
        insert(trie, entry);
      }
      for (const word of keys) {
        if (entry.keys.includes(word)) continue;
        (entry.keys as string[]).push(word);
        push(byWord, word, entry);
      }
      entry.waves.add(wave);
    }
  }
  return { trie, byWord };
}

function buildSearchEntries(byWave: ReadonlyMap<string, ReadonlyMap<string, CodebookVariable>>): SearchEntry[] {
  const entries: SearchEntry[] = [];
  for (const [wave, variables] of byWave) {
    for (const [key, variable] of variables) entries.push({ wave, variable, key, words: wordsOf(`${variable.name} ${variable.label}`) });
  }
  return entries;
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
      const { trie, byWord } = (suggestionData ??= buildSuggestionData(byWave));
      trieWithin(trie, normalized, limit, (entry, distance) => {
        if (entry.key !== key && inWaves(entry, waves)) candidates.set(entry, { distance, shared: 0 });
      });
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
