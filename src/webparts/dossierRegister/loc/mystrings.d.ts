declare interface IDossierRegisterWebPartStrings {
  PropertyPaneDescription: string;
  ConnectionGroupName: string;
  SiteUrlFieldLabel: string;
  ServiceUrlFieldLabel: string;
  ServiceResourceFieldLabel: string;
  ServiceUrlInvalid: string;
  ProvisioningGroupName: string;
  ProvisionHelp: string;
  ProvisionButton: string;
  ProvisionRunning: string;
  ProvisionDone: string;
  ProvisionNothingToDo: string;
  ProvisionFailed: string;
  MailGroupName: string;
  SharedMailboxFieldLabel: string;
  SharedMailboxFieldDescription: string;
  SharedMailboxInvalid: string;
  /** Strings of the shared UI components (src/ui/strings.ts). */
  ui: import('../../../ui/strings').UiStrings;
}

declare module 'DossierRegisterWebPartStrings' {
  const strings: IDossierRegisterWebPartStrings;
  export = strings;
}
