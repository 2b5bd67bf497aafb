import { decide } from '../../../src/domain/decide';
import { clockStatus, defaultProcedureSettings, generatedHolidayCalendar } from '../../../src/domain/clocks';
import { evolve } from '../../../src/domain/evolve';
import { stateIds } from '../../../src/domain/states';
import type { Dossier, IsoDateTime, StateHistoryEntry, StateId } from '../../../src/domain/types';
import { projectionFields, registerRowFromItem } from '../../../src/data/sharepoint/itemMapping';
import { DossierColumn } from '../../../src/data/schema';
import { deadlineOfRow, entryFromRegisterRow } from '../../../src/webparts/dossierRegister/app/registerEntries';
import { an, registerCommand } from '../../data/support/fixtures';

/** A path through review, deliberation and a second review round, so the review clock's start matters. */
const path: [StateId, IsoDateTime][] = [
  ['intake', '2026-03-01T09:00:00.000Z'],
  ['preliminary', '2026-03-05T09:00:00.000Z'],
  ['formsRequested', '2026-03-20T09:00:00.000Z'],
  ['underReview', '2026-05-01T09:00:00.000Z'],
  ['returnedForChanges', '2026-05-20T09:00:00.000Z'],
  ['underReview', '2026-09-01T09:15:30.250Z'],
  ['deliberation', '2026-09-20T14:00:00.000Z'],
  ['awaitingDecision', '2026-10-05T10:00:00.000Z']
];
const lastAt = '2026-10-20T11:00:00.000Z';

function historyEndingIn(state: StateId): StateHistoryEntry[] {
  const stays: [StateId, IsoDateTime][] = path[path.length - 1][0] === state ? path : [...path, [state, lastAt]];
  return stays.map(([s, enteredAt], index) => ({ state: s, enteredAt, ...(stays[index + 1] ? { leftAt: stays[index + 1][1] } : {}) }));
}

function dossierIn(state: StateId): Dossier {
  const result = decide(undefined, registerCommand('VSA-2026-0007', 'c1'), an, path[0][1]);
  if (!result.ok) throw new Error('setup');
  const stateHistory = historyEndingIn(state);
  const last = stateHistory[stateHistory.length - 1];
  return { ...evolve(undefined, result.events[0]), state, stateSince: last.enteredAt, stateHistory, procedure: 'standard', protocolEndDate: '2027-01-31' };
}

/** The stored item as SharePoint returns it: date-time columns to the second. */
function storedItem(dossier: Dossier): Record<string, unknown> {
  const fields = projectionFields({ dossier, eventCount: dossier.stateHistory.length, pendingEvents: [] });
  return { Id: 7, ...fields, [DossierColumn.StateSince]: `${dossier.stateSince.slice(0, 19)}Z` };
}

const overdue = (dossier: Dossier, now: IsoDateTime) => clockStatus(dossier, defaultProcedureSettings, generatedHolidayCalendar, now);

const moments: IsoDateTime[] = ['2026-09-25T00:00:00.000Z', '2026-10-01T09:15:30.000Z', '2026-10-02T12:00:00.000Z', '2026-11-25T12:00:00.000Z', '2026-12-15T00:00:00.000Z'];

describe('register row deadlines with the StateHistory column', () => {
  it.each(stateIds.map((state) => [state]))('gives the panel\'s answer in state %s at every moment', (state) => {
    const dossier = dossierIn(state);
    const row = registerRowFromItem(storedItem(dossier));
    expect(row.stateHistory).toHaveLength(dossier.stateHistory.length);
    for (const now of moments) {
      const panel = overdue(dossier, now);
      expect({ state, now, ...deadlineOfRow(row, now) }).toEqual({ state, now, ...panel });
      expect(entryFromRegisterRow(row, now).deadline).toEqual(panel);
    }
  });

  it('falls back to the current stay for an item written before the column existed', () => {
    const dossier = dossierIn('deliberation');
    const { [DossierColumn.StateHistory]: history, ...legacy } = storedItem(dossier);
    expect(history).toBeDefined();
    const row = registerRowFromItem(legacy);
    const now = '2026-10-25T12:00:00.000Z';
    // Deliberation has its own clock, restarted at each entry: the current stay is the whole story, so
    // the legacy row and the panel agree on the phase (only the VSA/requester totals differ).
    expect(deadlineOfRow(row, now).current).toEqual(overdue(dossier, now).current);
    expect(deadlineOfRow(row, now).current).toMatchObject({ phase: 'deliberation', usedDays: 3, overdue: false });
    // Review adds up over versions: the legacy row only knows the current version's 5 days, the panel
    // adds the earlier versions' 19 (1 to 20 May) and 19 (1 to 20 September).
    const underReview = dossierIn('underReview');
    const { [DossierColumn.StateHistory]: _h, ...legacyReview } = storedItem(underReview);
    expect(_h).toBeDefined();
    expect(deadlineOfRow(registerRowFromItem(legacyReview), now).current).toMatchObject({ phase: 'review', usedDays: 5, overdue: false });
    expect(overdue(underReview, now).current).toMatchObject({ phase: 'review', usedDays: 43, overdueDays: 13 });
    expect(entryFromRegisterRow(row, now).stateHistory).toBeUndefined();
  });

  it('carries the history onto the register entry for the dashboard', () => {
    const dossier = dossierIn('signed');
    const entry = entryFromRegisterRow(registerRowFromItem(storedItem(dossier)), '2026-11-25T12:00:00.000Z');
    expect(entry.stateHistory).toEqual(dossier.stateHistory);
  });
});
