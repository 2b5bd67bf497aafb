/**
 * Access tokens for the add-in's calls to Microsoft Graph and SharePoint. The pane and the adapters
 * only see this interface; MSAL lives behind it (`msalTokenProvider.ts`) so tests never load MSAL.
 */
export interface TokenProvider {
  /** An access token for the scopes, e.g. `['User.Read']` or `['https://contoso.sharepoint.com/AllSites.Write']`. */
  getToken(scopes: readonly string[]): Promise<string>;
}
