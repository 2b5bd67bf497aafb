/**
 * The register service's dossier-detail code, loaded with the dossier panel's chunk when a dossier is
 * first opened (`registerService.ts` imports it lazily): the scope in force, the form facts, the document
 * checks and uploads. The register's first screen, the list, needs none of it (bundle budget,
 * docs/performance.md). The rules stay where they live; this module gathers them for the chunk.
 */
import { scopeFactsOf } from '../domain/scope';
import type { Dossier } from '../domain/types';
import type { StoredDocument } from '../data/ports';
import type { OpenedDossier } from './registerService';

export { scopeOfChain } from './scopeInForce';
export { uploadDocuments } from './registerUpload';
export { createDocumentChecks } from './registerChecks';
export { fallbackDocuments, inheritedRequestedData, requestedDataFromChecked } from './formFacts';

/**
 * The dossier as the document rules see it: reference, state, the documents it holds and, for a request
 * on a protocol, the scope in force its simplified form is checked against.
 */
export function dossierFacts(opened: OpenedDossier): { readonly reference: string; readonly state?: Dossier['state']; readonly documents: readonly StoredDocument[]; readonly scopeInForce?: ReturnType<typeof scopeFactsOf> } {
  const measured = opened.scope && opened.dossier && opened.dossier.reference !== opened.scope.protocolReference;
  return { reference: opened.reference, state: opened.dossier?.state, documents: opened.documents, ...(measured && opened.scope ? { scopeInForce: scopeFactsOf(opened.scope) } : {}) };
}
