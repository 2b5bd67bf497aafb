/**
 * Public API of the data layer: ports, the SharePoint (PnPjs) and Graph adapters, provisioning and the
 * command service. Composition roots call `createSharePointDataLayer` (SPFx) or
 * `createLocalComposition` (local tenant); everything else receives the `DataLayer`.
 */
export * from './ports';
export * from './errors';
export * from './schema';
export { CommandService, mergeStream } from './commandService';
export type { CommandOutcome, CommandServiceDeps, LoadedDossier, Reaction } from './commandService';
export { DossierLookups } from './lookups';
export { createSharePointDataLayer, createLocalComposition, createLocalSp, createLocalGraphClient, LocalBearer } from './compose';
export type { DataLayer, DataLayerOptions, LocalComposition, LocalCompositionOptions, ODataFlavour } from './compose';
export { buildRegisterQuery, assertIndexedOnly, NonIndexedQueryError, REGISTER_SELECT } from './sharepoint/registerQuery';
export type { ODataQueryParts } from './sharepoint/registerQuery';
export { Provisioner, fieldSchemaXml } from './sharepoint/provisioning';
export type { ProvisioningReport } from './sharepoint/provisioning';
export type { RegisterScreen, DossierDetail } from './sharepoint/readModel';
export { GraphNotifier } from './graph/notifier';
export type { GraphApi } from './graph/notifier';
export { readGraphMe } from './graph/directory';
export type { GraphMe } from './graph/directory';
export { odataString, odataDateTime } from './odata';
export { plannedMessages, messagingReaction } from './reactions';
export { decisionMessage, approvalsDeepLink } from './decisionMessages';
export type { DecisionActivityType, DecisionMessage } from './decisionMessages';
export type { MessagingConfig, PlannedMessages } from './reactions';
export { GraphRegisterReader } from './graph/registerReader';
export { SharePointDossierStore, applyRegisterQuery, readAllPages } from './sharepoint/dossierStore';
export { SharePointEventStore } from './sharepoint/eventStore';
export { SharePointDocumentLibrary, assertValidFileName, checkStatusOf } from './sharepoint/documentLibrary';
export { SharePointDirectory, actorFromUser } from './sharepoint/directory';
export { SharePointReadModel } from './sharepoint/readModel';
export { LocalIdentityHandler } from './graph/localIdentity';
export type { LocalGraphClientOptions } from './graph/localGraphClient';
