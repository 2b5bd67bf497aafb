import * as React from 'react';
import * as ReactDom from 'react-dom';
import { Version } from '@microsoft/sp-core-library';
import { type IPropertyPaneConfiguration, PropertyPaneTextField } from '@microsoft/sp-property-pane';
import { BaseClientSideWebPart } from '@microsoft/sp-webpart-base';
import { spfi, SPFx } from '@pnp/sp';
import * as strings from 'ApprovalsWebPartStrings';
import type { Actor, Lang } from '../../domain/types';
import { formatFailure } from '../../app/failures';
import { createSharePointDataLayer } from '../../data/compose';
import { languageOf } from '../../domain/i18n/language';
import { ApprovalsGateway } from '../../data/graph/approvals/approvalsGateway';
import type { GraphClientLike } from '../../data/graph/approvals/graphClient';
import { GraphNotifier } from '../../data/graph/notifier';
import { messagingReaction } from '../../data/reactions';
import { formatText } from '../../ui/shared/format';
import { ApprovalsApp } from './components/ApprovalsApp';

/** Web part properties (property pane). */
export interface IApprovalsWebPartProps {
  /** Absolute URL of the site with the dossier lists; empty = the current site. */
  siteUrl: string;
  /** The DPO team's shared mailbox that also gets an e-mail per decision; empty = Teams only. */
  notifyMailbox: string;
}

/** The Teams app id equals the web part id (the Teams manifest declares the activity types). */
const TEAMS_APP_ID = '376fce5d-8b66-4768-9d11-02de88211c55';

/**
 * The Chief Statistician's approvals, as a SharePoint web part, a Teams tab and a Teams personal app.
 * Dossiers are read and written through Microsoft Graph (`MSGraphClientV3`); the user's roles come from
 * the SharePoint groups (PnPjs), because the VSA groups are SharePoint groups, not Entra groups.
 */
export default class ApprovalsWebPart extends BaseClientSideWebPart<IApprovalsWebPartProps> {
  private gateway?: ApprovalsGateway;
  private actor?: Actor;
  private initError?: unknown;

  protected async onInit(): Promise<void> {
    await super.onInit();
    try {
      const siteUrl = this.properties.siteUrl || this.context.pageContext.web.absoluteUrl;
      const graph = (await this.context.msGraphClientFactory.getClient('3')) as unknown as GraphClientLike;
      const data = createSharePointDataLayer(spfi(siteUrl).using(SPFx(this.context)));
      const notifier = new GraphNotifier(graph);
      this.gateway = new ApprovalsGateway({
        graph,
        siteUrl,
        // The data layer's one reaction: the DPO team hears of decisions, questions and countersignatures.
        reactions: [
          messagingReaction(notifier, data.directory, {
            registerUrl: siteUrl,
            dpoTeamMailbox: this.properties.notifyMailbox || undefined,
            approvalsAppId: TEAMS_APP_ID
          })
        ]
      });
      this.actor = await data.directory.currentActor();
    } catch (error) {
      this.initError = error;
    }
  }

  private get lang(): Lang {
    return languageOf(this.context.pageContext.cultureInfo.currentUICultureName);
  }

  public render(): void {
    const element: React.ReactElement =
      this.gateway && this.actor
        ? React.createElement(ApprovalsApp, { backend: this.gateway, actor: this.actor, strings, lang: this.lang })
        : React.createElement('div', { role: 'alert' }, formatText(strings.ErrorPrefix, { message: formatFailure(this.initError, this.lang) }));
    ReactDom.render(element, this.domElement);
  }

  protected onDispose(): void {
    ReactDom.unmountComponentAtNode(this.domElement);
  }

  protected get dataVersion(): Version {
    return Version.parse('1.0');
  }

  protected getPropertyPaneConfiguration(): IPropertyPaneConfiguration {
    return {
      pages: [
        {
          header: { description: strings.PropertyPaneDescription },
          groups: [
            {
              groupName: strings.BasicGroupName,
              groupFields: [
                PropertyPaneTextField('siteUrl', { label: strings.SiteUrlFieldLabel }),
                PropertyPaneTextField('notifyMailbox', { label: strings.NotifyMailboxFieldLabel })
              ]
            }
          ]
        }
      ]
    };
  }
}
