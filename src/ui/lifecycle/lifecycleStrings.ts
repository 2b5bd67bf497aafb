/**
 * The strings of the life after delivery (issue 16): the delivery dialog, the revocation and destruction
 * dialogs, the panel's "Levering en bewaring" section and the register's revoked badge. Placeholders
 * `{name}` are filled by `formatText`. The web part's `loc/*.js` holds them under `ui.lifecycle`.
 */
export interface LifecycleStrings {
  /** Document phase of the destruction statement. */
  readonly phaseCloseOut: string;
  /** Timeline: destruction confirmed by a recorded mail (placeholder messageId). */
  readonly destructionByMail: string;
  /** "Ingetrokken op {date}": timeline, panel, register badge. */
  readonly revokedOn: string;
  /** The register's badge title when the protocol it builds on was revoked (placeholders number, date). */
  readonly parentRevoked: string;
  /** "Bewaren tot {date}". */
  readonly retentionEndLine: string;
  // Panel section
  readonly sectionHeading: string;
  readonly deliveredOn: string;
  readonly dataset: string;
  readonly waves: string;
  readonly variables: string;
  readonly channel: string;
  readonly files: string;
  readonly recipients: string;
  readonly noRecipients: string;
  readonly protocolEnd: string;
  readonly retentionEnd: string;
  readonly unknown: string;
  /** After the effective protocol end or retention end: the addenda that moved it (placeholder numbers). */
  readonly movedBy: string;
  readonly followUpFrom: string;
  readonly followUpDue: string;
  readonly destructionConfirmed: string;
  readonly revocationHeading: string;
  readonly revocationReason: string;
  // Delivery dialog
  readonly deliveryDialogTitle: string;
  readonly inputDeliveredOn: string;
  readonly inputDataset: string;
  readonly inputWaves: string;
  readonly noWavesRequested: string;
  readonly inputVariables: string;
  readonly inputChannel: string;
  readonly inputFiles: string;
  readonly inputFilesHelp: string;
  readonly computingChecksums: string;
  readonly inputChecksums: string;
  readonly inputChecksumsHelp: string;
  /** A pasted line that is not "file name, 64 hex" (placeholder line). */
  readonly checksumLineInvalid: string;
  readonly checksumUnavailable: string;
  readonly removeFile: string;
  // Revocation and destruction dialogs
  readonly inputRevocationDate: string;
  readonly inputRevocationReason: string;
  readonly inputDestructionStatement: string;
  readonly inputDestructionMail: string;
  readonly noReceivedMails: string;
}
