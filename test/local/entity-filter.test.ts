import { filterCollection, matchesFilter } from '../../src/local/odata/entity-filter';
import { FilterSyntaxError, parseFilter } from '../../src/local/odata/filter-parser';

const lists = [
  { Title: 'Dossiers', BaseTemplate: 100, Hidden: false, Description: '' },
  { Title: 'Dossiergebeurtenissen', BaseTemplate: 100, Hidden: false, Description: 'Log' },
  { Title: 'Dossierdocumenten', BaseTemplate: 101, Hidden: false, Description: 'Bestanden' }
];

const titles = (filter: string, top?: string): string[] => {
  const params = new URLSearchParams({ $filter: filter, ...(top ? { $top: top } : {}) });
  return filterCollection(lists, (row) => row, params).map((row) => row.Title);
};

describe('$filter on in-memory collections', () => {
  it('compares text case-insensitively, with property names in any case', () => {
    expect(titles("title eq 'DOSSIERS'")).toEqual(['Dossiers']);
    expect(titles("Title ne 'Dossiers'")).toEqual(['Dossiergebeurtenissen', 'Dossierdocumenten']);
  });

  it('orders numbers and text with lt/le/gt/ge', () => {
    expect(titles('BaseTemplate gt 100')).toEqual(['Dossierdocumenten']);
    expect(titles('BaseTemplate le 100')).toEqual(['Dossiers', 'Dossiergebeurtenissen']);
    expect(titles("Title lt 'Dossierg'")).toEqual(['Dossierdocumenten']);
    expect(titles("Title ge 'Dossiers'")).toEqual(['Dossiers']);
  });

  it('supports and/or, startswith, substringof, booleans and null', () => {
    expect(titles("startswith(Title,'Dossierd') or substringof('gebeurt',Title)")).toEqual(['Dossiergebeurtenissen', 'Dossierdocumenten']);
    expect(titles("Hidden eq false and BaseTemplate eq 101")).toEqual(['Dossierdocumenten']);
    expect(titles('Description eq null')).toEqual(['Dossiers']);
    expect(titles('Description ne null')).toEqual(['Dossiergebeurtenissen', 'Dossierdocumenten']);
  });

  it('applies $top after the filter', () => {
    expect(titles('BaseTemplate eq 100', '1')).toEqual(['Dossiers']);
    expect(() => titles('BaseTemplate eq 100', '0')).toThrow(RangeError);
  });

  it('refuses unknown properties instead of matching nothing', () => {
    expect(() => matchesFilter(parseFilter("Colour eq 'red'"), lists[0])).toThrow(FilterSyntaxError);
  });
});
