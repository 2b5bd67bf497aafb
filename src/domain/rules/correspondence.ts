import type { CorrespondenceKind, OutgoingMailKind } from '../types';

/** Every outgoing mail kind, in procedure order (the templates of `src/correspondence` follow this list). */
export const outgoingMailKinds: readonly OutgoingMailKind[] = [
  'requestForms',
  'returnWithComments',
  'decision',
  'requestSignatures',
  'countersignedProtocol',
  'deliveryNotice',
  'protocolEndReminder',
  'notAdmissible'
];

/** Every kind a recorded mail can have: the outgoing kinds and `incoming`. */
export const correspondenceKinds: readonly CorrespondenceKind[] = [...outgoingMailKinds, 'incoming'];

/** True for an outgoing mail kind (payloads come from JSON, so check the value). */
export function isOutgoingMailKind(value: unknown): value is OutgoingMailKind {
  return (outgoingMailKinds as readonly unknown[]).includes(value);
}
