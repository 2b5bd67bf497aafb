import { meetsRole } from '../permissions';
import type { Actor, CorrespondenceKind, Dossier, OutgoingMailKind, RoleRequirement } from '../types';

/** Every outgoing mail kind, in procedure order (the templates of `src/correspondence` follow this list). */
export const outgoingMailKinds: readonly OutgoingMailKind[] = [
  'requestForms',
  'returnWithComments',
  'decision',
  'requestSignatures',
  'countersignedProtocol',
  'deliveryNotice',
  'protocolEndReminder',
  'notAdmissible',
  // Issue 16: the scheduled job's requester drafts, previewed and sent from the register.
  'requesterReminder',
  'destructionRequest'
];

/** Every kind a recorded mail can have: the outgoing kinds and `incoming`. */
export const correspondenceKinds: readonly CorrespondenceKind[] = [...outgoingMailKinds, 'incoming'];

/** True for an outgoing mail kind (payloads come from JSON, so check the value). */
export function isOutgoingMailKind(value: unknown): value is OutgoingMailKind {
  return (outgoingMailKinds as readonly unknown[]).includes(value);
}

/**
 * Who sends each outgoing mail from the shared mailbox (and records it): the DPO team, and for the
 * step-1 mails (asking for the forms, explaining that a request is not admissible) also the assigned
 * statistician, because the procedure has the statistician contact the requester. Another statistician
 * sends none of them. Incoming mail is linked by any VSA role (the table's `recordCorrespondence` row).
 */
export const mailSenders: Readonly<Record<OutgoingMailKind, readonly RoleRequirement[]>> = {
  requestForms: ['dpoTeam', 'assignedStatistician'],
  notAdmissible: ['dpoTeam', 'assignedStatistician'],
  returnWithComments: ['dpoTeam'],
  decision: ['dpoTeam'],
  requestSignatures: ['dpoTeam'],
  countersignedProtocol: ['dpoTeam'],
  deliveryNotice: ['dpoTeam'],
  protocolEndReminder: ['dpoTeam'],
  // Issue 16: the job's requester drafts go to the dossier's assignee (the DPO team when none), who sends them.
  requesterReminder: ['dpoTeam', 'assignedStatistician'],
  destructionRequest: ['dpoTeam', 'assignedStatistician']
};

/** May `actor` send (and record) a mail of this kind for this dossier? */
export function maySendMail(kind: OutgoingMailKind, actor: Actor | undefined, dossier: Dossier | undefined): boolean {
  return actor !== undefined && mailSenders[kind].some((requirement) => meetsRole(requirement, actor, dossier));
}

/** The mail kinds `actor` may send for this dossier, in procedure order. */
export function sendableMailKinds(actor: Actor | undefined, dossier: Dossier | undefined): OutgoingMailKind[] {
  return outgoingMailKinds.filter((kind) => maySendMail(kind, actor, dossier));
}
