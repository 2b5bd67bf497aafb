/**
 * MSAL-backed tokens. In Office hosts that support nested app authentication (requirement set
 * `NestedAppAuth 1.1`) the host signs the user in and MSAL's nestable client asks it for tokens; elsewhere
 * a standard browser client with a popup is the fallback. Registration steps: docs/word-addin.md.
 */
import type { AccountInfo, AuthenticationResult, IPublicClientApplication } from '@azure/msal-browser';
import type { TokenProvider } from '../../data/auth/tokenProvider';

/** Settings of the Entra app registration. */
export interface MsalSettings {
  readonly clientId: string;
  /** Default `https://login.microsoftonline.com/organizations`. */
  readonly authority?: string;
  /** Only for the popup fallback: the task pane URL registered as SPA redirect URI. */
  readonly redirectUri?: string;
}

/** The part of MSAL's client the provider uses (so tests can pass a fake). */
export type MsalClient = Pick<IPublicClientApplication, 'acquireTokenSilent' | 'acquireTokenPopup' | 'getAllAccounts' | 'getActiveAccount' | 'setActiveAccount'>;

function needsInteraction(error: unknown): boolean {
  const code = (error as { errorCode?: unknown } | undefined)?.errorCode;
  const name = (error as { name?: unknown } | undefined)?.name;
  return name === 'InteractionRequiredAuthError' || code === 'no_account_error' || code === 'interaction_required' || code === 'login_required' || code === 'consent_required';
}

/** Token provider over an MSAL client: silent first, popup when the user must interact. */
export function tokenProviderFor(client: MsalClient): TokenProvider {
  const remember = (result: AuthenticationResult): string => {
    if (result.account) client.setActiveAccount(result.account);
    return result.accessToken;
  };
  return {
    async getToken(scopes: readonly string[]): Promise<string> {
      const account: AccountInfo | undefined = client.getActiveAccount() ?? client.getAllAccounts()[0] ?? undefined;
      try {
        return remember(await client.acquireTokenSilent({ scopes: [...scopes], account }));
      } catch (error) {
        if (!needsInteraction(error)) throw error;
        return remember(await client.acquireTokenPopup({ scopes: [...scopes] }));
      }
    }
  };
}

/**
 * Creates the MSAL client: nestable (NAA) when the host supports it, standard otherwise. MSAL is
 * loaded lazily so the pane's first paint does not wait for it.
 */
export async function createMsalTokenProvider(settings: MsalSettings, supportsNestedAppAuth: boolean): Promise<TokenProvider> {
  const msal = await import(/* webpackChunkName: 'msal' */ '@azure/msal-browser');
  const configuration = {
    auth: {
      clientId: settings.clientId,
      authority: settings.authority ?? 'https://login.microsoftonline.com/organizations',
      redirectUri: settings.redirectUri
    },
    cache: { cacheLocation: 'localStorage' as const }
  };
  const client = supportsNestedAppAuth
    ? await msal.createNestablePublicClientApplication(configuration)
    : await msal.createStandardPublicClientApplication(configuration);
  return tokenProviderFor(client);
}
