/**
 * The data layer of the browser hosts that reach the command service (the register web part): the
 * SharePoint reads every PnPjs host shares (`sharePointReads`, also the base of `createSharePointDataLayer`
 * in `dataLayer.ts`), with every change asked of the service (`RemoteCommandService`,
 * `RemoteDocumentLibrary`).
 *
 * It constructs none of the trusted writer's parts: no `CommandService` (and so no `decide` and its
 * guards), no reactions, no findings projection. The provisioning and the notes for the DPO load on
 * first use in chunks of their own: a site owner provisions once, only the DPO and the Chief
 * Statistician read the notes. That keeps the register's first load within its budget (docs/performance.md).
 */
import type { SPFI } from '@pnp/sp';
import type { IsoDateTime } from '../domain/types';
import { CodebookLibrary } from '../app/codebooks';
import type { InstitutionRegisterPort } from '../app/institutions';
import type { ProcedureSettingsReader } from '../data/ports';
import type { DossierCommands } from '../data/commandService';
import type { DossierLookups } from '../data/lookups';
import type { DocumentLibrary, RestrictedNoteStore } from '../data/ports';
import { RemoteCommandService } from '../data/service/remoteCommandService';
import { RemoteDocumentLibrary } from '../data/service/remoteDocumentLibrary';
import type { ServiceHttp } from '../data/service/serviceHttp';
import { SharePointCodebookStore } from '../data/sharepoint/codebookStore';
import { SharePointDirectory } from '../data/sharepoint/directory';
import { SharePointDocumentLibrary } from '../data/sharepoint/documentLibrary';
import { SharePointDossierStore } from '../data/sharepoint/dossierStore';
import type { ProvisioningReport } from '../data/sharepoint/provisioning';
import { SharePointReadModel } from '../data/sharepoint/readModel';

/** Options of the reads every PnPjs host shares. */
export interface SharePointReadsOptions {
  /** e.g. `/sites/microdata`; read from the web on first use when absent. */
  readonly webServerRelativeUrl?: string;
  readonly clock?: () => IsoDateTime;
  /**
   * Logins of the writers replay trusts (the command service's app principal); when given, forged
   * events and hand-edited pending events are refused or ignored (`ReplayTrust` in mergeStream.ts).
   */
  readonly trustedWriters?: readonly string[];
}

/** The SharePoint adapters every PnPjs host reads with (direct, one `$batch` per screen). */
export interface SharePointReads {
  readonly sp: SPFI;
  readonly dossiers: SharePointDossierStore;
  /** The library read directly (whoever writes it). */
  readonly library: SharePointDocumentLibrary;
  readonly directory: SharePointDirectory;
  readonly readModel: SharePointReadModel;
  /** Numbers, the parent protocol and an institution's addresses, looked up before a command (first use). */
  readonly lookups: ClientLookups;
  /**
   * The survey codebooks, cached per wave and import: the checks read them, the register's
   * "Codeboeken" view imports and searches them (written directly: reference data, not dossier events).
   */
  readonly codebooks: CodebookLibrary;
  /**
   * The institution register (`Instellingen`), loaded on first use (chunk `vsa-institutions`): step 1
   * flags institutions outside it, the "Instellingen" view maintains it (written directly by the DPO team).
   */
  readonly institutions: InstitutionRegisterPort;
  /** The procedure's time settings (`Instellingen van de procedure`), read with the user's identity (issue 16). */
  readonly procedureSettings: ProcedureSettingsReader;
}

/**
 * The institution register loaded on first use (its rules, adapter and cache are their own chunk, out of
 * the register web part's first load). A failed load is not kept: the next call tries again.
 */
export function lazyInstitutionRegister(load: () => Promise<InstitutionRegisterPort>): InstitutionRegisterPort {
  let loading: Promise<InstitutionRegisterPort> | undefined;
  const directory = (): Promise<InstitutionRegisterPort> => {
    if (!loading) {
      const started = load();
      loading = started;
      started.catch(() => {
        if (loading === started) loading = undefined;
      });
    }
    return loading;
  };
  return {
    list: async () => (await directory()).list(),
    save: async (institution) => (await directory()).save(institution),
    history: async (id) => (await directory()).history(id),
    find: async (name, enterpriseNumber) => (await directory()).find(name, enterpriseNumber),
    eligibilityOf: async (requester) => (await directory()).eligibilityOf(requester),
    noticeFor: async (dossier) => (await directory()).noticeFor(dossier),
    noticeForRequester: async (requester) => (await directory()).noticeForRequester(requester)
  };
}

/** What the register looks up before a command; the trusted writer's `decideFacts` is not part of it. */
export type ClientLookups = Pick<DossierLookups, 'nextReference' | 'nextNumberFor' | 'parentProtocol' | 'institutionAddresses'>;

/**
 * The lookups loaded on first use (`DossierLookups`, the numbering and sender rules are a chunk of their
 * own, out of the register web part's first load: a number is looked up when a dialog opens). A failed
 * load is not kept: the next call tries again.
 */
export function lazyLookups(load: () => Promise<ClientLookups>): ClientLookups {
  let loading: Promise<ClientLookups> | undefined;
  const lookups = (): Promise<ClientLookups> => {
    if (!loading) {
      const started = load();
      loading = started;
      started.catch(() => {
        if (loading === started) loading = undefined;
      });
    }
    return loading;
  };
  return {
    nextReference: async (year) => (await lookups()).nextReference(year),
    nextNumberFor: async (dossier, year) => (await lookups()).nextNumberFor(dossier, year),
    parentProtocol: async (protocolNumber) => (await lookups()).parentProtocol(protocolNumber),
    institutionAddresses: async (dossier) => (await lookups()).institutionAddresses(dossier)
  };
}

/** The reads on a configured PnPjs root. */
export function sharePointReads(sp: SPFI, options: SharePointReadsOptions = {}): SharePointReads {
  const dossiers = new SharePointDossierStore(sp);
  const library = new SharePointDocumentLibrary(sp, options.webServerRelativeUrl);
  const directory = new SharePointDirectory(sp);
  return {
    sp,
    dossiers,
    library,
    directory,
    // The read model reads the library directly (one `$batch` per screen), whoever writes it.
    readModel: new SharePointReadModel(sp, dossiers, directory, library, { trustedWriters: options.trustedWriters }),
    lookups: lazyLookups(() => import(/* webpackChunkName: 'register-lookups' */ '../data/lookups').then((module) => new module.DossierLookups(dossiers))),
    codebooks: new CodebookLibrary(new SharePointCodebookStore(sp, { webServerRelativeUrl: options.webServerRelativeUrl, clock: options.clock })),
    institutions: lazyInstitutionRegister(() => import(/* webpackChunkName: 'vsa-institutions' */ './institutionsChunk').then((chunk) => chunk.createInstitutionRegister(sp))),
    // The reader and its item mapping load on first use (the register reads the settings once, at start).
    procedureSettings: {
      readRows: async () => {
        const { SharePointProcedureSettingsReader } = await import(/* webpackChunkName: 'register-settings' */ '../data/sharepoint/procedureSettingsReader');
        return new SharePointProcedureSettingsReader(sp).readRows();
      }
    }
  };
}

/** The changes of a host that asks the command service: commands and uploads over its HTTP API. */
export function serviceWrites(
  reads: Pick<SharePointReads, 'dossiers' | 'library'>,
  service: ServiceHttp,
  trustedWriters?: readonly string[]
): { readonly commands: RemoteCommandService; readonly documents: RemoteDocumentLibrary } {
  return {
    commands: new RemoteCommandService({ dossiers: reads.dossiers, http: service, trustedWriters }),
    documents: new RemoteDocumentLibrary({ direct: reads.library, http: service })
  };
}

/** Options of the client data layer. */
export interface ClientDataLayerOptions extends SharePointReadsOptions {
  /** The command service, reached as the signed-in user: every change goes there. */
  readonly service: ServiceHttp;
}

/** What the register web part reads and asks with (a `DataLayer` without the trusted writer's parts). */
export interface ClientDataLayer {
  readonly sp: SPFI;
  readonly dossiers: SharePointDossierStore;
  /** Through the command service (its writes); reads stay direct. */
  readonly documents: DocumentLibrary;
  readonly directory: SharePointDirectory;
  readonly readModel: SharePointReadModel;
  readonly lookups: ClientLookups;
  /** The `RemoteCommandService`. */
  readonly commands: DossierCommands;
  /** The service's document writes (it also makes publication versions). */
  readonly remoteDocuments: RemoteDocumentLibrary;
  readonly codebooks: CodebookLibrary;
  readonly institutions: InstitutionRegisterPort;
  readonly procedureSettings: ProcedureSettingsReader;
  /**
   * The texts of the notes for the DPO (`Notities DPO`), read with the user's identity: the DPO and the
   * Chief Statistician read them; SharePoint refuses everyone else. The store loads on first read.
   */
  readonly restrictedNotes: Pick<RestrictedNoteStore, 'notesOf'>;
  /** The property pane's provisioning for a site owner; `Provisioner` and the list schema load on first use. */
  readonly provisioner: { ensureAll(): Promise<ProvisioningReport> };
}

/** The client data layer on a configured PnPjs root (`spfxRegister.ts`). */
export function createClientDataLayer(sp: SPFI, options: ClientDataLayerOptions): ClientDataLayer {
  const reads = sharePointReads(sp, options);
  const writes = serviceWrites(reads, options.service, options.trustedWriters);
  return {
    sp,
    dossiers: reads.dossiers,
    documents: writes.documents,
    directory: reads.directory,
    readModel: reads.readModel,
    lookups: reads.lookups,
    commands: writes.commands,
    remoteDocuments: writes.documents,
    codebooks: reads.codebooks,
    institutions: reads.institutions,
    procedureSettings: reads.procedureSettings,
    restrictedNotes: {
      notesOf: async (reference) => {
        const { SharePointRestrictedNoteStore } = await import(/* webpackChunkName: 'register-notes' */ '../data/sharepoint/restrictedNoteStore');
        return new SharePointRestrictedNoteStore(sp).notesOf(reference);
      }
    },
    provisioner: {
      ensureAll: async () => {
        const { Provisioner } = await import(/* webpackChunkName: 'register-provisioning' */ '../data/sharepoint/provisioning');
        return new Provisioner(sp).ensureAll();
      }
    }
  };
}
