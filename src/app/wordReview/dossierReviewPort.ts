/**
 * What "Koppelen aan dossier" needs from the data layer, in domain terms. The Graph-backed adapter
 * (`commandDossierReviewPort.ts`, over the command service on the Graph stores) implements it; pane tests use an in-memory fake.
 */
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

/** Reads a dossier and records review results on it. */
export interface DossierReviewPort {
  /** undefined when no dossier has this reference (or the user may not see it). */
  findDossier(reference: string): Promise<DossierSummary | undefined>;
  recordReview(result: ReviewResult): Promise<void>;
}
