import { buildRegisterQuery, NonIndexedQueryError, assertIndexedOnly } from '../../../src/data/sharepoint/registerQuery';
import type { RegisterOrder, RegisterQuery } from '../../../src/data/ports';
import { DossierColumn, LIST_DOSSIERS, indexedColumns, listSpec } from '../../../src/data/schema';
import { nastyTitle } from '../support/fixtures';

const everyFilter: RegisterQuery = {
  states: ['underReview', 'deliberation'],
  assigneeEmail: 'Sofie.Janssens@vsa.local',
  procedure: 'simplified',
  institution: "Universiteit 'Gent'",
  referencePrefix: 'VSA-2026-',
  protocolNumber: 'PROT-2026-001',
  receivedFrom: '2026-01-01',
  receivedBefore: '2026-07-01',
  stateSinceBefore: '2026-06-01T00:00:00Z',
  protocolEndBefore: '2027-01-01'
};

describe('register query builder', () => {
  it('filters and sorts only on columns provisioning indexes, for every filter and every order', () => {
    const indexed = indexedColumns(LIST_DOSSIERS);
    const orders: RegisterOrder[] = ['newest', 'oldest', 'reference', 'stateSince', 'receivedOn', 'protocolEndDate'];
    for (const orderBy of orders) {
      const parts = buildRegisterQuery({ ...everyFilter, orderBy });
      expect(parts.usedColumns.length).toBeGreaterThan(5);
      for (const column of parts.usedColumns) expect(indexed.has(column)).toBe(true);
      for (const order of parts.orderBy) expect(indexed.has(order.column)).toBe(true);
    }
  });

  it('the indexed set is exactly what the schema marks indexed (plus ID and Title)', () => {
    const spec = listSpec(LIST_DOSSIERS);
    const marked = spec.columns.filter((c) => c.indexed).map((c) => c.internalName);
    expect([...indexedColumns(LIST_DOSSIERS)].sort()).toEqual(['ID', 'Id', 'Title', ...marked].sort());
    expect(indexedColumns(LIST_DOSSIERS).has(DossierColumn.Subject)).toBe(false);
  });

  it('builds the expected filter with escaped literals and lower-cased e-mail', () => {
    const parts = buildRegisterQuery(everyFilter);
    expect(parts.filter).toBe(
      "(DossierState eq 'underReview' or DossierState eq 'deliberation') and AssigneeEmail eq 'sofie.janssens@vsa.local' and " +
        "Procedure eq 'simplified' and Institution eq 'Universiteit ''Gent''' and startswith(Title,'VSA-2026-') and " +
        "ProtocolNumber eq 'PROT-2026-001' and ReceivedOn ge datetime'2026-01-01T00:00:00Z' and ReceivedOn lt datetime'2026-07-01T00:00:00Z' and " +
        "StateSince lt datetime'2026-06-01T00:00:00Z' and ProtocolEndDate lt datetime'2027-01-01T00:00:00Z'"
    );
  });

  it('escapes a hostile value so it stays one literal', () => {
    const parts = buildRegisterQuery({ institution: nastyTitle });
    expect(parts.filter).toBe(`Institution eq '${nastyTitle.replace(/'/g, "''")}'`);
    expect(parts.filter?.match(/'/g)?.length ?? 0).toBe(2 + 2 * (nastyTitle.match(/'/g)?.length ?? 0));
  });

  it('defaults to newest first, 100 rows, no filter, no snapshot column', () => {
    const parts = buildRegisterQuery({});
    expect(parts.filter).toBeUndefined();
    expect(parts.orderBy).toEqual([{ column: 'Title', ascending: false }]);
    expect(parts.top).toBe(100);
    expect(parts.select).not.toContain(DossierColumn.Snapshot);
    expect(parts.select).not.toContain(DossierColumn.PendingEvents);
  });

  it('sorts on one indexed column (SharePoint pages ties by ID) and sends no $orderby for oldest first', () => {
    expect(buildRegisterQuery({ orderBy: 'reference' }).orderBy).toEqual([{ column: 'Title', ascending: true }]);
    expect(buildRegisterQuery({ orderBy: 'oldest' }).orderBy).toEqual([]);
  });

  it('refuses page sizes outside 1..5000', () => {
    expect(() => buildRegisterQuery({ pageSize: 0 })).toThrow(RangeError);
    expect(() => buildRegisterQuery({ pageSize: 5001 })).toThrow(RangeError);
    expect(buildRegisterQuery({ pageSize: 5000 }).top).toBe(5000);
  });

  it('refuses a query that would use a non-indexed column', () => {
    const parts = { ...buildRegisterQuery({}), usedColumns: [DossierColumn.Subject] };
    expect(() => assertIndexedOnly(parts)).toThrow(NonIndexedQueryError);
  });

  it('rejects an unparsable date instead of sending it', () => {
    expect(() => buildRegisterQuery({ receivedFrom: 'gisteren' })).toThrow('Not an ISO date');
  });
});
