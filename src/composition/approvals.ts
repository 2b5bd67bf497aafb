/**
 * Wiring of the approvals tab shared by its two hosts (SPFx/Teams in `spfx.ts`, the local workbench in
 * `local.ts`): the Graph dossier store, the command service on it with the DPO-team reaction, and the
 * gateway the tab calls.
 */
import type { IsoDateTime } from '../domain/types';
import { CommandService } from '../data/commandService';
import type { Reaction } from '../data/commandService';
import { ApprovalsGateway } from '../data/graph/approvals/approvalsGateway';
import { GraphApprovalsReader } from '../data/graph/approvals/graphApprovalsReader';
import type { BatchOptions } from '../data/graph/graphBatch';
import type { GraphClientLike } from '../data/graph/graphClient';
import { GraphDossierStore } from '../data/graph/graphDossierStore';
import { GraphProcedureSettingsReader } from '../data/graph/graphProcedureSettingsReader';
import { GraphSite } from '../data/graph/graphSite';
import { GraphNotifier } from '../data/graph/notifier';
import type { GraphApi } from '../data/graph/notifier';
import { DossierLookups } from '../data/lookups';
import type { Directory } from '../data/ports';
import { messagingReaction } from '../data/reactions';
import { GraphRecipientLanguages } from '../data/graph/recipientLanguages';
import { RemoteCommandService } from '../data/service/remoteCommandService';
import type { ServiceHttp } from '../data/service/serviceHttp';
import { registerThroughService } from '../data/service/remoteDocumentLibrary';

/** The Teams app id equals the approvals web part's id (the Teams manifest declares the activity types). */
export const APPROVALS_TEAMS_APP_ID = '376fce5d-8b66-4768-9d11-02de88211c55';

/** What the approvals gateway is built on. */
export interface ApprovalsWiring {
  readonly graph: GraphClientLike;
  /** Absolute URL of the site holding the lists. */
  readonly siteUrl: string;
  readonly reactions?: readonly Reaction[];
  readonly clock?: () => IsoDateTime;
  readonly batchOptions?: BatchOptions;
  /** The command service: decisions and countersignatures go there, and it runs the reactions (`reactions` unused). */
  readonly service?: ServiceHttp;
}

/** The approvals gateway on Graph: reader, Graph dossier store, command service and lookups. */
export function composeApprovalsGateway(wiring: ApprovalsWiring): ApprovalsGateway {
  const site = new GraphSite(wiring.graph, wiring.siteUrl);
  const store = new GraphDossierStore(site, wiring.batchOptions);
  const clock = wiring.clock ?? ((): IsoDateTime => new Date().toISOString());
  return new ApprovalsGateway({
    reader: new GraphApprovalsReader(site, wiring.batchOptions),
    commands: wiring.service
      ? new RemoteCommandService({ dossiers: store, http: wiring.service })
      : new CommandService({ dossiers: store, events: store, clock, reactions: wiring.reactions }),
    lookups: new DossierLookups(store),
    settings: new GraphProcedureSettingsReader(site),
    clock,
    ...(wiring.service ? { upload: uploadThrough(wiring.service) } : {})
  });
}

/** The tab's uploads (the countersigned original) through the command service's document upload. */
function uploadThrough(service: ServiceHttp): NonNullable<ConstructorParameters<typeof ApprovalsGateway>[0]['upload']> {
  return (reference, fileName, content, kind, phase) => registerThroughService(service, reference, fileName, content, kind, phase);
}

/** Where the DPO team hears of decisions, questions and countersignatures. */
export interface ApprovalsMessaging {
  /** Link target in mails and notifications. */
  readonly registerUrl: string;
  /** The DPO team's shared mailbox that also gets a mail per decision; undefined = Teams only. */
  readonly dpoTeamMailbox?: string;
}

/** The approvals tab's one reaction: the DPO team is told of the Chief Statistician's decisions. */
export function approvalsReaction(graph: GraphApi, directory: Pick<Directory, 'membersOf'>, messaging: ApprovalsMessaging): Reaction {
  return messagingReaction(new GraphNotifier(graph), directory, {
    registerUrl: messaging.registerUrl,
    dpoTeamMailbox: messaging.dpoTeamMailbox,
    approvalsAppId: APPROVALS_TEAMS_APP_ID
  }, new GraphRecipientLanguages(graph));
}
