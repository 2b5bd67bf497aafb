/**
 * The narrow ports the register service reads and writes through. The SharePoint data layer
 * (`createSharePointDataLayer`) satisfies them; tests pass in-memory fakes.
 */
import type { Actor, Dossier, IsoDateTime, ParentProtocolRef, RoleId } from '../domain/types';
import type { DossierCommands, LoadedDossier } from '../data/commandService';
import type { DocumentMetadata, RegisterPage, RegisterQuery, RegisterRow, StoredDocument } from '../data/ports';

/** The first screen of the register: who is signed in and the first page. */
export interface RegisterScreenPort {
  readonly actor: Actor;
  readonly page: RegisterPage;
}

/** Screens that read several things at once. */
export interface RegisterReadModelPort {
  loadRegisterScreen(query: RegisterQuery): Promise<RegisterScreenPort>;
  loadDossierDetail(reference: string): Promise<LoadedDossier & { readonly documents: readonly StoredDocument[] }>;
}

/** The register list's pages and protocol rows. */
export interface RegisterRowsPort {
  readRegisterPage(query: RegisterQuery, cursor?: string): Promise<RegisterPage>;
  rowsByProtocolNumber(protocolNumber: string): Promise<RegisterRow[]>;
}

/** The dossier documents the register reads and stores. */
export interface RegisterDocumentsPort {
  ensureFolder(reference: string): Promise<void>;
  upload(reference: string, fileName: string, content: Uint8Array, metadata: DocumentMetadata): Promise<StoredDocument>;
  download(reference: string, fileName: string, versionLabel?: string): Promise<Uint8Array>;
  versions(reference: string, fileName: string): Promise<string[]>;
}

/** Group members (statisticians to assign). */
export interface RegisterDirectoryPort {
  membersOf(role: RoleId): Promise<Actor[]>;
}

/** Numbers and the parent protocol, looked up before a command. */
export interface RegisterLookupsPort {
  nextReference(year: number): Promise<string>;
  nextNumberFor(dossier: Dossier, year: number): Promise<string>;
  parentProtocol(protocolNumber: string): Promise<ParentProtocolRef | undefined>;
}

/** The command service (`DossierCommands`): load a dossier directly, ask for a command. */
export type RegisterCommandsPort = DossierCommands;

/** Everything the register service needs from the data layer. */
export interface RegisterPorts {
  readonly readModel: RegisterReadModelPort;
  readonly dossiers: RegisterRowsPort;
  readonly documents: RegisterDocumentsPort;
  readonly directory: RegisterDirectoryPort;
  readonly lookups: RegisterLookupsPort;
  readonly commands: RegisterCommandsPort;
}

/** The mail features' part the register service drives (composed lazily by the host). */
export interface RegisterMailPort {
  readonly publication: { createPublicationVersion(reference: string, sourceFileName: string): Promise<StoredDocument> };
  startExtension(protocolReference: string, actor: Actor, clickId: string, now: IsoDateTime): Promise<{ readonly reference: string }>;
}
