/**
 * The data layer of the hosts that read SharePoint through PnPjs and may write it (the command
 * service, the CLI, the seed, the local workbench): the SharePoint adapters, the command service on
 * them and the messaging reaction, assembled on a PnPjs root that the host's composition root
 * configured. The register web part uses `createClientDataLayer` (`clientDataLayer.ts`) instead.
 *
 * With a `service` (how the host reaches the trusted command service), reads stay direct but every
 * change is asked of the service: `commands` is a `RemoteCommandService`, `documents` a
 * `RemoteDocumentLibrary`, and no reaction runs here (the service runs them after each transition).
 */
import { decideFactsWithInstitutionDpo, type InstitutionDirectory } from '../app/signatureVerification';
import type { SPFI } from '@pnp/sp';
import type { IsoDateTime } from '../domain/types';
import { CommandService } from '../data/commandService';
import type { DossierCommands, Reaction } from '../data/commandService';
import { GraphNotifier } from '../data/graph/notifier';
import type { GraphApi } from '../data/graph/notifier';
import { DossierLookups } from '../data/lookups';
import { messagingReaction } from '../data/reactions';
import { GraphRecipientLanguages } from '../data/graph/recipientLanguages';
import type { MessagingConfig } from '../data/reactions';
import type { DocumentCheckColumns, DocumentLibrary, Notifier } from '../data/ports';
import type { RemoteDocumentLibrary } from '../data/service/remoteDocumentLibrary';
import type { ServiceHttp } from '../data/service/serviceHttp';
import type { SharePointDirectory } from '../data/sharepoint/directory';
import type { SharePointDossierStore } from '../data/sharepoint/dossierStore';
import { SharePointEventStore } from '../data/sharepoint/eventStore';
import { Provisioner } from '../data/sharepoint/provisioning';
import type { CodebookLibrary } from '../app/codebooks';
import type { InstitutionRegisterPort } from '../app/institutions';
import type { ProcedureSettingsReader } from '../data/ports';
import type { SharePointReadModel } from '../data/sharepoint/readModel';
import { SharePointFindingsStore } from '../data/sharepoint/findingsStore';
import { findingsProjection } from '../data/findingsProjection';
import { SharePointRestrictedNoteStore } from '../data/sharepoint/restrictedNoteStore';
import type { RestrictedNoteStore } from '../data/ports';
import { serviceWrites, sharePointReads } from './clientDataLayer';

/** Everything the web parts, the task pane, the CLI and the seed use; built once per composition root. */
export interface DataLayer {
  readonly sp: SPFI;
  readonly dossiers: SharePointDossierStore;
  readonly events: SharePointEventStore;
  /** Direct, or through the command service (its writes) when one is configured. */
  readonly documents: DocumentLibrary;
  readonly directory: SharePointDirectory;
  readonly readModel: SharePointReadModel;
  readonly lookups: DossierLookups;
  /** The trusted `CommandService` on the lists (no service configured), or the `RemoteCommandService`. */
  readonly commands: DossierCommands;
  /** Present when the data layer asks a command service to write (it also makes publication versions). */
  readonly remoteDocuments?: RemoteDocumentLibrary;
  readonly provisioner: Provisioner;
  /**
   * The survey codebooks, cached per wave and import: the checks read them, the register's
   * "Codeboeken" view imports and searches them (written directly: reference data, not dossier events).
   */
  readonly codebooks: CodebookLibrary;
  /**
   * The institution register (`Instellingen`), loaded on first use and cached per screen: step 1 flags
   * institutions outside it, the register's "Instellingen" view maintains it (written directly by the
   * DPO team: reference data).
   */
  readonly institutions: InstitutionRegisterPort;
  /** The procedure's time settings (`Instellingen van de procedure`, issue 16). */
  readonly procedureSettings: ProcedureSettingsReader;
  /**
   * The texts of the notes for the DPO (`Notities DPO`), read with this composition's identity: the DPO
   * and the Chief Statistician read them; SharePoint refuses everyone else. Only the service writes.
   */
  readonly restrictedNotes: RestrictedNoteStore;
  /** Present when a Graph client was given. */
  readonly notifier?: Notifier;
  /** The check columns of the library, written directly (only the command service's identity may). */
  readonly documentColumns: DocumentCheckColumns;
  /** The `Bevindingen` list (read by views and reports; written only by the command service's projection). */
  readonly findings: SharePointFindingsStore;
}

/** Options of a data layer. */
export interface DataLayerOptions {
  /** e.g. `/sites/microdata`; read from the web on first use when absent. */
  readonly webServerRelativeUrl?: string;
  /** Graph client (SPFx: `MSGraphClientV3`); enables mail and notifications. */
  readonly graph?: GraphApi;
  readonly clock?: () => IsoDateTime;
  readonly reactions?: readonly Reaction[];
  /** With a Graph client: mail the requester and notify staff after transitions. */
  readonly messaging?: MessagingConfig;
  /**
   * Logins of the writers replay trusts (the command service's app principal); when given, forged
   * events and hand-edited pending events are refused or ignored (`ReplayTrust` in mergeStream.ts).
   */
  readonly trustedWriters?: readonly string[];
  /**
   * The command service, reached as the signed-in user: every change goes there. `reactions` and
   * `messaging` are then not used (the service reacts), a notifier is still built for direct messages.
   */
  readonly service?: ServiceHttp;
  /**
   * The trusted `CommandService` here projects each dossier's findings into `Bevindingen` after every
   * transition. Only the command service's own composition sets it: every other identity only reads
   * the list (and a host with a `service` does not write at all).
   */
  readonly projectFindings?: boolean;
  /**
   * The VSA signatories whose signature countersigns (names as their certificates give them); absent,
   * the Chief Statistician who countersigns. Only the command service's composition decides with it.
   */
  readonly vsaSignatories?: readonly string[];
  /**
   * The institution register: the trusted writer's sender rule then also accepts the DPO address it
   * holds for the dossier's institution (`decideFactsWithInstitutionDpo`).
   */
  readonly institutions?: InstitutionDirectory;
  /** The trusted writer reads the site's own `Instellingen` list for the sender rule (the command service). */
  readonly useInstitutionRegister?: boolean;
}

/**
 * The data layer on a configured PnPjs root (`node.ts`, `local.ts`, `service.ts` configure it). The
 * register web part uses the lighter `createClientDataLayer` (`clientDataLayer.ts`): the same reads,
 * without the trusted writer's parts.
 */
export function createSharePointDataLayer(sp: SPFI, options: DataLayerOptions = {}): DataLayer {
  const reads = sharePointReads(sp, options);
  const { dossiers, library, directory, readModel, codebooks, institutions } = reads;
  // The trusted writer's own lookups (the client's load on first use): they also answer `decideFacts`,
  // with a countersignature's configured VSA signatories.
  const lookups = new DossierLookups(dossiers, options.vsaSignatories ? { vsaSignatories: options.vsaSignatories } : {});
  const events = new SharePointEventStore(sp);
  const notifier = options.graph ? new GraphNotifier(options.graph) : undefined;
  const remote = options.service ? serviceWrites({ dossiers, library }, options.service, options.trustedWriters) : undefined;
  const findings = new SharePointFindingsStore(sp);
  return {
    sp,
    dossiers,
    events,
    documents: remote?.documents ?? library,
    directory,
    readModel,
    lookups,
    commands: remote?.commands ?? localCommands({ dossiers, events, directory, notifier, lookups, findings, institutions }, options),
    remoteDocuments: remote?.documents,
    provisioner: new Provisioner(sp),
    restrictedNotes: new SharePointRestrictedNoteStore(sp),
    codebooks,
    institutions,
    procedureSettings: reads.procedureSettings,
    notifier,
    documentColumns: library,
    findings
  };
}

/** The trusted command service on the lists, with the reactions (no command service configured). */
function localCommands(
  parts: {
    readonly dossiers: SharePointDossierStore;
    readonly events: SharePointEventStore;
    readonly directory: SharePointDirectory;
    readonly notifier?: Notifier;
    readonly lookups: DossierLookups;
    readonly findings: SharePointFindingsStore;
    readonly institutions: InstitutionDirectory;
  },
  options: DataLayerOptions
): CommandService {
  const { dossiers, events, directory, notifier, lookups, findings } = parts;
  const register = options.institutions ?? (options.useInstitutionRegister ? parts.institutions : undefined);
  const reactions = [...(options.reactions ?? [])];
  if (notifier && options.messaging) reactions.push(messagingReaction(notifier, directory, options.messaging, options.graph ? new GraphRecipientLanguages(options.graph) : undefined));
  return new CommandService({
    dossiers,
    events,
    clock: options.clock,
    reactions,
    trustedWriters: options.trustedWriters,
    ...(options.projectFindings ? { projections: [findingsProjection(findings)] } : {}),
    decideFacts: register
      ? decideFactsWithInstitutionDpo((dossier, command) => lookups.decideFacts(dossier, command), register)
      : (dossier, command) => lookups.decideFacts(dossier, command)
  });
}
