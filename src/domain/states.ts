import type { Lang, StateId, StepNumber } from './types';

/** One row of the states table (workflow.md § States). */
export interface StateDefinition {
  readonly id: StateId;
  readonly label: Readonly<Record<Lang, string>>;
  /** First and last procedure step; absent for final states. */
  readonly steps?: readonly [StepNumber, StepNumber];
  readonly final: boolean;
}

/** The states as data, in procedure order. Dutch labels exactly as in workflow.md. */
export const stateDefinitions: readonly StateDefinition[] = [
  { id: 'intake', label: { nl: 'Ontvangen', en: 'Received' }, steps: [1, 1], final: false },
  { id: 'preliminary', label: { nl: 'Vooronderzoek statisticus', en: 'Preliminary review by statistician' }, steps: [1, 1], final: false },
  { id: 'formsRequested', label: { nl: 'Formulieren opgevraagd', en: 'Forms requested' }, steps: [1, 1], final: false },
  { id: 'underReview', label: { nl: 'In beoordeling', en: 'Under review' }, steps: [2, 3], final: false },
  { id: 'returnedForChanges', label: { nl: 'Teruggestuurd met opmerkingen', en: 'Returned with comments' }, steps: [3, 3], final: false },
  { id: 'deliberation', label: { nl: 'In beraad DPO-team', en: 'Deliberation by the DPO team' }, steps: [3, 3], final: false },
  { id: 'awaitingDecision', label: { nl: 'Advies DPO – beslissing Hoofdstatisticus', en: 'DPO advice – awaiting decision of the Chief Statistician' }, steps: [3, 3], final: false },
  { id: 'awaitingSignatures', label: { nl: 'Goedgekeurd – wacht op handtekeningen', en: 'Approved – awaiting signatures' }, steps: [4, 5], final: false },
  { id: 'awaitingCountersignature', label: { nl: 'Wacht op ondertekening Hoofdstatisticus', en: 'Awaiting countersignature of the Chief Statistician' }, steps: [5, 5], final: false },
  { id: 'signed', label: { nl: 'Ondertekend – te publiceren', en: 'Signed – to be published' }, steps: [5, 5], final: false },
  { id: 'published', label: { nl: 'Gepubliceerd – wacht op levering', en: 'Published – awaiting delivery' }, steps: [5, 6], final: false },
  { id: 'delivered', label: { nl: 'Gegevens geleverd', en: 'Data delivered' }, steps: [6, 6], final: false },
  { id: 'rejected', label: { nl: 'Geweigerd', en: 'Rejected' }, final: true },
  { id: 'notAdmissible', label: { nl: 'Niet ontvankelijk', en: 'Not admissible' }, final: true },
  { id: 'withdrawn', label: { nl: 'Ingetrokken', en: 'Withdrawn' }, final: true },
  // Lifecycle (issue 16): reached only by confirming the destruction of the delivered data.
  { id: 'closed', label: { nl: 'Afgesloten', en: 'Closed' }, final: true }
];

/** Every state id, in procedure order. */
export const stateIds: readonly StateId[] = stateDefinitions.map((definition) => definition.id);

const byId: ReadonlyMap<StateId, StateDefinition> = new Map(stateDefinitions.map((d) => [d.id, d]));

/** The definition of a state; throws on an id outside the table (a programming error). */
export function stateDefinition(state: StateId): StateDefinition {
  const definition = byId.get(state);
  if (!definition) throw new Error(`Unknown dossier state "${String(state)}"`);
  return definition;
}

/** True for `rejected`, `notAdmissible`, `withdrawn`, `closed`. */
export function isFinalState(state: StateId): boolean {
  return stateDefinition(state).final;
}

/** True when `value` is one of the state ids (for data read from storage). */
export function isStateId(value: unknown): value is StateId {
  return typeof value === 'string' && byId.has(value as StateId);
}

/** Every state the table does not mark final (`delivered` included, as in workflow.md). */
export const nonFinalStates: readonly StateId[] = stateIds.filter((s) => !isFinalState(s));
