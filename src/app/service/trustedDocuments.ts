/**
 * A document upload through the trusted command service: the service checks who uploads, that the
 * dossier exists, reads and checks the file itself in the dossier's own state (a client's check is
 * never trusted) and stores it without overwriting evidence (`keptFileName`).
 */
import type { AuthenticatedCaller } from '../../data/auth/caller';
import type { CallerRoles } from '../../data/auth/callerRoles';
import type { DossierCommands } from '../../data/commandService';
import { DataError } from '../../data/errors';
import type { DocumentResponseBody } from '../../data/service/contract';
import { mayUploadDocuments } from '../../domain/capabilities';
import { isDocumentKind, isDocumentPhase, isValidDocumentFileName } from '../../domain/documentRules';
import type { DocumentKind, DocumentPhase, IsoDate } from '../../domain/types';
import { checkAndRegisterDocument } from '../checkAndRegisterDocument';
import type { RegisterRow } from '../../data/ports';
import { scopeFactsForChecks } from '../scopeInForce';
import type { CodebookLoader, FormsEngineLoader } from '../formsEngine';
import { actorOfCaller } from './callerActor';
import type { SignatureVerifier } from '../signatureVerification';
import { keepingEvidence, storedDocumentsIn, type ServiceLibrary } from './keptDocuments';

/** Ports of a trusted upload. */
export interface TrustedDocumentDeps {
  readonly commands: Pick<DossierCommands, 'load'>;
  readonly roles: CallerRoles;
  readonly documents: ServiceLibrary;
  readonly loadFormsEngine: FormsEngineLoader;
  /** The server's today (ISO date) for the checks. */
  readonly today: () => IsoDate;
  /** The survey codebooks the checks use (absent: checked as without codebooks). */
  readonly codebooks?: CodebookLoader;
  /** The register rows of a protocol's chain, for a simplified request's scope in force (absent: checked without it). */
  readonly protocolRows?: (protocolNumber: string) => Promise<readonly RegisterRow[]>;
  /** Reads a countersigned original's signatures for the answer (absent: the answer carries no report). */
  readonly signatures?: SignatureVerifier;
  /** The verifier of countersigned originals when it is not `signatures` (see `ServerDocumentDeps`). */
  readonly countersignatures?: SignatureVerifier;
}

/** The raw parts of an upload request (query parameters and body). */
export interface UploadRequest {
  // `null` as `URLSearchParams.get` and `Headers.get` answer for an absent parameter or header.
  /* eslint-disable @rushstack/no-new-null */
  readonly fileName?: string | null;
  readonly kind?: string | null;
  readonly phase?: string | null;
  readonly contentType?: string | null;
  /* eslint-enable @rushstack/no-new-null */
  readonly bytes: Uint8Array;
}

/** A checked upload. */
export interface DocumentUpload {
  readonly fileName: string;
  readonly kind: DocumentKind | 'auto';
  readonly phase?: DocumentPhase;
  readonly contentType?: string;
  readonly bytes: Uint8Array;
}

const invalid = (message: string): DataError => new DataError('data.error.invalidInput', message, 400);

/** The upload of a request, or a `data.error.invalidInput` (400) naming what is wrong (never the content). */
export function documentUploadOf(request: UploadRequest): DocumentUpload {
  const fileName = (request.fileName ?? '').trim();
  if (fileName.length === 0) throw invalid('The query parameter "fileName" is required.');
  if (!isValidDocumentFileName(fileName)) {
    throw invalid('The file name is not allowed in the document library.');
  }
  const kind = request.kind ?? 'auto';
  if (kind !== 'auto' && !isDocumentKind(kind)) throw invalid(`Unknown document kind "${kind.slice(0, 40)}".`);
  const phase = request.phase ?? undefined;
  if (phase !== undefined && phase !== '' && !isDocumentPhase(phase)) throw invalid(`Unknown document phase "${phase.slice(0, 40)}".`);
  return {
    fileName,
    kind: kind as DocumentKind | 'auto',
    ...(phase ? { phase: phase as DocumentPhase } : {}),
    // The content type only speaks for a name without extension: `tool.exe` sent as application/pdf stays refused.
    ...(request.contentType && !/\.[^.]+$/.test(fileName) ? { contentType: request.contentType.split(';')[0].trim() } : {}),
    bytes: request.bytes
  };
}

/**
 * Registers an uploaded document for the caller: 403 unless the domain lets the caller upload to
 * the dossier, 404 when the dossier does not exist, then the one `checkAndRegisterDocument` with the
 * dossier's stored state and documents, on a library that keeps evidence.
 */
export async function registerTrustedDocument(
  deps: TrustedDocumentDeps,
  caller: AuthenticatedCaller,
  reference: string,
  upload: DocumentUpload
): Promise<DocumentResponseBody> {
  const actor = await actorOfCaller(deps.roles, caller);
  if (!mayUploadDocuments(actor)) throw new DataError('data.error.accessDenied', 'The caller may not upload documents.', 403);
  const { dossier } = await deps.commands.load(reference);
  if (!dossier) throw new DataError('data.error.notFound', `Dossier ${reference} does not exist.`, 404);
  if (!mayUploadDocuments(actor, dossier)) throw new DataError('data.error.accessDenied', `The caller may not upload documents to ${reference}.`, 403);
  const stored = await storedDocumentsIn(deps.documents, reference);
  // A simplified request's form is measured against its protocol's scope in force, as the register does.
  const scopeInForce = deps.protocolRows
    ? await scopeFactsForChecks(dossier, { rowsByProtocolNumber: deps.protocolRows, loadDossier: async (other) => (await deps.commands.load(other)).dossier })
    : undefined;
  const registered = await checkAndRegisterDocument(
    { documents: keepingEvidence(deps.documents, stored), loadFormsEngine: deps.loadFormsEngine, today: deps.today, codebooks: deps.codebooks },
    { reference, state: dossier.state, documents: [...dossier.documents, ...stored], ...(scopeInForce ? { scopeInForce } : {}) },
    { fileName: upload.fileName, bytes: upload.bytes, kind: upload.kind, phase: upload.phase, contentType: upload.contentType }
  );
  // A countersigned original's report, from the bytes just stored: shown before the countersignature (the
  // command computes it again from the stored file, the one that counts).
  const verifier = deps.countersignatures ?? deps.signatures;
  const signatures = registered.phase === 'countersigned' && verifier ? await verifier.verify(upload.bytes, registered.document.fileName) : undefined;
  return {
    document: registered.document,
    kind: registered.kind,
    phase: registered.phase,
    ...(registered.summary ? { summary: registered.summary } : {}),
    findings: registered.findings,
    ...(signatures ? { signatures } : {})
  };
}
