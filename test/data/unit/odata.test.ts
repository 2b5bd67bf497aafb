import { etagOf, odataDateTime, odataString, parseODataPage, skipTokenOf } from '../../../src/data/odata';

describe('OData helpers', () => {
  it('reads a page in each JSON flavour', () => {
    const minimal = { 'odata.metadata': 'x', value: [{ Id: 1 }], 'odata.nextLink': 'http://h/_api/web/lists/items?%24skiptoken=Paged%3DTRUE%26p_ID%3D1&%24top=1' };
    const nometadata = { value: [{ Id: 2 }] };
    const verbose = { d: { results: [{ Id: 3 }], __next: 'http://h/items?$skiptoken=Paged=TRUE%26p_ID=3' } };
    expect(parseODataPage(minimal)).toEqual({ rows: [{ Id: 1 }], nextLink: minimal['odata.nextLink'] });
    expect(parseODataPage(nometadata)).toEqual({ rows: [{ Id: 2 }], nextLink: undefined });
    expect(parseODataPage(verbose)).toEqual({ rows: [{ Id: 3 }], nextLink: verbose.d.__next });
    expect(parseODataPage({ value: [], '@odata.nextLink': 'g' }).nextLink).toBe('g');
  });

  it('extracts and decodes the skip token of a next link', () => {
    expect(skipTokenOf('http://h/items?%24skiptoken=Paged%3DTRUE%26p_ID%3D100&%24top=100')).toBe('Paged=TRUE&p_ID=100');
    expect(skipTokenOf('http://h/items?$top=5&$skiptoken=Paged=TRUE%26p_ID=7')).toBe('Paged=TRUE&p_ID=7');
    expect(skipTokenOf('http://h/items?$top=5')).toBeUndefined();
  });

  it('finds the ETag in minimal and verbose entities, not in nometadata', () => {
    expect(etagOf({ 'odata.etag': '"3"' })).toBe('"3"');
    expect(etagOf({ __metadata: { etag: '"4"' } })).toBe('"4"');
    expect(etagOf({ Id: 1 })).toBeUndefined();
  });

  it('doubles quotes in string literals and formats datetime literals', () => {
    expect(odataString("O'Brien''s")).toBe("'O''Brien''''s'");
    expect(odataDateTime('2026-01-02')).toBe("datetime'2026-01-02T00:00:00Z'");
    expect(odataDateTime('2026-01-02T03:04:05.678Z')).toBe("datetime'2026-01-02T03:04:05Z'");
    expect(() => odataDateTime('2026-13-45')).toThrow();
  });
});
