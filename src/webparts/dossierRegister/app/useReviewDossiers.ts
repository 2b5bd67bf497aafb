import * as React from 'react';
import type { Dossier, StateId } from '../../../domain/types';
import type { RegisterService } from '../../../app/registerService';
import type { RegisterEntry } from '../../../ui/register/registerRows';
import { runAsync } from '../../../ui/shared/runAsync';

/** States of the review loop whose dossiers the dashboard's "Beoordelingsrondes" lists. */
const reviewStates: readonly StateId[] = ['underReview', 'returnedForChanges', 'deliberation'];

/** The dossiers in review loaded in full, on request. */
export interface ReviewDossiers {
  readonly dossiers?: readonly Dossier[];
  /** How many could not be read (left out). */
  readonly failed: number;
  readonly loading: boolean;
  readonly load: () => void;
}

/**
 * The dossiers in the review loop loaded in full when the user asks (rounds and open requester findings
 * are not register columns), at most `limit`, longest in their state first, 4 at a time. A dossier that
 * cannot be read is left out and counted in `failed`.
 */
export function useReviewDossiers(entries: ReadonlyMap<string, RegisterEntry>, service: RegisterService, limit = 50): ReviewDossiers {
  const [state, setState] = React.useState<{ readonly dossiers?: readonly Dossier[]; readonly failed: number }>({ failed: 0 });
  const [requested, setRequested] = React.useState(false);
  const [started, setStarted] = React.useState(false);
  React.useEffect(() => {
    if (!requested || started) return;
    setStarted(true);
    const queue = [...entries.values()]
      .filter((entry) => reviewStates.includes(entry.state))
      .sort((a, b) => (a.stateSince ?? '').localeCompare(b.stateSince ?? ''))
      .slice(0, limit)
      .map((entry) => entry.reference);
    const loaded: Dossier[] = [];
    let failed = 0;
    const worker = async (): Promise<void> => {
      for (let next = queue.shift(); next !== undefined; next = queue.shift()) {
        try {
          const dossier = await service.loadDossier(next);
          if (dossier) loaded.push(dossier);
        } catch {
          failed += 1;
        }
      }
    };
    const done = (): void => setState({ dossiers: loaded, failed });
    runAsync(Promise.all([worker(), worker(), worker(), worker()]).then(done), done);
  }, [requested, started, entries, service, limit]);
  const load = React.useCallback(() => setRequested(true), []);
  return { ...state, loading: started && !state.dossiers, load };
}
