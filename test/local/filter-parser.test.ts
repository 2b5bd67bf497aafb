import { FilterSyntaxError, firstClauseField, parseFilter } from '../../src/local/odata/filter-parser';
import { filterToSql, type ColumnRef } from '../../src/local/odata/filter-sql';
import { parseOrderBy } from '../../src/local/odata/orderby';
import { parseSegments } from '../../src/local/server/sp-path';

describe('parseFilter', () => {
  it.each(['eq', 'ne', 'lt', 'le', 'gt', 'ge'])('parses the %s operator', (op) => {
    expect(parseFilter(`Amount ${op} 5`)).toEqual({ kind: 'compare', op, field: 'Amount', value: { kind: 'number', value: 5 } });
  });

  it('unescapes doubled quotes in string literals', () => {
    expect(parseFilter("Title eq 'O''Brien'")).toEqual({ kind: 'compare', op: 'eq', field: 'Title', value: { kind: 'string', value: "O'Brien" } });
  });

  it('gives "and" precedence over "or" and honours parentheses', () => {
    const tree = parseFilter("A eq 1 or B eq 2 and C eq 3");
    expect(tree.kind).toBe('or');
    const grouped = parseFilter("(A eq 1 or B eq 2) and C eq 3");
    expect(grouped.kind).toBe('and');
    expect(firstClauseField(grouped)).toBe('A');
  });

  it('parses startswith, substringof, datetime, booleans and null', () => {
    expect(parseFilter("startswith(Title,'VSA')")).toEqual({ kind: 'startswith', field: 'Title', value: 'VSA' });
    expect(parseFilter("substringof('100%',Title)")).toEqual({ kind: 'substringof', field: 'Title', value: '100%' });
    expect(parseFilter("Created ge datetime'2026-01-01T00:00:00Z'")).toMatchObject({ value: { kind: 'datetime', value: '2026-01-01T00:00:00Z' } });
    expect(parseFilter('Urgent eq true')).toMatchObject({ value: { kind: 'boolean', value: true } });
    expect(parseFilter('Notes eq null')).toMatchObject({ value: { kind: 'null' } });
  });

  it('flips a literal-first comparison', () => {
    expect(parseFilter('5 lt Amount')).toEqual({ kind: 'compare', op: 'gt', field: 'Amount', value: { kind: 'number', value: 5 } });
  });

  it.each([
    ["Title eq 'open", /Unterminated/],
    ['Title eq', /Expected a value/],
    ['Title like 5', /comparison operator/],
    ["endswith(Title,'x')", /not supported/],
    ['Amount eq 1 extra', /Unexpected/],
    ['', /empty/]
  ])('rejects %p clearly', (input, message) => {
    expect(() => parseFilter(input)).toThrow(FilterSyntaxError);
    expect(() => parseFilter(input)).toThrow(message);
  });
});

describe('filterToSql', () => {
  const text: ColumnRef = { sql: 'json_extract(i.data, ?)', params: ['$."Title"'], type: 'text', indexed: false };
  const resolve = (): ColumnRef => text;

  it('binds every literal as a parameter, never in the SQL text', () => {
    const hostile = "x'); DROP TABLE items; --";
    const sql = filterToSql(parseFilter(`Title eq '${hostile.replace(/'/g, "''")}'`), resolve);
    expect(sql.sql).not.toContain('DROP');
    expect(sql.params).toEqual(['$."Title"', hostile]);
  });

  it('uses instr/substr so % and _ stay literal', () => {
    expect(filterToSql(parseFilter("substringof('50%',Title)"), resolve).sql).toContain('instr(');
    expect(filterToSql(parseFilter("startswith(Title,'a_b')"), resolve).sql).toContain('substr(');
  });

  it('refuses a string literal against a number column', () => {
    const number: ColumnRef = { sql: 'i.id', params: [], type: 'number', indexed: true };
    expect(() => filterToSql(parseFilter("Id eq 'abc'"), () => number)).toThrow(/cannot be compared/);
  });
});

describe('parseOrderBy and parseSegments', () => {
  it('parses several orderby terms', () => {
    expect(parseOrderBy('Title desc, Id')).toEqual([{ field: 'Title', descending: true }, { field: 'Id', descending: false }]);
    expect(() => parseOrderBy('Title sideways')).toThrow(/not a valid/);
  });

  it('keeps slashes, parentheses and doubled quotes inside literals', () => {
    const segments = parseSegments("web/getfolderbyserverrelativepath(decodedurl='/sites/microdata/Lib/A (1)/O''Neil')/files/addusingpath(decodedurl='x.docx',overwrite=true)");
    expect(segments.map((s) => s.name)).toEqual(['web', 'getfolderbyserverrelativepath', 'files', 'addusingpath']);
    expect(segments[1].named.get('decodedurl')).toBe("/sites/microdata/Lib/A (1)/O'Neil");
    expect(segments[3].named.get('overwrite')).toBe(true);
  });
});
