/**
 * Survey answers as people write them ("COVID-19-bevraging golf 1 tot 4 (2021-2022)", "SV-bevraging
 * 2023 (beide golven)", "SCV 2010 tot 2015", "golven 2 en 3") read into catalog wave ids, with the
 * parts that could not be read. Pure; the `survey` check and `requestedWaves` both use it.
 */
import { CATALOG } from '../catalog';
import type { SurveyWave } from '../types';
import { isExplicitEmpty } from './values';

type SurveyName = SurveyWave['survey'];

/** One survey mention of an answer: the survey, the text as written and what it stands for. */
export interface SurveyItem {
  /** The mention as written (survey name and its waves), trimmed. */
  readonly text: string;
  readonly survey: SurveyName | undefined;
  /** Wave ids it stands for, in catalog form (`SV-bevraging 2030-1` even when the catalog lacks it). */
  readonly waves: readonly string[];
  /** Waves it names that the catalog does not have. */
  readonly outsideCatalog: readonly string[];
  /** Parts of the mention that were not understood, as written. */
  readonly notUnderstood: readonly string[];
}

/** A survey answer read: catalog waves in catalog order, and every item as written. */
export interface SurveyAnswer {
  readonly waves: readonly string[];
  readonly items: readonly SurveyItem[];
}

const CATALOG_ORDER: ReadonlyMap<string, number> = new Map(CATALOG.surveys.map((wave, index) => [wave.id, index]));
const CATALOG_SV_WAVES: readonly number[] = [...new Set(CATALOG.surveys.filter((wave) => wave.survey === 'SV-bevraging').map((wave) => Number(wave.id.slice(-1))))].sort();
const CATALOG_COVID_WAVES: readonly number[] = CATALOG.surveys
  .filter((wave) => wave.survey === 'COVID-19-bevraging')
  .map((wave) => Number(/\d+$/.exec(wave.id)![0]));

/** A range wider than this is not expanded (a typo such as "2010 tot 20150" must not make thousands of ids). */
const MAX_RANGE = 60;

/**
 * Survey names as people write them, one capture group each in this order. SCV before SV: "SCV" must
 * not read as "SV". Matched on word boundaries, case-insensitive, any dash or space between the parts.
 */
const SURVEY_ORDER: readonly SurveyName[] = ['SCV-survey', 'COVID-19-bevraging', 'SV-bevraging'];
const NAME_PATTERN =
  /(?<![\p{L}\p{N}])(?:((?:SCV|sociaal[- ]culturele verschuivingen)(?:[- ]?(?:survey|bevraging|enquête))?)|(COVID(?:[- ]?19)?(?:[- ]?(?:bevraging|survey|enquête))?)|(SV(?:[- ]?(?:bevraging|survey|enquête))?))(?!\p{L})/giu;

/** Dashes and spaces as one form: "2010 – 2015" and "2010-2015" read alike. */
function normalize(text: string): string {
  return text
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Separators and filler between mentions, which are not a part left unread. */
function isFiller(text: string): boolean {
  return /^[\s;,.:/&+-]*(?:(?:en|and|of|or)[\s;,.:&+-]*)*$/i.test(text);
}

/** Parenthesised comments that only restate the years or "both waves": read as a comment. */
const YEARS_ONLY = /^(?:\d{4})(?: ?(?:-|tot|to|t\/m|en|and|,) ?\d{4})*$/i;
const ALL_WAVES = /^(?:beide|alle|both|all)(?: (?:golven|waves|jaren))?$/i;

const LIST = / ?(?:;|,|&|\+|\ben\b|\band\b) ?/i;

interface Parsed {
  readonly waves: string[];
  readonly notUnderstood: string[];
}

function range<T>(from: number, to: number, make: (n: number) => T): T[] | undefined {
  if (to < from || to - from > MAX_RANGE) return undefined;
  return Array.from({ length: to - from + 1 }, (_, i) => make(from + i));
}

/** SV-bevraging: "2023-2", "2023/2", "2023 golf 2", "2023" (all waves), ranges of these, wave lists within a year. */
function svWaves(spec: string): Parsed {
  const waves: string[] = [];
  const notUnderstood: string[] = [];
  let year: number | undefined;
  // A point is a year and, when written, a wave; a bare wave number takes the year written before it.
  const pointOf = (token: string): { year: number; wave: number | undefined } | undefined => {
    const text = token.replace(/^(?:golf|golven|wave|waves|van|from|jaar|year) /i, '');
    let match = /^(\d{4}) ?(?:[-/]|golf|wave) ?(\d)$/i.exec(text);
    if (match) {
      year = Number(match[1]);
      return { year, wave: Number(match[2]) };
    }
    match = /^(\d{4})(?: (?:beide|alle|both|all)(?: golven| waves)?)?$/i.exec(text);
    if (match) {
      year = Number(match[1]);
      return { year, wave: undefined };
    }
    match = /^(\d)$/.exec(text);
    return match && year !== undefined ? { year, wave: Number(match[1]) } : undefined;
  };
  const first = CATALOG_SV_WAVES[0];
  const last = CATALOG_SV_WAVES[CATALOG_SV_WAVES.length - 1];
  // "golven 1 en 2 van 2023": the year after the wave list.
  const trailingYear = /^(?:golf|golven|wave|waves) (.+?) (?:van|in|uit|of) (\d{4})$/i.exec(spec);
  const body = trailingYear ? trailingYear[1] : spec;
  if (trailingYear) year = Number(trailingYear[2]);
  if (/^(?:alle|all)(?: golven| waves)?$/i.test(body)) {
    return { waves: CATALOG.surveys.filter((wave) => wave.survey === 'SV-bevraging').map((wave) => wave.id), notUnderstood };
  }
  for (const item of body.split(LIST).map((part) => part.trim()).filter(Boolean)) {
    const [fromText, toText] = splitRange(item);
    const from = pointOf(fromText);
    const to = toText === undefined ? from : pointOf(toText);
    if (!from || !to) {
      notUnderstood.push(item);
      continue;
    }
    // A single wave the catalog does not number (2023-5) is kept, so that it is named as outside the catalog.
    if (toText === undefined && from.wave !== undefined) {
      waves.push(`SV-bevraging ${from.year}-${from.wave}`);
      continue;
    }
    const start = { year: from.year, wave: from.wave ?? first };
    const end = { year: to.year, wave: to.wave ?? last };
    const found = range(start.year, end.year, (y) => y)?.flatMap((y) =>
      CATALOG_SV_WAVES.filter((w) => (y > start.year || w >= start.wave) && (y < end.year || w <= end.wave)).map((w) => `SV-bevraging ${y}-${w}`)
    );
    if (!found || found.length === 0) notUnderstood.push(item);
    else waves.push(...found);
  }
  return { waves, notUnderstood };
}

/** COVID-19-bevraging: wave numbers, lists and ranges ("golf 1 tot 4", "golven 2 en 3", "alle golven"). */
function covidWaves(spec: string): Parsed {
  const waves: string[] = [];
  const notUnderstood: string[] = [];
  const body = spec.replace(/^(?:golf|golven|wave|waves) /i, '');
  if (/^(?:alle|all)(?: golven| waves)?$/i.test(body)) {
    return { waves: CATALOG_COVID_WAVES.map((n) => `COVID-19-bevraging golf ${n}`), notUnderstood };
  }
  for (const item of body.split(LIST).map((part) => part.trim()).filter(Boolean)) {
    const bounds = splitRange(item);
    const number = (text: string | undefined): number | undefined => {
      const match = text === undefined ? null : /^(?:golf |wave )?(\d{1,2})$/i.exec(text.trim());
      return match ? Number(match[1]) : undefined;
    };
    const from = number(bounds[0]);
    const to = bounds[1] === undefined ? from : number(bounds[1]);
    const found = from !== undefined && to !== undefined ? range(from, to, (n) => `COVID-19-bevraging golf ${n}`) : undefined;
    if (found) waves.push(...found);
    else notUnderstood.push(item);
  }
  return { waves, notUnderstood };
}

/** SCV-survey: years, lists and ranges ("2010-2015", "2010 tot 2015", "2004, 2006 en 2008"). */
function scvWaves(spec: string): Parsed {
  const waves: string[] = [];
  const notUnderstood: string[] = [];
  const body = spec.replace(/^(?:van|from|jaar|jaren|year|years|editie|edities) /i, '');
  for (const item of body.split(LIST).map((part) => part.trim()).filter(Boolean)) {
    const bounds = splitRange(item);
    const year = (text: string | undefined): number | undefined => (text !== undefined && /^\d{4}$/.test(text.trim()) ? Number(text) : undefined);
    const from = year(bounds[0]);
    const to = bounds[1] === undefined ? from : year(bounds[1]);
    const found = from !== undefined && to !== undefined ? range(from, to, (n) => `SCV-survey ${n}`) : undefined;
    if (found) waves.push(...found);
    else notUnderstood.push(item);
  }
  return { waves, notUnderstood };
}

/**
 * Splits "A tot B", "A - B", "A t/m B" into its bounds; a single token gives [A, undefined]. An SV
 * wave "2023-2" is one token (a one-digit wave after the year), not a range.
 */
function splitRange(item: string): [string, string | undefined] {
  const words = /^(.+?) (?:t\/m|tot|to|through|until) (.+)$/i.exec(item);
  if (words) return [words[1].replace(/^(?:van|from) /i, ''), words[2]];
  if (/^\d{4} ?- ?\d$/.test(item)) return [item, undefined];
  const dashed = /^(\S*\d{4}(?: ?[-/] ?\d)?|(?:golf |wave )?\d{1,2}) ?- ?(\d{4}(?: ?[-/] ?\d)?|(?:golf |wave )?\d{1,2})$/i.exec(item);
  return dashed ? [dashed[1], dashed[2]] : [item, undefined];
}

const READERS: Readonly<Record<SurveyName, (spec: string) => Parsed>> = {
  'SV-bevraging': svWaves,
  'COVID-19-bevraging': covidWaves,
  'SCV-survey': scvWaves
};

/** Reads one mention: the survey's own words, then its parenthesised comments. */
function readMention(survey: SurveyName, rawSpec: string, text: string): SurveyItem {
  const comments: string[] = [];
  let spec = rawSpec.replace(/\(([^()]*)\)/g, (_, inner: string) => {
    comments.push(normalize(inner));
    return ' ';
  });
  spec = normalize(spec).replace(/\btot en met\b/gi, 't/m').replace(/^[\s:,.;-]+|[\s:,.;-]+$/g, '');
  const notUnderstood: string[] = [];
  for (const comment of comments) {
    // Years in brackets are a comment when the mention already says which waves or years;
    // for a survey read by year with nothing else ("SCV-survey (2010-2015)") they are the years.
    if (YEARS_ONLY.test(comment)) {
      if (survey !== 'COVID-19-bevraging' && !/\d{4}/.test(spec)) spec = `${spec} ${comment}`.trim();
    } else if (!ALL_WAVES.test(comment) && comment !== '') {
      notUnderstood.push(`(${comment})`);
    }
  }
  if (spec === '') return { text, survey, waves: [], outsideCatalog: [], notUnderstood: [...notUnderstood, text] };
  const parsed = READERS[survey](spec);
  const waves = [...new Set(parsed.waves)];
  return {
    text,
    survey,
    waves,
    outsideCatalog: waves.filter((id) => !CATALOG_ORDER.has(id)),
    notUnderstood: [...notUnderstood, ...parsed.notUnderstood]
  };
}

/** A chunk that starts with a wave or year continues the survey named before it. */
const CONTINUATION = /^(?:(?:golf|golven|wave|waves|en|and)\s+)?\d/i;

/** Splits an answer on ";", "," and line breaks outside brackets, keeping the separator before each chunk. */
function chunks(answer: string): Array<{ separator: string; text: string }> {
  const out: Array<{ separator: string; text: string }> = [];
  let depth = 0;
  let separator = '';
  let current = '';
  for (const char of answer.replace(/\r/g, '')) {
    if (char === '(') depth++;
    if (char === ')') depth = Math.max(0, depth - 1);
    if (depth === 0 && (char === ';' || char === ',' || char === '\n')) {
      if (current.trim() !== '') out.push({ separator, text: current });
      separator = char;
      current = '';
    } else {
      current += char;
    }
  }
  if (current.trim() !== '') out.push({ separator, text: current });
  return out;
}

/**
 * Reads a survey answer: every survey named, with the waves or years after it (up to the next survey
 * name; items after ";", "," or a line break that start with a wave or year continue it). An item that
 * names no survey, or the part of a mention that cannot be read, is named in `notUnderstood`; waves the
 * catalog lacks are in `outsideCatalog`. An explicit empty answer ("niet van toepassing") reads as
 * nothing requested.
 */
export function parseSurveyAnswer(answer: string): SurveyAnswer {
  const whole = normalize(answer);
  if (whole === '' || isExplicitEmpty(whole)) return { waves: [], items: [] };
  const entries: Array<{ survey: SurveyName | undefined; text: string; spec: string }> = [];
  for (const { separator, text: raw } of chunks(answer)) {
    const text = normalize(raw);
    const matches = [...text.matchAll(NAME_PATTERN)];
    const leading = text.slice(0, matches[0]?.index ?? text.length).trim();
    const previous = entries[entries.length - 1];
    if (!isFiller(leading)) {
      // "golf 2, 5 en 7", "2010; 2012": a list continues the survey named before it.
      if (previous?.survey && CONTINUATION.test(leading)) {
        previous.text = `${previous.text}${separator === ',' ? ',' : ';'} ${leading}`;
        previous.spec = `${previous.spec}; ${leading}`;
      } else {
        entries.push({ survey: undefined, text: leading.replace(/[\s:]+$/, ''), spec: '' });
      }
    }
    matches.forEach((match, index) => {
      const survey = SURVEY_ORDER[match.slice(1).findIndex((group) => group !== undefined)];
      const start = match.index! + match[0].length;
      const spec = text.slice(start, matches[index + 1]?.index ?? text.length).replace(/[\s.]*(?:\b(?:en|and)\s*)?$/i, '');
      entries.push({ survey, text: `${match[0]}${spec}`.trim().replace(/[\s.]+$/, ''), spec });
    });
  }
  const items = entries.map((entry): SurveyItem =>
    entry.survey ? readMention(entry.survey, entry.spec, entry.text) : { text: entry.text, survey: undefined, waves: [], outsideCatalog: [], notUnderstood: [entry.text] }
  );
  const waves = [...new Set(items.flatMap((item) => item.waves.filter((id) => CATALOG_ORDER.has(id))))];
  waves.sort((a, b) => CATALOG_ORDER.get(a)! - CATALOG_ORDER.get(b)!);
  return { waves, items };
}

/**
 * Canonical wave ids one mention stands for (including waves the catalog lacks); undefined when any
 * part of it cannot be read or it names no survey.
 */
export function surveyWaveIds(item: string): string[] | undefined {
  const { items } = parseSurveyAnswer(item);
  if (items.length === 0 || items.some((entry) => entry.notUnderstood.length > 0 || entry.survey === undefined)) return undefined;
  return items.flatMap((entry) => [...entry.waves]);
}
