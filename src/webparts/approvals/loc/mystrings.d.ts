/** Property-pane strings of the approvals web part; the tab's own strings are `ApprovalsStrings`. */
declare interface IApprovalsPropertyPaneStrings {
  readonly PropertyPaneDescription: string;
  readonly BasicGroupName: string;
  readonly SiteUrlFieldLabel: string;
  readonly ServiceUrlFieldLabel: string;
  readonly ServiceResourceFieldLabel: string;
  readonly ServiceUrlInvalid: string;
}

declare module 'ApprovalsWebPartStrings' {
  const strings: IApprovalsPropertyPaneStrings & import('../../../ui/approvals/ApprovalsTab.types').ApprovalsStrings;
  export = strings;
}
