/**
 * What an actor may do beyond the commands of the workflow table, derived from the same table and
 * roles so that no screen decides on its own (`actor.roles.length > 0` and the like).
 */
import { allowedCommands, meetsRole } from './permissions';
import type { Actor, Dossier } from './types';
import { workflowTable } from './workflowTable';
import { sendableMailKinds } from './rules/correspondence';

/** Adding documents to a dossier is open to every VSA role, like commenting on it. */
export function mayUploadDocuments(actor: Actor | undefined, dossier?: Dossier): boolean {
  return actor !== undefined && meetsRole('anyVsaRole', actor, dossier);
}

/**
 * The shared mailbox (intake of requests, correspondence sent from it) belongs to whoever may register
 * a request: the mailbox is where requests arrive.
 */
export function mayUseSharedMailbox(actor: Actor | undefined): boolean {
  return actor !== undefined && allowedCommands(undefined, actor).includes('registerRequest');
}

/**
 * Composing and sending mails from the shared mailbox for a dossier: the DPO team (every kind), and
 * the dossier's assigned statistician for the step-1 mails (`mailSenders`); the intake view stays the
 * DPO team's (`mayUseSharedMailbox`).
 */
export function maySendDossierMail(actor: Actor | undefined, dossier: Dossier | undefined): boolean {
  return sendableMailKinds(actor, dossier).length > 0;
}

/**
 * The survey codebooks (reference data behind the variable check) are maintained by the DPO team and
 * the statisticians: the people who judge whether requested variables exist and are necessary.
 */
export function mayMaintainCodebooks(actor: Actor | undefined): boolean {
  return actor !== undefined && actor.roles.some((role) => role === 'dpoTeam' || role === 'statistician');
}

/**
 * The institution register (who may sign for an institution, its mandates and DPO) is maintained by the
 * DPO team: they judge eligibility in step 1 and receive the signed documents in step 4.
 */
export function mayMaintainInstitutions(actor: Pick<Actor, 'roles'> | undefined): boolean {
  return actor !== undefined && actor.roles.includes('dpoTeam');
}

/**
 * Notes for the DPO (`addComment` with `restriction: 'dpo'`) are written and read by the DPO and the
 * Chief Statistician only; the list that holds their text refuses everyone else.
 */
export function mayReadRestrictedNotes(actor: Pick<Actor, 'roles'> | undefined): boolean {
  return actor !== undefined && actor.roles.some((role) => role === 'dpo' || role === 'chiefStatistician');
}

/**
 * Making a dossier's publication version belongs to whoever may publish it: the role half of the
 * table's `publish` row (the state is checked when the version is registered).
 */
export function mayMakePublicationVersion(actor: Actor | undefined, dossier?: Dossier): boolean {
  return actor !== undefined && workflowTable.publish.roles.some((requirement) => meetsRole(requirement, actor, dossier));
}
