import { decide } from '../../../src/domain/decide';
import { evolve } from '../../../src/domain/evolve';
import type { Dossier, StateHistoryEntry } from '../../../src/domain/types';
import { projectionFields, registerRowFromItem } from '../../../src/data/sharepoint/itemMapping';
import { encodeStateHistory, readStateHistory, rowStateHistory } from '../../../src/data/sharepoint/stateHistoryColumn';
import { buildRegisterQuery, REGISTER_SELECT } from '../../../src/data/sharepoint/registerQuery';
import { DossierColumn, indexedColumns, LIST_DOSSIERS, listSpec } from '../../../src/data/schema';
import { an, registerCommand } from '../support/fixtures';

const history: StateHistoryEntry[] = [
  { state: 'intake', enteredAt: '2026-01-15T09:00:00.000Z', leftAt: '2026-01-20T10:00:00.000Z' },
  { state: 'preliminary', enteredAt: '2026-01-20T10:00:00.000Z', leftAt: '2026-02-01T08:30:00.000Z' },
  { state: 'underReview', enteredAt: '2026-02-01T08:30:00.000Z', leftAt: '2026-02-10T08:30:00.000Z' },
  { state: 'deliberation', enteredAt: '2026-02-10T08:30:00.000Z' }
];

function dossierWith(stateHistory: StateHistoryEntry[]): Dossier {
  const result = decide(undefined, registerCommand('VSA-2026-0001', 'c1'), an, '2026-01-15T09:00:00.000Z');
  if (!result.ok) throw new Error('setup');
  const last = stateHistory[stateHistory.length - 1];
  return { ...evolve(undefined, result.events[0]), state: last.state, stateSince: last.enteredAt, stateHistory };
}

describe('StateHistory column', () => {
  it('is a non-indexed note column of the Dossiers list', () => {
    const column = listSpec(LIST_DOSSIERS).columns.find((c) => c.internalName === DossierColumn.StateHistory);
    expect(column).toMatchObject({ kind: 3, indexed: false });
    expect(indexedColumns(LIST_DOSSIERS).has(DossierColumn.StateHistory)).toBe(false);
  });

  it('encodes compact [state, enteredAt] pairs and reads them back with leftAt rebuilt', () => {
    const raw = encodeStateHistory(history);
    expect(JSON.parse(raw)).toEqual([
      ['intake', '2026-01-15T09:00:00.000Z'],
      ['preliminary', '2026-01-20T10:00:00.000Z'],
      ['underReview', '2026-02-01T08:30:00.000Z'],
      ['deliberation', '2026-02-10T08:30:00.000Z']
    ]);
    expect(readStateHistory(raw)).toEqual({ status: 'ok', history });
  });

  it('reports a missing value as missing', () => {
    for (const raw of [undefined, null, '', '   ']) expect(readStateHistory(raw)).toEqual({ status: 'missing' });
  });

  it('reports every malformed value as malformed, never throws', () => {
    const bad: unknown[] = [
      '{not json', '[]', '{}', '"intake"', 42, { state: 'intake' },
      '[["intake"]]', '[["nonsense","2026-01-15T09:00:00.000Z"]]', '[["intake","gisteren"]]', '[["intake",5]]',
      '[["intake","2026-01-15"]]', '[["intake","2026-02-01T00:00:00.000Z"],["preliminary","2026-01-01T00:00:00.000Z"]]',
      '[["intake","2026-01-15T09:00:00.000Z","extra"]]'
    ];
    for (const raw of bad) expect(readStateHistory(raw)).toEqual({ status: 'malformed' });
  });

  it('refuses a history that disagrees with the row it sits on', () => {
    const raw = encodeStateHistory(history);
    expect(rowStateHistory(raw, 'deliberation', '2026-02-10T08:30:00Z')).toEqual(history);
    expect(rowStateHistory(raw, 'underReview', '2026-02-10T08:30:00Z')).toBeUndefined();
    expect(rowStateHistory(raw, 'deliberation', '2026-03-01T00:00:00Z')).toBeUndefined();
    expect(rowStateHistory(raw, 'deliberation', undefined)).toEqual(history);
  });
});

describe('StateHistory in the item mapping', () => {
  it('is written on every projection write and read back onto the register row', () => {
    const fields = projectionFields({ dossier: dossierWith(history), eventCount: 4, pendingEvents: [] });
    expect(fields[DossierColumn.StateHistory]).toBe(encodeStateHistory(history));
    // SharePoint returns date-time columns without milliseconds.
    const row = registerRowFromItem({ Id: 3, ...fields, StateSince: '2026-02-10T08:30:00Z' });
    expect(row.stateHistory).toEqual(history);
    expect(row.state).toBe('deliberation');
  });

  it('leaves the history out for an item written before the column existed, or with a broken value', () => {
    const fields = projectionFields({ dossier: dossierWith(history), eventCount: 4, pendingEvents: [] });
    const { [DossierColumn.StateHistory]: _dropped, ...legacy } = fields;
    expect(_dropped).toBeDefined();
    const legacyRow = registerRowFromItem({ Id: 3, ...legacy });
    expect(legacyRow.stateHistory).toBeUndefined();
    expect('stateHistory' in legacyRow).toBe(false);
    expect(legacyRow).toMatchObject({ reference: 'VSA-2026-0001', state: 'deliberation' });
    expect(() => registerRowFromItem({ Id: 3, ...fields, StateHistory: '[["intake"' })).not.toThrow();
    expect(registerRowFromItem({ Id: 3, ...fields, StateHistory: '[["intake"' }).stateHistory).toBeUndefined();
  });

  it('is selected by the register but never filtered or sorted on', () => {
    expect(REGISTER_SELECT).toContain(DossierColumn.StateHistory);
    const parts = buildRegisterQuery({ states: ['underReview'], orderBy: 'stateSince', assigneeEmail: 'x@y' });
    expect(parts.select).toContain(DossierColumn.StateHistory);
    expect(parts.usedColumns).not.toContain(DossierColumn.StateHistory);
    expect(parts.filter ?? '').not.toContain(DossierColumn.StateHistory);
  });
});
