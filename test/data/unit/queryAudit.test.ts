import { filterColumns, nonIndexedQueries } from '../support/queryAudit';

describe('query audit helper (used by the integration tests)', () => {
  it('finds the columns of a filter, ignoring values that look like columns', () => {
    expect(filterColumns("(DossierState eq 'intake' or DossierState eq 'x eq y') and startswith(Title,'VSA-2026-') and substringof('Subject eq', Subject)")).toEqual([
      'DossierState',
      'DossierState',
      'Title',
      'Subject'
    ]);
  });

  it('flags a query on a non-indexed column and passes an indexed one', () => {
    const flagged = nonIndexedQueries([
      { list: 'Dossiers', filterColumns: ['Subject'], orderColumns: [], url: 'a' },
      { list: 'Dossiers', filterColumns: ['DossierState'], orderColumns: ['Title'], url: 'b' },
      { list: 'Dossiergebeurtenissen', filterColumns: ['DossierReference'], orderColumns: ['Sequence'], url: 'c' }
    ]);
    expect(flagged.map((q) => q.url)).toEqual(['a']);
  });
});
