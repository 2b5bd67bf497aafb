import * as React from 'react';
import type { Actor, Dossier } from '../../../domain/types';
import type { RequesterDraftService, RequesterDraftsLoader, WaitingDraft } from '../../../app/requesterDrafts';
import { runAsync } from '../../../ui/shared/runAsync';

/** What the register knows of the scheduled job's requester drafts (issue 16). */
export interface RequesterDraftsState {
  readonly service?: RequesterDraftService;
  /** The open dossier's waiting drafts (empty for who may not handle them). */
  readonly waiting: readonly WaitingDraft[];
  /** Waiting drafts per dossier (the DPO team's filter); empty for everyone else. */
  readonly counts: ReadonlyMap<string, number>;
  readonly reload: () => void;
}

const none: ReadonlyMap<string, number> = new Map();

/**
 * Loads the drafts service (its own chunk) when someone may see drafts: the DPO team (the register's
 * filter) or whoever handles the open dossier's drafts (`mayHandle`); a failure is shown, not dropped.
 */
export function useRequesterDrafts(loader: RequesterDraftsLoader | undefined, actor: Actor | undefined, dpoTeam: boolean, dossier: Dossier | undefined, mayHandle: boolean, showFailure: (error: unknown) => void): RequesterDraftsState {
  const [service, setService] = React.useState<RequesterDraftService | undefined>(undefined);
  const [waiting, setWaiting] = React.useState<readonly WaitingDraft[]>([]);
  const [counts, setCounts] = React.useState<ReadonlyMap<string, number>>(none);
  const [round, setRound] = React.useState(0);
  // The caller's failure handler may change every render; the effects follow the data, not the handler.
  const failed = React.useRef(showFailure);
  failed.current = showFailure;
  const fail = React.useCallback((error: unknown) => failed.current(error), []);
  const wanted = !!loader && (dpoTeam || (mayHandle && dossier !== undefined));
  React.useEffect(() => {
    setService(undefined);
  }, [loader]);
  React.useEffect(() => {
    if (!wanted || !loader || service) return;
    runAsync(loader().then(setService), fail);
  }, [wanted, loader, service, fail]);
  React.useEffect(() => {
    setCounts(none);
    if (!service || !dpoTeam) return;
    let current = true;
    runAsync(service.waitingCounts(actor).then((found) => current && setCounts(found)), fail);
    return () => {
      current = false;
    };
  }, [service, actor, dpoTeam, round, fail]);
  React.useEffect(() => {
    setWaiting([]);
    if (!service || !dossier || !mayHandle) return;
    let current = true;
    runAsync(service.waitingFor(dossier, actor).then((found) => current && setWaiting(found)), fail);
    return () => {
      current = false;
    };
  }, [service, dossier, actor, mayHandle, round, fail]);
  const reload = React.useCallback(() => setRound((value) => value + 1), []);
  return { service, waiting, counts, reload };
}
