/**
 * Public API of the data layer: ports and adapters only — the SharePoint (PnPjs) and Graph adapters,
 * provisioning and the command service. Clients are configured and adapters assembled by the composition
 * roots in `src/composition` (SPFx, Office, Node, local tenant); everything else receives what they build.
 */
export * from './ports';
export * from './errors';
export * from './schema';
export { CommandService, mergeStream } from './commandService';
export type { CommandOutcome, CommandServiceDeps, DossierCommands, LoadedDossier, Reaction, ReplayTrust } from './commandService';
export { isOwnWriter, isTrustedWriter, loginOfIdentitySet } from './writers';
export { RemoteCommandService, ServiceReactionError } from './service/remoteCommandService';
export { RemoteDocumentLibrary } from './service/remoteDocumentLibrary';
export { DossierLookups } from './lookups';
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
export { GraphDossierStore } from './graph/graphDossierStore';
export { GraphSite } from './graph/graphSite';
export { SharePointDossierStore, applyRegisterQuery, readAllPages } from './sharepoint/dossierStore';
export { SharePointEventStore } from './sharepoint/eventStore';
export { SharePointNumberIssuer } from './sharepoint/numberIssuer';
export type { NumberIssuerOptions } from './sharepoint/numberIssuer';
export { SharePointDocumentLibrary, assertValidFileName, checkStatusOf } from './sharepoint/documentLibrary';
export { SharePointDirectory, actorFromUser } from './sharepoint/directory';
export { SharePointReadModel } from './sharepoint/readModel';
export { SharePointFindingsStore, findingItemFields, findingItemOf, findingItemTitle } from './sharepoint/findingsStore';
export { findingsProjection } from './findingsProjection';
