/**
 * Wiring of the Word add-in's "Koppelen aan dossier", shared by Word (`office.ts`) and the local
 * workbench (`local.ts`): dossier reads and the review event through the Graph dossier store and the
 * command service; the reviewer's VSA roles from the site's groups through PnPjs, as the web parts read them.
 */
import { newCommandId } from '../app/commandIds';
import type { SPFI } from '@pnp/sp';
import { CommandService } from '../data/commandService';
import { RemoteCommandService } from '../data/service/remoteCommandService';
import type { ServiceHttp } from '../data/service/serviceHttp';
import type { GraphClientLike } from '../data/graph/graphClient';
import { GraphDossierStore } from '../data/graph/graphDossierStore';
import { GraphSite } from '../data/graph/graphSite';
import { SharePointDirectory } from '../data/sharepoint/directory';
import { createCommandDossierReviewPort } from '../app/wordReview/commandDossierReviewPort';
import type { DossierReviewPort } from '../app/wordReview/dossierReviewPort';

/** The clients the dossier port is built on, configured by the host's composition root. */
export interface WordDossierClients {
  readonly graph: GraphClientLike;
  /** PnPjs on the same site, for the reviewer's groups. */
  readonly sp: SPFI;
  /** Absolute URL of the site holding the dossier lists. */
  readonly siteUrl: string;
  /** The command service: the review is recorded there (the reviewer from the token). */
  readonly service?: ServiceHttp;
}

/** The dossier review port of the task pane on the given clients. */
export function composeWordDossierPort(clients: WordDossierClients): DossierReviewPort {
  const store = new GraphDossierStore(new GraphSite(clients.graph, clients.siteUrl));
  const directory = new SharePointDirectory(clients.sp);
  return createCommandDossierReviewPort({
    commands: clients.service ? new RemoteCommandService({ dossiers: store, http: clients.service }) : new CommandService({ dossiers: store, events: store }),
    currentActor: () => directory.currentActor(),
    newCommandId
  });
}
