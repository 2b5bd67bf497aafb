import type { AccountInfo, AuthenticationResult } from '@azure/msal-browser';
import { tokenProviderFor } from '../../src/word/auth/msalTokenProvider';
import type { MsalClient } from '../../src/word/auth/msalTokenProvider';

const account = { homeAccountId: 'h', environment: 'login', tenantId: 't', username: 'an@vsa', localAccountId: 'l' } as AccountInfo;
const result = (token: string): AuthenticationResult => ({ accessToken: token, account } as AuthenticationResult);

function fakeClient(silent: () => Promise<AuthenticationResult>) {
  const calls: string[] = [];
  let active: AccountInfo | null = null;
  const client: MsalClient = {
    acquireTokenSilent: async (request) => {
      calls.push(`silent:${request.scopes.join(' ')}:${request.account?.username ?? '-'}`);
      return silent();
    },
    acquireTokenPopup: async (request) => {
      calls.push(`popup:${request.scopes.join(' ')}`);
      return result('popup-token');
    },
    getAllAccounts: () => [],
    getActiveAccount: () => active,
    setActiveAccount: (a) => {
      active = a;
    }
  };
  return { client, calls };
}

describe('MSAL token provider', () => {
  it('gets tokens silently and remembers the account', async () => {
    const { client, calls } = fakeClient(async () => result('silent-token'));
    const tokens = tokenProviderFor(client);
    expect(await tokens.getToken(['User.Read'])).toBe('silent-token');
    expect(await tokens.getToken(['Sites.ReadWrite.All'])).toBe('silent-token');
    expect(calls).toEqual(['silent:User.Read:-', 'silent:Sites.ReadWrite.All:an@vsa']);
  });

  it('falls back to a popup only when interaction is required', async () => {
    const interaction = Object.assign(new Error('consent'), { name: 'InteractionRequiredAuthError', errorCode: 'consent_required' });
    const { client, calls } = fakeClient(async () => Promise.reject(interaction));
    expect(await tokenProviderFor(client).getToken(['User.Read'])).toBe('popup-token');
    expect(calls).toEqual(['silent:User.Read:-', 'popup:User.Read']);

    const network = Object.assign(new Error('offline'), { errorCode: 'network_error' });
    const failing = fakeClient(async () => Promise.reject(network));
    await expect(tokenProviderFor(failing.client).getToken(['User.Read'])).rejects.toThrow('offline');
    expect(failing.calls).toEqual(['silent:User.Read:-']);
  });
});
