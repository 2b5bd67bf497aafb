/**
 * The command service's HTTP contract (Azure Functions, route prefix `/api`), shared by its handlers
 * (`src/functions`) and its clients (`RemoteCommandService`, `RemoteDocumentLibrary`). The service is
 * the only writer of the dossier lists and the document library: the browser, the Word add-in and the
 * Teams tab read directly and ask the service to change anything.
 *
 * Identity comes only from the bearer token (Entra ID access token for the service's API); a command
 * body carries no actor, and the number of a countersignature is given by the service.
 */
import type { DocumentSignatureReport } from '../../domain/signatures';
import type { Command } from '../../domain/commands';
import type { DocumentKind, DocumentPhase, DomainError, DomainWarning, Dossier, DossierEvent, CheckSummary } from '../../domain/types';
import type { Finding } from '../../forms/types';
import type { StoredDocument } from '../ports';

/** Paths under the service's base URL (e.g. `https://<app>.azurewebsites.net/api`). */
export const serviceRoutes = {
  /** POST `{ command }` → `CommandResponseBody` (200) or `{ ok: false, errors }` (422). */
  command: (reference: string): string => `dossiers/${encodeURIComponent(reference)}/commands`,
  /**
   * POST raw bytes (`Content-Type` of the file), query `fileName` (required), `kind` (a DocumentKind
   * or `auto`), `phase` (optional DocumentPhase) → `DocumentResponseBody`.
   */
  document: (reference: string): string => `dossiers/${encodeURIComponent(reference)}/documents`,
  /** POST `{ sourceFileName }` → `{ document: StoredDocument }`: the publication version (PDF) of a countersigned document. */
  publication: (reference: string): string => `dossiers/${encodeURIComponent(reference)}/publication`
} as const;

/** Body of a command request. `commandId` is required (idempotency); an `actor` field is ignored. */
export interface CommandRequestBody {
  readonly command: Command;
}

/** A reaction (mail, notification) that failed after the transition was stored. */
export interface ReactionFailure {
  readonly code?: string;
  readonly message: string;
}

/** Answer to a command: 200 with `ok: true`, 422 with `ok: false` (the domain's refusals). */
export type CommandResponseBody =
  | {
      readonly ok: true;
      readonly dossier: Dossier;
      readonly events: readonly DossierEvent[];
      readonly warnings: readonly DomainWarning[];
      readonly alreadyApplied: boolean;
      readonly reactionErrors: readonly ReactionFailure[];
    }
  | { readonly ok: false; readonly errors: readonly DomainError[] };

/** Answer to a document registration (200). */
export interface DocumentResponseBody {
  readonly document: StoredDocument;
  readonly kind: DocumentKind;
  readonly phase: DocumentPhase;
  readonly summary?: CheckSummary;
  readonly findings: readonly Finding[];
  /**
   * A countersigned original's signatures as the service read them from the stored bytes (present when
   * the service has a verifier): what the approvals tab shows before the countersignature.
   */
  readonly signatures?: DocumentSignatureReport;
}

/** Answer to a publication-version request (200). */
export interface PublicationResponseBody {
  readonly document: StoredDocument;
}

/**
 * Every other answer (4xx/5xx): a code the catalog translates (`data.error.*`, `app.error.*`), the
 * parameters of its text, and a technical message (English, no personal data).
 * 400 invalidInput · 401 unauthenticated · 403 accessDenied · 404 notFound · 412 conflict ·
 * 429/503 throttled/unavailable (with `Retry-After`) · 500 unavailable.
 */
export interface ServiceErrorBody {
  readonly error: {
    readonly code: string;
    readonly message: string;
    readonly params?: Readonly<Record<string, string | number>>;
  };
}
