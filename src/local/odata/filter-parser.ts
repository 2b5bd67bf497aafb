/**
 * A small recursive-descent parser for the OData v3 `$filter` subset SharePoint REST supports and
 * the product uses: eq ne lt le gt ge, and, or, parentheses, startswith(Col,'x'), substringof('x',Col),
 * string literals with '' escaping, numbers, true/false/null and datetime'...' literals.
 * Reference: https://learn.microsoft.com/en-us/sharepoint/dev/sp-add-ins/use-odata-query-operations-in-sharepoint-rest-requests
 * (Graph's listItem `$filter` uses the same syntax with `fields/Col` paths.)
 */

/** A comparison operator. */
export type ComparisonOperator = 'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge';

/** A literal value of a filter. */
export type FilterLiteral =
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'number'; readonly value: number }
  | { readonly kind: 'boolean'; readonly value: boolean }
  | { readonly kind: 'datetime'; readonly value: string }
  | { readonly kind: 'null' };

/** The parsed filter tree. */
export type FilterNode =
  | { readonly kind: 'and' | 'or'; readonly left: FilterNode; readonly right: FilterNode }
  | { readonly kind: 'compare'; readonly op: ComparisonOperator; readonly field: string; readonly value: FilterLiteral }
  | { readonly kind: 'startswith' | 'substringof'; readonly field: string; readonly value: string };

/** Raised for a filter the parser does not accept; the message says where and why. */
export class FilterSyntaxError extends Error {}

type Token =
  | { type: 'ident'; text: string; pos: number }
  | { type: 'string'; text: string; pos: number }
  | { type: 'number'; text: string; pos: number }
  | { type: 'datetime'; text: string; pos: number }
  | { type: 'punct'; text: '(' | ')' | ','; pos: number };

const comparisonOperators = new Set(['eq', 'ne', 'lt', 'le', 'gt', 'ge']);

function readQuoted(input: string, start: number): { text: string; end: number } {
  // start is the index of the opening quote; '' inside the literal is one quote.
  let text = '';
  let i = start + 1;
  for (;;) {
    if (i >= input.length) throw new FilterSyntaxError(`Unterminated string literal starting at position ${start}.`);
    const ch = input[i];
    if (ch === "'") {
      if (input[i + 1] === "'") {
        text += "'";
        i += 2;
        continue;
      }
      return { text, end: i + 1 };
    }
    text += ch;
    i += 1;
  }
}

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const ch = input[i];
    if (/\s/.test(ch)) {
      i += 1;
    } else if (ch === '(' || ch === ')' || ch === ',') {
      tokens.push({ type: 'punct', text: ch, pos: i });
      i += 1;
    } else if (ch === "'") {
      const { text, end } = readQuoted(input, i);
      tokens.push({ type: 'string', text, pos: i });
      i = end;
    } else if (/[0-9-]/.test(ch)) {
      const match = /^-?\d+(\.\d+)?([eE][+-]?\d+)?[mMdDlLfF]?/.exec(input.slice(i));
      if (!match) throw new FilterSyntaxError(`Unexpected '${ch}' at position ${i}.`);
      tokens.push({ type: 'number', text: match[0].replace(/[mMdDlLfF]$/, ''), pos: i });
      i += match[0].length;
    } else if (/[A-Za-z_]/.test(ch)) {
      const match = /^[A-Za-z_][A-Za-z0-9_]*(\/[A-Za-z_][A-Za-z0-9_]*)*/.exec(input.slice(i)) as RegExpExecArray;
      const word = match[0];
      if ((word === 'datetime' || word === 'datetimeoffset') && input[i + word.length] === "'") {
        const { text, end } = readQuoted(input, i + word.length);
        tokens.push({ type: 'datetime', text, pos: i });
        i = end;
      } else {
        tokens.push({ type: 'ident', text: word, pos: i });
        i += word.length;
      }
    } else {
      throw new FilterSyntaxError(`Unexpected '${ch}' at position ${i}.`);
    }
  }
  return tokens;
}

/** Parses a `$filter` expression; throws FilterSyntaxError with a precise message on bad input. */
export function parseFilter(input: string): FilterNode {
  if (input.trim().length === 0) throw new FilterSyntaxError('The $filter expression is empty.');
  if (input.length > 4000) throw new FilterSyntaxError('The $filter expression is too long.');
  const tokens = tokenize(input);
  let index = 0;
  let depth = 0;

  const peek = (): Token | undefined => tokens[index];
  const describe = (t: Token | undefined): string => (t ? `'${t.text}' at position ${t.pos}` : 'the end of the expression');
  const expectPunct = (text: '(' | ')' | ','): void => {
    const t = tokens[index];
    if (!t || t.type !== 'punct' || t.text !== text) throw new FilterSyntaxError(`Expected '${text}' but found ${describe(t)}.`);
    index += 1;
  };
  const isKeyword = (t: Token | undefined, word: string): boolean => t?.type === 'ident' && t.text.toLowerCase() === word;

  const parseLiteral = (): FilterLiteral => {
    const t = tokens[index];
    if (!t) throw new FilterSyntaxError('Expected a value but found the end of the expression.');
    index += 1;
    switch (t.type) {
      case 'string':
        return { kind: 'string', value: t.text };
      case 'number':
        return { kind: 'number', value: Number(t.text) };
      case 'datetime': {
        const date = new Date(t.text);
        if (Number.isNaN(date.getTime())) throw new FilterSyntaxError(`'${t.text}' is not a valid datetime literal.`);
        return { kind: 'datetime', value: date.toISOString().replace(/\.\d{3}Z$/, 'Z') };
      }
      case 'ident':
        if (t.text === 'true' || t.text === 'false') return { kind: 'boolean', value: t.text === 'true' };
        if (t.text === 'null') return { kind: 'null' };
        break;
      default:
        break;
    }
    throw new FilterSyntaxError(`Expected a value but found ${describe(t)}.`);
  };

  const parseField = (): string => {
    const t = tokens[index];
    if (!t || t.type !== 'ident' || ['true', 'false', 'null'].includes(t.text)) throw new FilterSyntaxError(`Expected a column name but found ${describe(t)}.`);
    index += 1;
    return t.text;
  };

  const parseStringArgument = (): string => {
    const t = tokens[index];
    if (!t || t.type !== 'string') throw new FilterSyntaxError(`Expected a string literal but found ${describe(t)}.`);
    index += 1;
    return t.text;
  };

  const parsePrimary = (): FilterNode => {
    const t = peek();
    if (t?.type === 'punct' && t.text === '(') {
      index += 1;
      depth += 1;
      if (depth > 50) throw new FilterSyntaxError('The $filter expression is nested too deeply.');
      const inner = parseOr();
      expectPunct(')');
      depth -= 1;
      return inner;
    }
    if (t?.type === 'ident' && tokens[index + 1]?.type === 'punct' && tokens[index + 1].text === '(') {
      const name = t.text.toLowerCase();
      index += 2;
      if (name === 'startswith') {
        const field = parseField();
        expectPunct(',');
        const value = parseStringArgument();
        expectPunct(')');
        return { kind: 'startswith', field, value };
      }
      if (name === 'substringof') {
        const value = parseStringArgument();
        expectPunct(',');
        const field = parseField();
        expectPunct(')');
        return { kind: 'substringof', field, value };
      }
      throw new FilterSyntaxError(`The function '${t.text}' is not supported (use startswith or substringof).`);
    }
    // A comparison: Column op literal, or literal op Column.
    if (t?.type === 'ident' && !['true', 'false', 'null'].includes(t.text)) {
      const field = parseField();
      const op = parseOperator();
      return { kind: 'compare', op, field, value: parseLiteral() };
    }
    const value = parseLiteral();
    const op = parseOperator();
    const field = parseField();
    const flipped: Record<ComparisonOperator, ComparisonOperator> = { eq: 'eq', ne: 'ne', lt: 'gt', le: 'ge', gt: 'lt', ge: 'le' };
    return { kind: 'compare', op: flipped[op], field, value };
  };

  const parseOperator = (): ComparisonOperator => {
    const t = tokens[index];
    if (!t || t.type !== 'ident' || !comparisonOperators.has(t.text.toLowerCase())) {
      throw new FilterSyntaxError(`Expected a comparison operator (eq, ne, lt, le, gt, ge) but found ${describe(t)}.`);
    }
    index += 1;
    return t.text.toLowerCase() as ComparisonOperator;
  };

  const parseAnd = (): FilterNode => {
    let left = parsePrimary();
    while (isKeyword(peek(), 'and')) {
      index += 1;
      left = { kind: 'and', left, right: parsePrimary() };
    }
    return left;
  };

  function parseOr(): FilterNode {
    let left = parseAnd();
    while (isKeyword(peek(), 'or')) {
      index += 1;
      left = { kind: 'or', left, right: parseAnd() };
    }
    return left;
  }

  const tree = parseOr();
  if (index < tokens.length) throw new FilterSyntaxError(`Unexpected ${describe(tokens[index])}.`);
  return tree;
}

/** The column of the first (left-most) clause; SharePoint's threshold rule looks at this one. */
export function firstClauseField(node: FilterNode): string {
  return 'field' in node ? node.field : firstClauseField(node.left);
}

/** Every column a filter mentions. */
export function filterFields(node: FilterNode): string[] {
  return 'field' in node ? [node.field] : [...filterFields(node.left), ...filterFields(node.right)];
}
