import type { DomainError, Requester } from '../types';
import { isNonBlank } from './text';

/**
 * An individual not affiliated with a public service or institution cannot obtain microdata
 * (procedure, step 1). Everyone else is eligible as far as this rule goes.
 */
export function isRequesterEligible(requester: Requester | undefined): boolean {
  if (!requester) return false;
  return !(requester.isIndividual && !isNonBlank(requester.institution));
}

/** The eligibility refusal, or nothing. */
export function eligibilityError(requester: Requester | undefined): DomainError | undefined {
  return isRequesterEligible(requester)
    ? undefined
    : { kind: 'guard', code: 'dossier.error.requesterNotEligible' };
}
