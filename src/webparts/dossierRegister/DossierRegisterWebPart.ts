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
import { spfi, SPFx } from '@pnp/sp';
import * as strings from 'DossierRegisterWebPartStrings';
import { createSharePointDataLayer } from '../../data/compose';
import { createRegisterService } from '../../app/registerService';
import { LIBRARY_DOCUMENTS, LIST_DOSSIERS, LIST_EVENTS } from '../../data/schema';
import type { StoredDocument } from '../../data/ports';
import { RegisterApp, type RegisterAppProps } from './app/RegisterApp';
import { languageOf, listNameError, sharedMailboxError, sharedMailboxOf } from './webPartSettings';
import type { RegisterMail } from './app/registerMail';
import type { GraphApi } from '../../data/graph/notifier';
import { runProvisioning } from './provisioningAction';

/** Properties set in the property pane. */
export interface IDossierRegisterWebPartProps {
  /** Absolute URL of the site holding the lists; empty = the current site. */
  siteUrl?: string;
  dossiersList?: string;
  eventsList?: string;
  documentsLibrary?: string;
  /** Address of the shared mailbox (`data-aanvragen…`); empty = the mail features are off. */
  sharedMailbox?: string;
}

/**
 * The dossier register web part (SharePoint page, Teams tab). Builds PnPjs once in `onInit` and hands
 * the data layer to the shared React application; everything else lives in `app/` and `src/ui`.
 */
export default class DossierRegisterWebPart extends BaseClientSideWebPart<IDossierRegisterWebPartProps> {
  private appProps?: RegisterAppProps;
  private provisioningStatus = '';
  private dataLayer?: ReturnType<typeof createSharePointDataLayer>;

  protected async onInit(): Promise<void> {
    await super.onInit();
    this.appProps = this.createAppProps();
  }

  public render(): void {
    if (!this.appProps) this.appProps = this.createAppProps();
    ReactDom.render(React.createElement(RegisterApp, this.appProps), this.domElement);
  }

  protected onDispose(): void {
    ReactDom.unmountComponentAtNode(this.domElement);
  }

  protected onPropertyPaneFieldChanged(): void {
    // A different site means a different data layer.
    this.appProps = this.createAppProps();
  }

  protected get dataVersion(): Version {
    return Version.parse('1.0');
  }

  private createAppProps(): RegisterAppProps {
    const siteUrl = this.properties.siteUrl?.trim() || this.context.pageContext.web.absoluteUrl;
    const sp = spfi(siteUrl).using(SPFx(this.context));
    const origin = new URL(this.context.pageContext.web.absoluteUrl).origin;
    const data = createSharePointDataLayer(sp);
    this.dataLayer = data;
    const mailbox = sharedMailboxOf(this.properties.sharedMailbox);
    return {
      service: createRegisterService(data),
      mail: mailbox && !sharedMailboxError(mailbox, '{value}') ? () => this.composeMail(data, mailbox, siteUrl) : undefined,
      strings: strings.ui,
      lang: languageOf(this.context.pageContext.cultureInfo.currentUICultureName),
      openInWordUrl: (document: StoredDocument) => `ms-word:ofe|u|${origin}${encodeURI(document.serverRelativeUrl)}`
    };
  }

  /** The mail features on Graph (`MSGraphClientV3`), loaded in their own chunk on first use. */
  private async composeMail(data: ReturnType<typeof createSharePointDataLayer>, mailboxAddress: string, siteUrl: string): Promise<RegisterMail> {
    const [composition, graph] = await Promise.all([
      import(/* webpackChunkName: 'register-mail' */ './app/mailComposition'),
      this.context.msGraphClientFactory.getClient('3')
    ]);
    // MSGraphClientV3 is SPFx's build of the same Graph client; only the types come from another copy.
    return composition.composeRegisterMail(data, graph as unknown as GraphApi, { mailboxAddress, siteUrl });
  }

  /** Property pane action for a site owner: create or complete the lists, library, groups and views. */
  private provisionSite(): void {
    if (!this.dataLayer) this.appProps = this.createAppProps();
    const data = this.dataLayer as ReturnType<typeof createSharePointDataLayer>;
    this.provisioningStatus = strings.ProvisionRunning;
    this.context.propertyPane.refresh();
    runProvisioning(data.provisioner, strings, languageOf(this.context.pageContext.cultureInfo.currentUICultureName))
      .then((status) => {
        this.provisioningStatus = status;
        this.context.propertyPane.refresh();
        this.render();
      })
      .catch(() => undefined);
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
                PropertyPaneTextField('dossiersList', {
                  label: strings.DossiersListFieldLabel,
                  placeholder: LIST_DOSSIERS,
                  onGetErrorMessage: (value: string) => listNameError(value, LIST_DOSSIERS, strings.ListNameNotSupported)
                }),
                PropertyPaneTextField('eventsList', {
                  label: strings.EventsListFieldLabel,
                  placeholder: LIST_EVENTS,
                  onGetErrorMessage: (value: string) => listNameError(value, LIST_EVENTS, strings.ListNameNotSupported)
                }),
                PropertyPaneTextField('documentsLibrary', {
                  label: strings.DocumentsLibraryFieldLabel,
                  placeholder: LIBRARY_DOCUMENTS,
                  onGetErrorMessage: (value: string) => listNameError(value, LIBRARY_DOCUMENTS, strings.ListNameNotSupported)
                })
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
