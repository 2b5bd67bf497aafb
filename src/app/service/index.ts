/**
 * The use cases of the trusted command service (`src/functions` hosts them on Azure Functions, the
 * local tenant in-process): commands, document uploads and the publication version, each for a caller
 * the validated access token names.
 */
import type { AccessTokenVerifier } from '../../data/auth/caller';
import type { TrustedCommandDeps } from './trustedCommands';
import type { TrustedDocumentDeps } from './trustedDocuments';
import type { TrustedPublicationDeps } from './trustedPublication';

export { actorOfCaller, memberActor } from './callerActor';
export { keepingEvidence } from './keptDocuments';
export type { ServiceLibrary } from './keptDocuments';
export { commandOfRequest, executeTrustedCommand } from './trustedCommands';
export type { ServiceAnswer, TrustedCommandDeps } from './trustedCommands';
export { documentUploadOf, registerTrustedDocument } from './trustedDocuments';
export type { DocumentUpload, TrustedDocumentDeps, UploadRequest } from './trustedDocuments';
export { createTrustedPublication, sourceFileNameOf } from './trustedPublication';
export type { TrustedPublicationDeps } from './trustedPublication';

/** Every port the three use cases need, built once per service instance by a composition root. */
export type TrustedServiceDeps = TrustedCommandDeps & TrustedDocumentDeps & TrustedPublicationDeps;

/** What the service's HTTP handlers need: the token check and the use cases' ports. */
export interface ServiceDeps {
  readonly verifier: AccessTokenVerifier;
  readonly trusted: TrustedServiceDeps;
  /** Largest upload accepted (bytes); default 100 MB. */
  readonly maxUploadBytes?: number;
}
export { DEFAULT_RETRY_AFTER_SECONDS, MAX_UPLOAD_BYTES, errorAnswer, uploadTooLarge } from './serviceErrors';
export type { ErrorAnswer } from './serviceErrors';
