import type { CheckSummary, DocumentKind, DocumentPhase, StateId } from '../../domain/types';
import type { Finding } from '../../forms/types';

/** Result of a document's check as the library stores it. */
export type DocumentCheckStatus = 'notChecked' | 'passed' | 'warnings' | 'blocking';

/** How far the detailed findings of a document are loaded. */
export type FindingsState = 'idle' | 'loading' | 'ready' | 'error';

/** One document of the dossier as the panel shows it. */
export interface DocumentView {
  readonly id: string;
  readonly fileName: string;
  readonly kind?: DocumentKind;
  readonly phase?: DocumentPhase;
  readonly version: string;
  /** Every version label, oldest first, when loaded. */
  readonly versions?: readonly string[];
  readonly checkStatus?: DocumentCheckStatus;
  readonly summary?: CheckSummary;
  readonly findings?: readonly Finding[];
  readonly findingsState: FindingsState;
  readonly findingsError?: string;
  /** True for a Word document: it can be checked, annotated and opened in Word. */
  readonly isDocx: boolean;
  /** Where "Openen in Word" goes (Office Online or `ms-word:` URL); absent when not available. */
  readonly openInWordUrl?: string;
}

/** Progress of one file dropped on the documents section. */
export interface UploadProgress {
  /** Identifies the row while its file is checked and stored (unique per dropped file). */
  readonly key?: string;
  readonly fileName: string;
  readonly status: 'checking' | 'uploading' | 'done' | 'failed';
  readonly message?: string;
  readonly summary?: CheckSummary;
}

/** A dossier in the protocol chain. */
export interface ChainMember {
  readonly reference: string;
  readonly number?: string;
  readonly state: StateId;
}

/** The protocol chain: for a protocol its addenda, for an addendum its protocol. */
export interface ChainView {
  readonly protocolNumber: string;
  /** The dossier that produced the protocol, when it is in the register. */
  readonly protocol?: ChainMember;
  readonly addenda: readonly ChainMember[];
  /** Simplified requests on the protocol still under way. */
  readonly pending: readonly ChainMember[];
}
