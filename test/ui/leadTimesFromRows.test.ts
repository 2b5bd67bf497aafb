import { leadTimesPerStep } from '../../src/ui/dashboard/metrics';
import { leadTimeNote } from '../../src/ui/dashboard/leadTimeNote';
import { registerRowFromItem } from '../../src/data/sharepoint/itemMapping';
import { encodeStateHistory } from '../../src/data/sharepoint/stateHistoryColumn';
import { entryFromRegisterRow } from '../../src/webparts/dossierRegister/app/registerEntries';
import type { StateHistoryEntry, StateId } from '../../src/domain/types';

const now = '2026-11-25T12:00:00.000Z';
const dayMs = 24 * 60 * 60 * 1000;
const plus = (at: string, days: number): string => new Date(Date.parse(at) + days * dayMs).toISOString();

let nextId = 1;
/** A register item as stored: only the register columns and the compact history. */
function item(stays: [StateId, string][], withHistory = true): Record<string, unknown> {
  const history: StateHistoryEntry[] = stays.map(([state, enteredAt]) => ({ state, enteredAt }));
  const [state, since] = stays[stays.length - 1];
  const id = nextId++;
  return {
    Id: id, Title: `VSA-2026-${String(id).padStart(4, '0')}`, DossierState: state, StateSince: since,
    ...(withHistory ? { StateHistory: encodeStateHistory(history) } : {})
  };
}

/** intake for `intakeDays`, review for `reviewDays`, then awaiting signatures (step 4, still open). */
function dossier(start: string, intakeDays: number, reviewDays: number, withHistory = true): Record<string, unknown> {
  const reviewed = plus(start, intakeDays);
  return item([['intake', start], ['underReview', reviewed], ['awaitingSignatures', plus(reviewed, reviewDays)]], withHistory);
}

describe('lead times per step from register rows with a state history', () => {
  const items = [
    ...Array.from({ length: 10 }, (_, i) => dossier('2026-03-01T09:00:00.000Z', i + 1, 2 * (i + 1))),
    // Both steps completed 14+ months ago: outside the window.
    dossier('2025-06-01T09:00:00.000Z', 100, 10),
    // Step 1 left in August 2025 (outside), step 2 left in January 2026 (inside).
    dossier('2025-08-01T09:00:00.000Z', 10, 152),
    // Written before the column existed: no history, so not counted here.
    dossier('2026-03-01T09:00:00.000Z', 50, 50, false)
  ];
  const entries = items.map((raw) => entryFromRegisterRow(registerRowFromItem(raw), now));
  const histories = entries.flatMap((entry) => (entry.stateHistory ? [{ stateHistory: entry.stateHistory }] : []));

  it('reads a history from every row that has the column', () => {
    expect(histories).toHaveLength(12);
    expect(entries[12].stateHistory).toBeUndefined();
  });

  it('gives median and p90 per completed step over the last 12 months, older stays excluded', () => {
    const [step1, step2, step3, step4] = leadTimesPerStep(histories, now);
    // Step 1: 1..10 days (the 100- and 10-day stays ended before 25 Nov 2025).
    expect(step1).toEqual({ step: 1, count: 10, medianDays: 5.5, p90Days: expect.closeTo(9.1, 5) });
    // Step 2: 2, 4, ..., 20 and 152 days.
    expect(step2).toEqual({ step: 2, count: 11, medianDays: 12, p90Days: 20 });
    expect(step3.count).toBe(0);
    // Step 4 is still open in every dossier.
    expect(step4.count).toBe(0);
  });

  it('notes rows without a history, in Dutch and English, and nothing when every row has one', () => {
    expect(leadTimeNote({ withoutHistory: 0, loadedInFull: 0 }, 'nl')).toBeUndefined();
    expect(leadTimeNote(undefined, 'nl')).toBeUndefined();
    expect(leadTimeNote({ withoutHistory: 5, loadedInFull: 3 }, 'nl')).toBe(
      '5 dossier(s) hebben nog geen statusgeschiedenis in het register (laatst gewijzigd voor die werd bijgehouden); ' +
        '3 ervan werden volledig geladen, 2 tellen niet mee. Hun volgende stap legt ze vast.'
    );
    expect(leadTimeNote({ withoutHistory: 5, loadedInFull: 3 }, 'en')).toContain('3 of them were loaded in full, 2 are not counted');
  });
});
