/**
 * The sign-in arguments of the Node tools: every bad combination is a bilingual `SignInError` (exit
 * code 2), every good one chooses the credential it names (a fake factory records it), and the one
 * credential gives the SharePoint and the Graph token for their scopes.
 */
import { AzureCliCredential, ClientCertificateCredential, DeviceCodeCredential, type AccessToken, type TokenCredential } from '@azure/identity';
import {
  azureIdentityCredential,
  GRAPH_SCOPE,
  nodeIdentityFromArguments,
  parseSignIn,
  sharePointScope,
  SignInError,
  tokenSource,
  type AuthSpec
} from '../../src/composition/nodeCredentials';

const readable = { fileReadable: (path: string) => path === '/certs/vsa.pem' };

function signInError(run: () => unknown): SignInError {
  try {
    run();
  } catch (error) {
    if (error instanceof SignInError) return error;
    throw error;
  }
  throw new Error('expected a SignInError');
}

describe('parseSignIn: the errors', () => {
  it.each([
    [['--auth', 'password'], 'unknownMethod', /onbekende aanmeldmethode "password"/, /unknown sign-in method "password"/],
    [['--auth', 'device-code', '--client-id', 'c'], 'missingTenant', /geef --tenant/, /pass --tenant/],
    [['--auth', 'certificate', '--tenant', 't', '--certificate', '/certs/vsa.pem'], 'missingClientId', /geef --client-id/, /pass --client-id/],
    [['--auth', 'device-code', '--tenant', 't'], 'missingClientId', /--auth device-code: geef --client-id/, /--auth device-code: pass --client-id/],
    [['--auth', 'certificate', '--tenant', 't', '--client-id', 'c'], 'missingCertificate', /geef --certificate/, /pass --certificate/],
    [['--auth', 'certificate', '--tenant', 't', '--client-id', 'c', '--certificate', '/nowhere.pem'], 'certificateUnreadable', /"\/nowhere\.pem" is niet leesbaar/, /"\/nowhere\.pem" cannot be read/],
    [['--auth', 'azure-cli', '--token', 'abc'], 'conflictingSignIn', /--auth gaat niet samen met --token/, /cannot be combined with --token/],
    [['--user', 'an.peeters@vsa.local', '--auth', 'azure-cli'], 'conflictingSignIn', /niet samen met --user/, /combined with --user/],
    [['--user', 'an.peeters@vsa.local', '--token', 'abc'], 'conflictingSignIn', /niet samen met --token/, /combined with --token/],
    [['--tenant', 't'], 'optionWithoutAuth', /--tenant hoort bij --auth/, /--tenant belongs to --auth/],
    // A secret on the command line is visible in the process list: refused, also without --auth or with = syntax.
    [['--auth', 'certificate', '--tenant', 't', '--client-id', 'c', '--certificate', '/certs/vsa.pem', '--certificate-password', 'pw'], 'passwordOnCommandLine', /zichtbaar in de proceslijst.*VSA_CERTIFICATE_PASSWORD/, /visible in the process list.*VSA_CERTIFICATE_PASSWORD/],
    [['--certificate-password=pw'], 'passwordOnCommandLine', /--certificate-password wordt geweigerd/, /--certificate-password is refused/],
    [['--auth', 'device-code', '--tenant', 't', '--client-id', 'c', '--certificate', '/certs/vsa.pem'], 'optionWithoutAuth', /--certificate hoort bij --auth/, /belongs to --auth/],
    [['--auth'], 'missingValue', /--auth: geef een waarde/, /--auth: give a value/],
    [['--auth', '--tenant', 't'], 'missingValue', /--auth: geef een waarde/, /give a value/]
  ])('%j → %s, Dutch first and English second, exit code 2', (argv, code, nl, en) => {
    const error = signInError(() => parseSignIn(argv, {}, readable));
    expect(error.code).toBe(code);
    expect(error.exitCode).toBe(2);
    expect(error.nl).toMatch(nl);
    expect(error.en).toMatch(en);
    expect(error.message).toBe(`${error.nl}\n${error.en}`);
  });

  it('checks the certificate file with the real file system by default', () => {
    expect(signInError(() => parseSignIn(['--auth', 'certificate', '--tenant', 't', '--client-id', 'c', '--certificate', '/does/not/exist.pem'])).code).toBe('certificateUnreadable');
    expect(parseSignIn(['--auth', 'certificate', '--tenant', 't', '--client-id', 'c', '--certificate', __filename]).signIn.kind).toBe('credential');
  });
});

describe('parseSignIn: what it chooses', () => {
  it('leaves the tool its own arguments, in order', () => {
    const { signIn, rest } = parseSignIn(['--site', 'https://x', '--auth', 'azure-cli', '--once', '--now', '2026-01-01T00:00:00Z'], {}, readable);
    expect(signIn).toEqual({ kind: 'credential', auth: { method: 'azure-cli' } });
    expect(rest).toEqual(['--site', 'https://x', '--once', '--now', '2026-01-01T00:00:00Z']);
  });

  it('reads every method', () => {
    expect(parseSignIn(['--auth', 'device-code', '--tenant', 't', '--client-id', 'c']).signIn).toEqual({ kind: 'credential', auth: { method: 'device-code', tenantId: 't', clientId: 'c' } });
    expect(parseSignIn(['--auth', 'azure-cli', '--tenant', 't']).signIn).toEqual({ kind: 'credential', auth: { method: 'azure-cli', tenantId: 't' } });
    expect(parseSignIn(['--auth', 'certificate', '--tenant', 't', '--client-id', 'c', '--certificate', '/certs/vsa.pem'], { VSA_CERTIFICATE_PASSWORD: 'pw' }, readable).signIn).toEqual({
      kind: 'credential',
      auth: { method: 'certificate', tenantId: 't', clientId: 'c', certificatePath: '/certs/vsa.pem', certificatePassword: 'pw' }
    });
  });

  it('takes the certificate password only from VSA_CERTIFICATE_PASSWORD', () => {
    const argv = ['--auth', 'certificate', '--tenant', 't', '--client-id', 'c', '--certificate', '/certs/vsa.pem'];
    expect(parseSignIn(argv, { VSA_CERTIFICATE_PASSWORD: 'env' }, readable).signIn).toMatchObject({ auth: { certificatePassword: 'env' } });
    expect(() => parseSignIn([...argv, '--certificate-password', 'flag'], { VSA_CERTIFICATE_PASSWORD: 'env' }, readable)).toThrow(SignInError);
  });

  it('keeps --user (the local tenant) and --token (or SP_ACCESS_TOKEN), and says none when nothing is given', () => {
    expect(parseSignIn(['--user', 'an.peeters@vsa.local']).signIn).toEqual({ kind: 'persona', persona: 'an.peeters@vsa.local' });
    expect(parseSignIn(['--token', 'abc']).signIn).toEqual({ kind: 'token', token: 'abc' });
    expect(parseSignIn([], { SP_ACCESS_TOKEN: 'env' }).signIn).toEqual({ kind: 'token', token: 'env' });
    expect(parseSignIn(['--user', 'an.peeters@vsa.local'], { SP_ACCESS_TOKEN: 'env' }).signIn).toEqual({ kind: 'persona', persona: 'an.peeters@vsa.local' });
    expect(parseSignIn(['--auth', 'azure-cli'], { SP_ACCESS_TOKEN: 'env' }).signIn.kind).toBe('credential');
    expect(parseSignIn([]).signIn).toEqual({ kind: 'none' });
  });
});

describe('nodeIdentityFromArguments: the one call of a tool', () => {
  const fake: TokenCredential = { getToken: async () => ({ token: 'fake', expiresOnTimestamp: 0 }) };

  it('makes the credential the arguments name, through the factory', () => {
    const made: AuthSpec[] = [];
    const credentials = (auth: AuthSpec): TokenCredential => {
      made.push(auth);
      return fake;
    };
    const { identity, rest } = nodeIdentityFromArguments(['--auth', 'device-code', '--tenant', 't', '--client-id', 'c', '--once'], {}, { credentials });
    expect(identity).toEqual({ credential: fake });
    expect(made).toEqual([{ method: 'device-code', tenantId: 't', clientId: 'c' }]);
    expect(rest).toEqual(['--once']);
    expect(nodeIdentityFromArguments(['--user', 'sofie.janssens@vsa.local'], {}, { credentials }).identity).toEqual({ persona: 'sofie.janssens@vsa.local' });
    expect(nodeIdentityFromArguments(['--token', 'abc'], {}, { credentials }).identity).toEqual({ token: 'abc' });
    expect(nodeIdentityFromArguments([], {}, { credentials }).identity).toBeUndefined();
    expect(made).toHaveLength(1);
  });

  it('builds the @azure/identity credential of each method; the device code prompt goes to the prompt (stderr)', () => {
    const prompts: string[] = [];
    const factory = azureIdentityCredential({ prompt: (message) => prompts.push(message) });
    expect(factory({ method: 'device-code', tenantId: '00000000-0000-0000-0000-000000000001', clientId: '00000000-0000-0000-0000-000000000002' })).toBeInstanceOf(DeviceCodeCredential);
    expect(factory({ method: 'azure-cli' })).toBeInstanceOf(AzureCliCredential);
    expect(factory({ method: 'certificate', tenantId: '00000000-0000-0000-0000-000000000001', clientId: '00000000-0000-0000-0000-000000000002', certificatePath: '/certs/vsa.pem' })).toBeInstanceOf(ClientCertificateCredential);
  });
});

describe('tokens from the one credential', () => {
  it('asks SharePoint for the site origin and Graph for graph.microsoft.com', async () => {
    const scopes: string[] = [];
    const credential: TokenCredential = {
      getToken: async (scope): Promise<AccessToken> => {
        scopes.push(String(scope));
        return { token: `token for ${String(scope)}`, expiresOnTimestamp: 0 };
      }
    };
    expect(sharePointScope('https://contoso.sharepoint.com/sites/microdata/')).toBe('https://contoso.sharepoint.com/.default');
    expect(await tokenSource(credential, sharePointScope('https://contoso.sharepoint.com/sites/microdata'))()).toBe('token for https://contoso.sharepoint.com/.default');
    expect(await tokenSource(credential, GRAPH_SCOPE)()).toBe('token for https://graph.microsoft.com/.default');
    expect(scopes).toEqual(['https://contoso.sharepoint.com/.default', 'https://graph.microsoft.com/.default']);
  });

  it('refuses a credential that gives no token instead of sending an empty header', async () => {
    const credential: TokenCredential = { getToken: async () => null };
    await expect(tokenSource(credential, GRAPH_SCOPE)()).rejects.toThrow(/no access token for https:\/\/graph\.microsoft\.com\/\.default/);
  });
});
