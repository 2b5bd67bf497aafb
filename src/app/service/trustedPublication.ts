/**
 * The publication version (step 5) through the trusted command service: the service makes it from the
 * registered countersigned original (signature data taken out, a .docx rendered as PDF) and stores the
 * PDF with its own identity, for a caller the workflow table lets publish.
 */
import type { AuthenticatedCaller } from '../../data/auth/caller';
import type { CallerRoles } from '../../data/auth/callerRoles';
import type { DossierCommands } from '../../data/commandService';
import { DataError } from '../../data/errors';
import type { MakePublicationVersion, PdfConverter } from '../../data/mail/ports';
import type { DocumentLibrary } from '../../data/ports';
import { PublicationService } from '../../data/mail/publicationService';
import type { PublicationResponseBody } from '../../data/service/contract';
import { mayMakePublicationVersion } from '../../domain/capabilities';
import type { IsoDateTime } from '../../domain/types';
import { actorOfCaller } from './callerActor';
import { keepingEvidence, type ServiceLibrary } from './keptDocuments';

/** Ports of the publication version. */
export interface TrustedPublicationDeps {
  readonly commands: DossierCommands;
  readonly roles: CallerRoles;
  readonly documents: ServiceLibrary & Pick<DocumentLibrary, 'download'>;
  readonly converter: PdfConverter;
  /** The signature data taken out of a signed PDF or .docx (`src/signatures/publication`); absent: see `PublicationDeps`. */
  readonly makePublicationVersion?: MakePublicationVersion;
  readonly clock: () => IsoDateTime;
}

/** The source file name of a request body `{ sourceFileName }`, or a 400. */
export function sourceFileNameOf(body: unknown): string {
  const value = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as { sourceFileName?: unknown }).sourceFileName : undefined;
  if (typeof value !== 'string' || value.trim().length === 0) {
    throw new DataError('data.error.invalidInput', 'The request body must be a JSON object with a "sourceFileName" string.', 400);
  }
  return value;
}

/**
 * Creates the publication version of a signed or countersigned document for the caller: 403 unless
 * the caller holds a role that may `publish` (workflow table), 404 without the dossier, 400 when the
 * file is not a signed or countersigned document of it. The PDF is stored without overwriting evidence.
 */
export async function createTrustedPublication(
  deps: TrustedPublicationDeps,
  caller: AuthenticatedCaller,
  reference: string,
  body: unknown
): Promise<PublicationResponseBody> {
  const sourceFileName = sourceFileNameOf(body);
  const actor = await actorOfCaller(deps.roles, caller);
  const { dossier } = await deps.commands.load(reference);
  if (!mayMakePublicationVersion(actor, dossier)) {
    throw new DataError('data.error.accessDenied', 'The caller may not publish.', 403);
  }
  if (!dossier) throw new DataError('data.error.notFound', `Dossier ${reference} does not exist.`, 404);
  const library = deps.documents;
  const documents = { ...keepingEvidence(library), download: (ref: string, fileName: string, version?: string) => library.download(ref, fileName, version) };
  const publication = new PublicationService({
    commands: deps.commands, documents, converter: deps.converter, clock: deps.clock,
    ...(deps.makePublicationVersion ? { makePublicationVersion: deps.makePublicationVersion } : {})
  });
  return { document: await publication.createPublicationVersion(reference, sourceFileName) };
}
