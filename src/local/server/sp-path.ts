/**
 * Splits a SharePoint REST resource path (`web/lists/getbytitle('A/B''s')/items(3)`) into segments
 * with their arguments, respecting quoted literals (which may contain '/', '(', ')' and doubled quotes).
 */
import { badRequest } from './http';

/** An argument value of a segment. */
export type SegmentArg = string | number | boolean;

/** One path segment: lower-case name plus positional and named arguments. */
export interface Segment {
  readonly name: string;
  readonly hasParens: boolean;
  readonly positional: readonly SegmentArg[];
  readonly named: ReadonlyMap<string, SegmentArg>;
}

function splitOutsideQuotes(input: string, separator: string, trackParens: boolean): string[] {
  const parts: string[] = [];
  let current = '';
  let inQuote = false;
  let depth = 0;
  for (let i = 0; i < input.length; i += 1) {
    const ch = input[i];
    if (ch === "'") {
      if (inQuote && input[i + 1] === "'") {
        current += "''";
        i += 1;
        continue;
      }
      inQuote = !inQuote;
    } else if (!inQuote && trackParens && ch === '(') {
      depth += 1;
    } else if (!inQuote && trackParens && ch === ')') {
      depth -= 1;
    } else if (!inQuote && depth === 0 && ch === separator) {
      parts.push(current);
      current = '';
      continue;
    }
    current += ch;
  }
  if (inQuote) throw badRequest('The resource path has an unterminated string literal.');
  parts.push(current);
  return parts;
}

function parseArg(raw: string): SegmentArg {
  const text = raw.trim();
  const quoted = /^(?:guid)?'((?:[^']|'')*)'$/is.exec(text);
  if (quoted) return quoted[1].replace(/''/g, "'");
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  if (/^(true|false)$/i.test(text)) return text.toLowerCase() === 'true';
  if (/^@[A-Za-z0-9_]+$/.test(text) || /^[A-Za-z0-9_.-]+$/.test(text)) return text;
  throw badRequest(`The argument '${text}' in the resource path is not valid.`);
}

/** Parses the decoded path after `/_api/`. */
export function parseSegments(path: string): Segment[] {
  const trimmed = path.replace(/^\/+|\/+$/g, '');
  if (trimmed === '') return [];
  return splitOutsideQuotes(trimmed, '/', true).map((raw) => {
    const open = raw.indexOf('(');
    if (open < 0) return { name: raw.toLowerCase(), hasParens: false, positional: [], named: new Map() };
    if (!raw.endsWith(')')) throw badRequest(`The path segment '${raw}' is not valid.`);
    const name = raw.slice(0, open).toLowerCase();
    const inner = raw.slice(open + 1, -1);
    const positional: SegmentArg[] = [];
    const named = new Map<string, SegmentArg>();
    if (inner.trim() !== '') {
      for (const part of splitOutsideQuotes(inner, ',', false)) {
        const eq = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=(.*)$/s.exec(part);
        if (eq && !part.trim().startsWith("'")) named.set(eq[1].toLowerCase(), parseArg(eq[2]));
        else positional.push(parseArg(part));
      }
    }
    return { name, hasParens: true, positional, named };
  });
}

/** A string argument by name or position, or a 400. */
export function stringArg(segment: Segment, name: string, position = 0): string {
  const value = segment.named.get(name) ?? segment.positional[position];
  if (value === undefined) throw badRequest(`The parameter '${name}' of '${segment.name}' is missing.`);
  return String(value);
}

/** A numeric argument by name or position, or a 400. */
export function numberArg(segment: Segment, name: string, position = 0): number {
  const value = segment.named.get(name) ?? segment.positional[position];
  const number = typeof value === 'number' ? value : Number(value);
  if (value === undefined || !Number.isInteger(number)) throw badRequest(`The parameter '${name}' of '${segment.name}' must be an integer.`);
  return number;
}

/** A boolean argument (default when absent). */
export function booleanArg(segment: Segment, name: string, fallback: boolean): boolean {
  const value = segment.named.get(name);
  if (value === undefined) return fallback;
  return value === true || String(value).toLowerCase() === 'true';
}

/**
 * Replaces parameter aliases (`siteusers(@v)?@v='i:0#.f|membership|x'`, as PnPjs sends login names) by
 * their values from the query string, as SharePoint's OData parser does. An alias without a value is a 400.
 */
export function resolveAliases(segments: readonly Segment[], params: URLSearchParams): Segment[] {
  const resolve = (arg: SegmentArg): SegmentArg => {
    if (typeof arg !== 'string' || !/^@[A-Za-z0-9_]+$/.test(arg)) return arg;
    const raw = params.get(arg);
    if (raw === null) throw badRequest(`The parameter alias '${arg}' has no value in the query string.`);
    return parseArg(raw);
  };
  return segments.map((segment) => ({
    ...segment,
    positional: segment.positional.map(resolve),
    named: new Map([...segment.named].map(([key, value]) => [key, resolve(value)]))
  }));
}
