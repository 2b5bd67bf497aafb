import type { DossierEvent, StateId } from '../../../src/domain';
import { actors, cmd } from './fixtures';
import { run, type Step } from './given';

const { team, statistician, dpo, chief } = actors;

/** The standard path, step by step, with the state each step reaches. */
export const standardPath: readonly (readonly [StateId, () => Step])[] = [
  ['intake', () => [team, cmd.registerRequest()]],
  ['preliminary', () => [team, cmd.assignStatistician()]],
  ['formsRequested', () => [statistician, cmd.requestFormsStandard()]],
  ['underReview', () => [team, cmd.registerDraftDocuments()]],
  ['deliberation', () => [team, cmd.startDeliberation()]],
  ['awaitingDecision', () => [dpo, cmd.giveAdvice()]],
  ['awaitingSignatures', () => [chief, cmd.decide('approved')]],
  ['awaitingCountersignature', () => [team, cmd.registerSignedDocuments()]],
  ['signed', () => [chief, cmd.countersign()]],
  ['signed', () => [team, cmd.sendBothVersions()]],
  ['published', () => [team, cmd.publish()]],
  ['delivered', () => [team, cmd.registerDelivery()]]
];

/** Steps up to (and including) the last step in `state` on the standard path (in `signed`: the mail with both versions sent). */
function stepsTo(state: StateId): Step[] {
  const index = standardPath.map(([reached]) => reached).lastIndexOf(state);
  if (index < 0) throw new Error(`${state} is not on the standard path`);
  return standardPath.slice(0, index + 1).map(([, step]) => step());
}

/** Events of a dossier in the given state (assignee: `actors.statistician` from `preliminary` on). */
export function eventsIn(state: StateId): DossierEvent[] {
  switch (state) {
    case 'returnedForChanges':
      return run([...stepsTo('underReview'), [team, cmd.returnForChanges()]]).events;
    case 'rejected':
      return run([...stepsTo('awaitingDecision'), [chief, cmd.decide('rejected')]]).events;
    case 'notAdmissible':
      return run([...stepsTo('preliminary'), [statistician, cmd.declareNotAdmissible('Geen statistisch doel.')]]).events;
    case 'withdrawn':
      return run([...stepsTo('preliminary'), [team, cmd.withdraw()]]).events;
    case 'closed':
      return run([...stepsTo('delivered'), [team, cmd.recordReceivedMail('AAMk-vernietigd', '2026-09-01T08:00:00Z')], [team, cmd.confirmDestructionByMail('AAMk-vernietigd')]]).events;
    default:
      return run(stepsTo(state)).events;
  }
}
