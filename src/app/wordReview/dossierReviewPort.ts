/**
 * What "Koppelen aan dossier" needs from the data layer, in domain terms. The Graph-backed adapter
 * (`commandDossierReviewPort.ts`, over the command service on the Graph stores) implements it; pane tests use an in-memory fake.
 */
import type { DossierFinding, FindingStatus, NewReviewerFinding } from '../../domain/findings';
import type { CheckSummary, DocumentKind, IsoDateTime, StateId } from '../../domain/types';
import type { FormType } from '../../forms/types';

/** Custom document property holding the dossier reference, set when the file is stored in the library. */
export const DOSSIER_REFERENCE_PROPERTY = 'VsaDossierReference';

/** The dossier as the pane shows it. */
export interface DossierSummary {
  readonly reference: string;
  readonly subject: string;
  readonly state: StateId;
  /** The kinds of the documents the dossier holds (a mandate covers a delegate's signature); absent = none known. */
  readonly documents?: readonly { readonly kind: DocumentKind }[];
}

/** The result of one review in Word, recorded on the dossier as an event (actor = signed-in reviewer). */
export interface ReviewResult {
  readonly reference: string;
  readonly fileName: string;
  readonly formType: FormType | undefined;
  readonly counts: CheckSummary;
  /** Comments the reviewer placed in this session. */
  readonly commentsInserted: number;
  readonly reviewedAt: IsoDateTime;
}

/** A person's status change of one finding, made on the revision the reviewer saw. */
export interface FindingStatusChangeRequest {
  readonly findingId: string;
  readonly status: Exclude<FindingStatus, 'addressed'>;
  /** The finding's `revision` as the pane read it: a change made since is refused (`dossier.error.findingChanged`). */
  readonly expectedRevision: number;
  readonly reason?: string;
}

/** Reads a dossier and records review results on it. */
export interface DossierReviewPort {
  /** undefined when no dossier has this reference (or the user may not see it). */
  findDossier(reference: string): Promise<DossierSummary | undefined>;
  /** A summary event with counts (kept for callers outside the pane; the pane records findings). */
  recordReview(result: ReviewResult): Promise<void>;
  /** The dossier's findings (every kind, origin, audience and status); empty when the dossier is unknown. */
  findingsOf(reference: string): Promise<readonly DossierFinding[]>;
  /** Records reviewer findings (command `recordFindings`); an id the dossier already has is not added again. */
  recordFindings(reference: string, findings: readonly NewReviewerFinding[], at: IsoDateTime): Promise<void>;
  /** Changes a finding's status (command `changeFindingStatus`); a refusal is thrown with its code. */
  changeFindingStatus(reference: string, change: FindingStatusChangeRequest, at: IsoDateTime): Promise<void>;
}
