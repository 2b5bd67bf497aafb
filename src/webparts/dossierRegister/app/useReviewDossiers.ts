import * as React from 'react';
import type { Dossier, StateId } from '../../../domain/types';
import type { RegisterService } from '../../../app/registerService';
import type { RegisterEntry } from '../../../ui/register/registerRows';
import { runAsync } from '../../../ui/shared/runAsync';

/** States of the review loop whose dossiers the dashboard's "Beoordelingsrondes" lists. */
const reviewStates: readonly StateId[] = ['underReview', 'returnedForChanges', 'deliberation'];

/**
 * The dossiers in the review loop loaded in full once the dashboard is shown (rounds and open requester
 * findings are not register columns), at most `limit`, longest in their state first, 4 at a time. A
 * dossier that cannot be read is left out and counted in `failed`.
 */
export function useReviewDossiers(active: boolean, entries: ReadonlyMap<string, RegisterEntry>, service: RegisterService, limit = 50): { readonly dossiers?: readonly Dossier[]; readonly failed: number } {
  const [state, setState] = React.useState<{ readonly dossiers?: readonly Dossier[]; readonly failed: number }>({ failed: 0 });
  const [started, setStarted] = React.useState(false);
  React.useEffect(() => {
    if (!active || started || entries.size === 0) return;
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
  }, [active, started, entries, service, limit]);
  return state;
}
