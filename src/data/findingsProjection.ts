/**
 * The `Bevindingen` list as a projection of the dossier's findings: after every transition (and on a
 * retry of an applied command, which repairs what a failed run left) the command service makes the
 * dossier's items match `Dossier.findings`. Idempotent; a failure is reported with the command's
 * reaction errors and never undoes the transition (the event log is the truth).
 */
import type { Reaction } from './commandService';
import type { FindingsStore } from './ports';

/** The projection step on a findings store; a dossier without findings writes nothing. */
export function findingsProjection(store: Pick<FindingsStore, 'project'>): Reaction {
  return async (_events, dossier) => {
    if (dossier.findings.length === 0) return;
    await store.project(dossier.reference, dossier.findings);
  };
}
