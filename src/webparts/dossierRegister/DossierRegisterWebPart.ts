import * as React from 'react';
import * as ReactDom from 'react-dom';
import { Version } from '@microsoft/sp-core-library';
import {
  type IPropertyPaneConfiguration,
  PropertyPaneButton,
  PropertyPaneButtonType,
  PropertyPaneLabel,
  PropertyPaneTextField
} from '@microsoft/sp-property-pane';
import { BaseClientSideWebPart } from '@microsoft/sp-webpart-base';
import * as strings from 'DossierRegisterWebPartStrings';
import { composeRegisterWebPart, type RegisterWebPartComposition } from '../../composition/spfxRegister';
import { serviceSettingsOf, serviceUrlError } from '../../composition/spfxServiceHttp';
import { formatFailure } from '../../app/failures';
import { formatText } from '../../ui/shared/format';
import type { StoredDocument } from '../../data/ports';
import { RegisterApp, type RegisterAppProps } from './app/RegisterApp';
import { languageOf, sharedMailboxError, sharedMailboxOf } from './webPartSettings';
import { runProvisioning } from './provisioningAction';

/**
 * Properties set in the property pane. The lists have fixed names, provisioned by the product
 * (`src/data/schema.ts`), so they are not settings.
 */
export interface IDossierRegisterWebPartProps {
  /** Absolute URL of the site holding the lists; empty = the current site. */
  siteUrl?: string;
  /** Address of the shared mailbox (`data-aanvragen…`); empty = the mail features are off. */
  sharedMailbox?: string;
  /** Base URL of the command service (`https://…/api`); empty = read only: changes are refused as not configured. */
  serviceUrl?: string;
  /** Application ID URI of the service's app registration; empty = `api://microdata-dossiers`. */
  serviceResource?: string;
}

/**
 * The dossier register web part (SharePoint page, Teams tab). The SPFx composition root
 * (`src/composition/spfx.ts`) builds PnPjs and the data layer once; the web part renders the shared
 * React application with it. Everything else lives in `app/` and `src/ui`.
 */
export default class DossierRegisterWebPart extends BaseClientSideWebPart<IDossierRegisterWebPartProps> {
  private composition?: RegisterWebPartComposition;
  private appProps?: RegisterAppProps;
  private provisioningStatus = '';

  protected async onInit(): Promise<void> {
    await super.onInit();
    this.compose();
  }

  public render(): void {
    const props = this.appProps ?? this.compose().props;
    ReactDom.render(React.createElement(RegisterApp, props), this.domElement);
  }

  protected onDispose(): void {
    ReactDom.unmountComponentAtNode(this.domElement);
  }

  protected onPropertyPaneFieldChanged(): void {
    // A different site or mailbox means a different composition.
    this.compose();
  }

  protected get dataVersion(): Version {
    return Version.parse('1.0');
  }

  /** Calls the composition root and keeps the app's props, so renders reuse the same data layer. */
  private compose(): { composition: RegisterWebPartComposition; props: RegisterAppProps } {
    const mailbox = sharedMailboxOf(this.properties.sharedMailbox);
    const validMailbox = mailbox && !sharedMailboxError(mailbox, '{value}') ? mailbox : undefined;
    const composition = composeRegisterWebPart(this.context, {
      siteUrl: this.properties.siteUrl,
      sharedMailbox: validMailbox,
      service: serviceSettingsOf(this.properties)
    });
    const origin = new URL(this.context.pageContext.web.absoluteUrl).origin;
    const props: RegisterAppProps = {
      service: composition.service,
      mail: composition.mail,
      drafts: composition.drafts,
      strings: strings.ui,
      lang: languageOf(this.context.pageContext.cultureInfo.currentUICultureName),
      openInWordUrl: (document: StoredDocument) => `ms-word:ofe|u|${origin}${encodeURI(document.serverRelativeUrl)}`
    };
    this.composition = composition;
    this.appProps = props;
    return { composition, props };
  }

  /** Property pane action for a site owner: create or complete the lists, library, groups and views. */
  private provisionSite(): void {
    const composition = this.composition ?? this.compose().composition;
    this.provisioningStatus = strings.ProvisionRunning;
    this.context.propertyPane.refresh();
    const lang = languageOf(this.context.pageContext.cultureInfo.currentUICultureName);
    // runProvisioning turns every failure of the provisioning into the status line; a failure to show
    // it is shown the same way.
    const showStatus = (status: string): void => {
      this.provisioningStatus = status;
      this.context.propertyPane.refresh();
      this.render();
    };
    runProvisioning(composition.data.provisioner, strings, lang)
      .then(showStatus)
      .catch((error: unknown) => showStatus(formatText(strings.ProvisionFailed, { reason: formatFailure(error, lang) })));
  }

  protected getPropertyPaneConfiguration(): IPropertyPaneConfiguration {
    return {
      pages: [
        {
          header: { description: strings.PropertyPaneDescription },
          groups: [
            {
              groupName: strings.ConnectionGroupName,
              groupFields: [
                PropertyPaneTextField('siteUrl', { label: strings.SiteUrlFieldLabel }),
                PropertyPaneTextField('serviceUrl', {
                  label: strings.ServiceUrlFieldLabel,
                  onGetErrorMessage: (value: string) => serviceUrlError(value, strings.ServiceUrlInvalid)
                }),
                PropertyPaneTextField('serviceResource', { label: strings.ServiceResourceFieldLabel })
              ]
            },
            {
              groupName: strings.MailGroupName,
              groupFields: [
                PropertyPaneTextField('sharedMailbox', {
                  label: strings.SharedMailboxFieldLabel,
                  description: strings.SharedMailboxFieldDescription,
                  onGetErrorMessage: (value: string) => sharedMailboxError(value, strings.SharedMailboxInvalid)
                })
              ]
            },
            {
              groupName: strings.ProvisioningGroupName,
              groupFields: [
                PropertyPaneLabel('provisioningHelp', { text: strings.ProvisionHelp }),
                PropertyPaneButton('provisioning', {
                  text: strings.ProvisionButton,
                  buttonType: PropertyPaneButtonType.Normal,
                  onClick: () => this.provisionSite()
                }),
                PropertyPaneLabel('provisioningStatus', { text: this.provisioningStatus })
              ]
            }
          ]
        }
      ]
    };
  }
}
