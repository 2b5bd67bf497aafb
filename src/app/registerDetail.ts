/**
 * The register service's dossier-detail code, loaded with the dossier panel's chunk when a dossier is
 * first opened (`registerService.ts` imports it lazily): the scope in force, the lifecycle's dates (issue
 * 16), the form facts, the document checks and uploads. The register's first screen, the list, needs none
 * of it (bundle budget, docs/performance.md). The rules stay where they live; this module gathers them for the chunk.
 */
import { effectiveDates, lifecycleFactsOf } from '../domain/lifecycle';
import { scopeFactsOf } from '../domain/scope';
import type { Dossier } from '../domain/types';
import type { RegisterRow, StoredDocument } from '../data/ports';
import type { OpenedDossier, OpenedLifecycle } from './registerService';

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

/**
 * The dates in force (`effectiveDates`) and, for a dossier building on a protocol, that protocol's
 * revocation as the register rows hold it (the service reads it again from the log when deciding).
 */
export function lifecycleOf(dossier: Dossier, rows: readonly RegisterRow[]): OpenedLifecycle {
  const dates = effectiveDates(lifecycleFactsOf(dossier), rows);
  const parent = dossier.procedure !== 'standard' ? dossier.parentProtocolNumber : undefined;
  const revokedOn = parent ? rows.find((row) => row.protocolNumber === parent && row.reference !== dossier.reference)?.revokedOn : undefined;
  return { dates, tableFacts: parent && revokedOn ? { protocolRevocation: { protocolNumber: parent, date: revokedOn } } : {} };
}
