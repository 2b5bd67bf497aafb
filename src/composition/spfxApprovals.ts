/** The approvals web part's part of the SPFx composition root (`spfx.ts`); also the Teams tab. */
import type { WebPartContext } from '@microsoft/sp-webpart-base';
import type { ApprovalsGateway } from '../data/graph/approvals/approvalsGateway';
import type { Actor } from '../domain/types';
import { composeApprovalsGateway } from './approvals';
import { SharePointDirectory } from '../data/sharepoint/directory';
import { siteUrlOf, spfxGraph, spfxSp } from './spfx';
import { spfxServiceHttp, unconfiguredServiceHttp, type ServiceSettings } from './spfxServiceHttp';

/** Settings of the approvals web part. */
export interface ApprovalsWebPartSettings {
  /** Absolute URL of the site with the dossier lists; empty = the current site. */
  readonly siteUrl?: string;
  /** The command service; absent = decisions are refused as not configured (`serviceSettingsOf`). */
  readonly service?: ServiceSettings;
}

/** What the approvals web part renders with. */
export interface ApprovalsWebPartComposition {
  readonly gateway: ApprovalsGateway;
  readonly actor: Actor;
}

/**
 * The approvals tab: dossiers through Graph (`MSGraphClientV3`), the user's roles from the SharePoint
 * groups through PnPjs (the VSA groups are SharePoint groups, not Entra groups).
 */
export async function composeApprovalsWebPart(context: WebPartContext, settings: ApprovalsWebPartSettings): Promise<ApprovalsWebPartComposition> {
  const siteUrl = siteUrlOf(context, settings.siteUrl);
  const graph = await spfxGraph(context);
  // Only the directory: the approvals tab reads and decides through Graph and the command service.
  const directory = new SharePointDirectory(spfxSp(context, siteUrl));
  const service = settings.service ? spfxServiceHttp(context, settings.service) : unconfiguredServiceHttp();
  const gateway = composeApprovalsGateway({
    graph,
    siteUrl,
    service,
    // The service tells the DPO team after the transition it stored (its VSA_DPO_TEAM_MAILBOX setting).
    reactions: []
  });
  return { gateway, actor: await directory.currentActor() };
}
