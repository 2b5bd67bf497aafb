import { isDossierReference, isProtocolNumber } from '../numbering';
import { eligibilityError, isRequesterEligible } from '../rules/eligibility';
import { simplifiedConditionErrors, simplifiedReasons } from '../rules/simplified';
import { isEmailAddress, isNonBlank } from '../rules/text';
import type { DomainError } from '../types';
import { type Guard, guardError } from './context';

/** Guards of the intake commands (step 1). */

export const validCommandId: Guard = ({ command }) =>
  isNonBlank(command.commandId) ? undefined : guardError('dossier.error.commandIdRequired');

export const validReference: Guard = ({ command }) => {
  if (command.type !== 'registerRequest' || isDossierReference(command.reference)) return undefined;
  return guardError('dossier.error.invalidReference', { reference: String(command.reference) });
};

/** Institution (unless an individual, registered so the refusal is on record) and contact. */
export const requesterContact: Guard = ({ command }) => {
  if (command.type !== 'registerRequest') return undefined;
  const requester = command.requester;
  const errors: DomainError[] = [];
  if (!requester?.isIndividual && !isNonBlank(requester?.institution)) errors.push(guardError('dossier.error.missingInstitution'));
  if (!isNonBlank(requester?.contact?.name)) errors.push(guardError('dossier.error.missingContactName'));
  const email = requester?.contact?.email;
  if (!isNonBlank(email)) errors.push(guardError('dossier.error.missingContactEmail'));
  else if (!isEmailAddress(email)) errors.push(guardError('dossier.error.invalidContactEmail'));
  return errors;
};

/**
 * The optional link of a registration to an existing protocol (an extension request started from it):
 * a well-formed protocol number, known reasons, and no reasons without a protocol. Whether the protocol
 * qualifies (published or delivered) is checked by `requestForms`, which makes the procedure formal.
 */
export const registrationParentProtocol: Guard = ({ command }) => {
  if (command.type !== 'registerRequest') return undefined;
  const errors: DomainError[] = [];
  const number: unknown = command.parentProtocolNumber;
  if (number !== undefined && !isProtocolNumber(number)) errors.push(guardError('dossier.error.invalidParentProtocolNumber', { number: String(number) }));
  const reasons: unknown = command.simplifiedReasons;
  if (reasons === undefined) return errors;
  const given: unknown[] = Array.isArray(reasons) ? reasons : [reasons];
  for (const reason of given) {
    if (!(simplifiedReasons as readonly unknown[]).includes(reason)) errors.push(guardError('dossier.error.unknownSimplifiedReason', { reason: String(reason) }));
  }
  if (given.length > 0 && number === undefined) errors.push(guardError('dossier.error.parentProtocolRequired'));
  return errors;
};

export const subjectPresent: Guard = ({ command }) =>
  command.type !== 'registerRequest' || isNonBlank(command.subject) ? undefined : guardError('dossier.error.missingSubject');

export const assigneeIsStatistician: Guard = ({ command }) => {
  if (command.type !== 'assignStatistician') return undefined;
  const roles = command.assignee?.roles;
  if (Array.isArray(roles) && roles.includes('statistician') && isNonBlank(command.assignee.id)) return undefined;
  return guardError('dossier.error.assigneeNotStatistician', { name: String(command.assignee?.displayName ?? '') });
};

export const requesterEligible: Guard = ({ dossier }) => (dossier ? eligibilityError(dossier.requester) : undefined);

export const procedureChosen: Guard = ({ command }) => {
  if (command.type !== 'requestForms') return undefined;
  return command.procedure === 'standard' || command.procedure === 'simplified'
    ? undefined
    : guardError('dossier.error.procedureRequired');
};

export const simplifiedConditions: Guard = ({ command }) =>
  command.type === 'requestForms'
    ? simplifiedConditionErrors(command.procedure, command.simplifiedReasons, command.parentProtocol)
    : undefined;

/** A reason is required, except for an ineligible individual: the rule itself is the reason. */
export const notAdmissibleReason: Guard = ({ command, dossier }) => {
  if (command.type !== 'declareNotAdmissible' || isNonBlank(command.reason)) return undefined;
  if (dossier && !isRequesterEligible(dossier.requester)) return undefined;
  return guardError('dossier.error.reasonRequired');
};
