import { replay, type Dossier, type DossierEvent, type StateId } from '../../../../src/domain';
import { actors } from '../../../domain/support/fixtures';
import { eventsIn } from '../../../domain/support/paths';

export { actors };

const dayMs = 86_400_000;

/** Events of a dossier in `state`, renamed to `reference` and moved so its last event is at `lastAt`. */
export function eventsOf(state: StateId, reference: string, lastAt: string): DossierEvent[] {
  const events = eventsIn(state);
  const shift = Date.parse(lastAt) - Date.parse(events[events.length - 1].at);
  return events.map((event) => ({
    ...event,
    id: `${reference}:${event.id}`,
    dossierReference: reference,
    at: new Date(Date.parse(event.at) + shift).toISOString()
  }));
}

/** A dossier in `state` whose current state began `daysAgo` days before `now`. */
export function dossierIn(state: StateId, reference: string, now: string, daysAgo: number): Dossier {
  return replay(eventsOf(state, reference, new Date(Date.parse(now) - daysAgo * dayMs).toISOString())) as Dossier;
}
