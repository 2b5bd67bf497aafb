/**
 * The tools' sign-in arguments: `register:export` reads them through the shared `parseSignIn`
 * (a persona, a token or an `@azure/identity` credential) and keeps its own arguments.
 */
import type { TokenCredential } from '@azure/identity';
import { parseArguments, USAGE } from '../../src/cli/register-export';
import { SignInError, type AuthSpec } from '../../src/composition/nodeCredentials';

describe('register:export sign-in arguments', () => {
  const fake: TokenCredential = { getToken: async () => ({ token: 'fake', expiresOnTimestamp: 0 }) };

  it('signs in with --auth through the credential factory and keeps its own arguments', () => {
    const made: AuthSpec[] = [];
    const options = parseArguments(['--site', 'https://contoso.sharepoint.com/sites/microdata', '--auth', 'azure-cli', '--no-pdfs'], {}, {
      credentials: (auth) => {
        made.push(auth);
        return fake;
      }
    });
    expect(options).toMatchObject({ baseUrl: 'https://contoso.sharepoint.com', identity: { credential: fake }, copyPdfs: false });
    expect(made).toEqual([{ method: 'azure-cli' }]);
  });

  it('keeps --user as the persona and takes --token as the identity', () => {
    expect(parseArguments(['--user', 'an.peeters@vsa.local'])).toMatchObject({ userEmail: 'an.peeters@vsa.local' });
    expect(parseArguments(['--user', 'an.peeters@vsa.local']).identity).toBeUndefined();
    expect(parseArguments(['--token', 'abc']).identity).toEqual({ token: 'abc' });
    expect(parseArguments([]).userEmail).toBe('beheer@vsa.local');
  });

  it('refuses a bad sign-in with a SignInError (exit code 2)', () => {
    expect(() => parseArguments(['--auth', 'certificate', '--tenant', 't', '--client-id', 'c'])).toThrow(SignInError);
    expect(() => parseArguments(['--auth', 'kerberos'])).toThrow(/onbekende aanmeldmethode "kerberos".*\n.*unknown sign-in method/);
  });

  it('documents --auth in its usage', () => {
    expect(USAGE).toMatch(/--auth device-code/);
    expect(USAGE).toMatch(/--auth certificate/);
    expect(USAGE).toMatch(/--auth azure-cli/);
  });
});
