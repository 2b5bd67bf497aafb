/** Every visible and aria text of the signatures of the signed set (documents tab). */
export interface SignaturesStrings {
  readonly title: string;
  /** `{count}`. */
  readonly summaryBlocking: string;
  /** `{count}`. */
  readonly summaryWarnings: string;
  readonly summaryOk: string;
  readonly notVerified: string;
  readonly noSignatures: string;
  readonly signer: string;
  readonly authority: string;
  readonly qualified: string;
  readonly signingTime: string;
  readonly status: string;
  readonly yes: string;
  readonly no: string;
  /** The certificate names no one. */
  readonly noName: string;
  /** `{capacity}`. */
  readonly matchAuthorised: string;
  /** `{scope}`. */
  readonly matchMandatedRegister: string;
  /** `{fileName}`. */
  readonly matchMandatedDossier: string;
  readonly matchNone: string;
  readonly statusValid: string;
  readonly statusInvalid: string;
  readonly statusIndeterminate: string;
  readonly blocking: string;
  readonly warning: string;
  /** `{who}`, `{when}`, `{reason}`. */
  readonly acceptedBy: string;
  /** The button that opens the reason box of a warning. */
  readonly accept: string;
  readonly reasonLabel: string;
  readonly reasonHelp: string;
  readonly confirmAccept: string;
  readonly cancel: string;
  readonly saving: string;
}
