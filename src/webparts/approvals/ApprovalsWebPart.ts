import * as React from 'react';
import * as ReactDom from 'react-dom';
import { Version } from '@microsoft/sp-core-library';
import { type IPropertyPaneConfiguration, PropertyPaneTextField } from '@microsoft/sp-property-pane';
import { BaseClientSideWebPart } from '@microsoft/sp-webpart-base';
import * as strings from 'ApprovalsWebPartStrings';
import type { Lang } from '../../domain/types';
import { formatFailure } from '../../app/failures';
import { languageOf } from '../../domain/i18n/language';
import { composeApprovalsWebPart, type ApprovalsWebPartComposition } from '../../composition/spfxApprovals';
import { serviceSettingsOf, serviceUrlError } from '../../composition/spfxServiceHttp';
import { formatText } from '../../ui/shared/format';
import { ApprovalsApp } from './components/ApprovalsApp';

/** Web part properties (property pane). */
export interface IApprovalsWebPartProps {
  /** Absolute URL of the site with the dossier lists; empty = the current site. */
  siteUrl: string;
  /** Base URL of the command service (`https://…/api`); empty = read only: decisions are refused as not configured. */
  serviceUrl?: string;
  /** Application ID URI of the service's app registration; empty = `api://microdata-dossiers`. */
  serviceResource?: string;
}

/**
 * The Chief Statistician's approvals, as a SharePoint web part, a Teams tab and a Teams personal app.
 * Dossiers are read and written through Microsoft Graph (`MSGraphClientV3`); the user's roles come from
 * the SharePoint groups (PnPjs), because the VSA groups are SharePoint groups, not Entra groups.
 */
export default class ApprovalsWebPart extends BaseClientSideWebPart<IApprovalsWebPartProps> {
  private composition?: ApprovalsWebPartComposition;
  private initError?: unknown;

  protected async onInit(): Promise<void> {
    await super.onInit();
    try {
      this.composition = await composeApprovalsWebPart(this.context, { ...this.properties, service: serviceSettingsOf(this.properties) });
    } catch (error) {
      this.initError = error;
    }
  }

  private get lang(): Lang {
    return languageOf(this.context.pageContext.cultureInfo.currentUICultureName);
  }

  public render(): void {
    const element: React.ReactElement =
      this.composition
        ? React.createElement(ApprovalsApp, { backend: this.composition.gateway, actor: this.composition.actor, strings, lang: this.lang })
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
                PropertyPaneTextField('serviceUrl', {
                  label: strings.ServiceUrlFieldLabel,
                  onGetErrorMessage: (value: string) => serviceUrlError(value, strings.ServiceUrlInvalid)
                }),
                PropertyPaneTextField('serviceResource', { label: strings.ServiceResourceFieldLabel })
              ]
            }
          ]
        }
      ]
    };
  }
}
