import type { StateId } from '../../domain/types';
import type { FormPhase } from '../../forms/types';

/** States from which the forms on file are the signed versions (procedure steps 4–6). */
const SIGNED_PHASE_STATES: ReadonlySet<StateId> = new Set<StateId>([
  'awaitingSignatures',
  'awaitingCountersignature',
  'signed',
  'published',
  'delivered'
]);

/** The phase to check a form for: signed once the dossier is approved, draft before (or unknown). */
export function phaseForState(state: StateId | undefined): FormPhase {
  return state !== undefined && SIGNED_PHASE_STATES.has(state) ? 'signed' : 'draft';
}
