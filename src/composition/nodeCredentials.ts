/**
 * How a Node tool (`provision`, `register:export`, `jobs`) signs in: the sign-in arguments, parsed by a
 * pure function with bilingual errors (exit code 2), and the one `TokenCredential` of `@azure/identity`
 * they stand for. SharePoint (`https://<tenant>.sharepoint.com/.default`, from the site) and Graph
 * (`https://graph.microsoft.com/.default`) tokens both come from that credential (`createNodeSp`,
 * `createNodeGraphClient` in `./node`). `--token` (an access token obtained elsewhere) and `--user`
 * (a persona of the local tenant, `Bearer local:<email>`) stay.
 *
 *   --auth device-code --tenant <id> --client-id <id>
 *   --auth azure-cli [--tenant <id>]
 *   --auth certificate --tenant <id> --client-id <id> --certificate <pem>   (password: VSA_CERTIFICATE_PASSWORD only)
 *
 * A CLI takes its own arguments from what `parseSignIn` leaves (`rest`), or calls `nodeIdentityFromArguments` once.
 */
import { accessSync, constants } from 'node:fs';
import { AzureCliCredential, ClientCertificateCredential, DeviceCodeCredential, type DeviceCodeInfo, type TokenCredential } from '@azure/identity';
import type { Catalog } from '../domain/i18n/catalog';
import { interpolate } from '../domain/i18n/interpolate';
import type { NodeIdentity } from './node';

/** The `--auth` methods. */
export const authMethods = ['device-code', 'azure-cli', 'certificate'] as const;
export type AuthMethod = (typeof authMethods)[number];

/** A sign-in through `@azure/identity`, as the arguments gave it. */
export type AuthSpec =
  | { readonly method: 'device-code'; readonly tenantId: string; readonly clientId: string }
  | { readonly method: 'azure-cli'; readonly tenantId?: string }
  | { readonly method: 'certificate'; readonly tenantId: string; readonly clientId: string; readonly certificatePath: string; readonly certificatePassword?: string };

/** What the sign-in arguments ask for; `none` when no sign-in argument was given (the CLI decides its default). */
export type SignIn =
  | { readonly kind: 'persona'; readonly persona: string }
  | { readonly kind: 'token'; readonly token: string }
  | { readonly kind: 'credential'; readonly auth: AuthSpec }
  | { readonly kind: 'none' };

/** Codes of the sign-in argument errors. */
export type SignInErrorCode =
  | 'unknownMethod'
  | 'missingValue'
  | 'missingTenant'
  | 'missingClientId'
  | 'missingCertificate'
  | 'certificateUnreadable'
  | 'conflictingSignIn'
  | 'optionWithoutAuth'
  | 'passwordOnCommandLine';

const signInMessages: Catalog<Readonly<Record<SignInErrorCode, string>>> = {
  nl: {
    unknownMethod: '--auth: onbekende aanmeldmethode "{value}"; kies device-code, azure-cli of certificate.',
    missingValue: '{option}: geef een waarde.',
    missingTenant: '--auth {method}: geef --tenant <tenant-id>.',
    missingClientId: '--auth {method}: geef --client-id <client-id van de app-registratie>.',
    missingCertificate: '--auth certificate: geef --certificate <PEM-bestand met certificaat en privésleutel>.',
    certificateUnreadable: '--certificate: het bestand "{path}" is niet leesbaar.',
    conflictingSignIn: '--auth gaat niet samen met {option}: kies één manier van aanmelden.',
    optionWithoutAuth: '{option} hoort bij --auth; geef ook --auth device-code, azure-cli of certificate.',
    passwordOnCommandLine: '--certificate-password wordt geweigerd: een wachtwoord op de opdrachtregel is zichtbaar in de proceslijst. Zet het in de omgevingsvariabele VSA_CERTIFICATE_PASSWORD.'
  },
  en: {
    unknownMethod: '--auth: unknown sign-in method "{value}"; choose device-code, azure-cli or certificate.',
    missingValue: '{option}: give a value.',
    missingTenant: '--auth {method}: pass --tenant <tenant id>.',
    missingClientId: '--auth {method}: pass --client-id <client id of the app registration>.',
    missingCertificate: '--auth certificate: pass --certificate <PEM file with the certificate and private key>.',
    certificateUnreadable: '--certificate: the file "{path}" cannot be read.',
    conflictingSignIn: '--auth cannot be combined with {option}: choose one way to sign in.',
    optionWithoutAuth: '{option} belongs to --auth; also pass --auth device-code, azure-cli or certificate.',
    passwordOnCommandLine: '--certificate-password is refused: a password on the command line is visible in the process list. Put it in the environment variable VSA_CERTIFICATE_PASSWORD.'
  }
};

/** A sign-in argument error: Dutch first, English second; a CLI ends with `exitCode` (2). */
export class SignInError extends Error {
  public readonly exitCode = 2;
  public readonly nl: string;
  public readonly en: string;

  public constructor(public readonly code: SignInErrorCode, public readonly params: Readonly<Record<string, string>> = {}) {
    const nl = interpolate(signInMessages.nl[code], params);
    const en = interpolate(signInMessages.en[code], params);
    super(`${nl}\n${en}`);
    this.name = 'SignInError';
    this.nl = nl;
    this.en = en;
  }
}

/** The usage lines of the sign-in arguments, for every tool's `--help`. */
export const SIGN_IN_USAGE = [
  '  --user <e-mail>        persona van de lokale tenant / local tenant persona (Bearer local:<e-mail>)',
  '  --token <bearer>       toegangstoken van elders / access token obtained elsewhere',
  '  --auth device-code     aanmelden met een apparaatcode (prompt op stderr) / sign in with a device code (prompt on stderr);',
  '                         met / with --tenant <id> --client-id <id>',
  '  --auth azure-cli       het account van `az login` / the `az login` account [--tenant <id>]',
  '  --auth certificate     app-only met een certificaat / app-only with a certificate: --tenant <id> --client-id <id>',
  '                         --certificate <pem>; wachtwoord enkel via / password only through VSA_CERTIFICATE_PASSWORD'
];

const valueOptions = ['--user', '--token', '--auth', '--tenant', '--client-id', '--certificate'] as const;
type ValueOption = (typeof valueOptions)[number];

function isAuthMethod(value: string): value is AuthMethod {
  return (authMethods as readonly string[]).includes(value);
}

/** What `parseSignIn` may look at besides the arguments. */
export interface SignInParseDeps {
  /** Whether a file can be read (default: `fs.accessSync` with `R_OK`). */
  readonly fileReadable?: (path: string) => boolean;
}

function defaultFileReadable(path: string): boolean {
  try {
    accessSync(path, constants.R_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The sign-in arguments of `argv` (pure but for the injected readability check), and the arguments it
 * left for the tool (`rest`, in order). Throws `SignInError` on a bad combination.
 * `env.SP_ACCESS_TOKEN` stands for `--token` when neither `--auth` nor `--user` is given;
 * The certificate's password comes only from `env.VSA_CERTIFICATE_PASSWORD`: `--certificate-password` is
 * refused (`passwordOnCommandLine`), since the process list shows every argument.
 */
export function parseSignIn(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>> = {},
  deps: SignInParseDeps = {}
): { readonly signIn: SignIn; readonly rest: readonly string[] } {
  const values: Partial<Record<ValueOption, string>> = {};
  const rest: string[] = [];
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index];
    // A secret on the command line shows in the process list (ps, /proc): only the environment carries it.
    if (arg === '--certificate-password' || arg.startsWith('--certificate-password=')) throw new SignInError('passwordOnCommandLine');
    if (!(valueOptions as readonly string[]).includes(arg)) {
      rest.push(arg);
      continue;
    }
    const value = argv[index + 1];
    if (value === undefined || value.startsWith('--')) throw new SignInError('missingValue', { option: arg });
    values[arg as ValueOption] = value;
    index++;
  }
  const given = values['--auth'];
  if (given === undefined) {
    for (const option of ['--tenant', '--client-id', '--certificate'] as const) {
      if (values[option] !== undefined) throw new SignInError('optionWithoutAuth', { option });
    }
    if (values['--user'] !== undefined) {
      if (values['--token'] !== undefined) throw new SignInError('conflictingSignIn', { option: '--token' });
      return { signIn: { kind: 'persona', persona: values['--user'] }, rest };
    }
    const token = values['--token'] ?? env.SP_ACCESS_TOKEN;
    return { signIn: token ? { kind: 'token', token } : { kind: 'none' }, rest };
  }
  if (!isAuthMethod(given)) throw new SignInError('unknownMethod', { value: given });
  const method = given;
  for (const option of ['--user', '--token'] as const) {
    if (values[option] !== undefined) throw new SignInError('conflictingSignIn', { option });
  }
  const tenantId = values['--tenant'];
  const clientId = values['--client-id'];
  if (method === 'azure-cli') {
    for (const option of ['--client-id', '--certificate'] as const) {
      if (values[option] !== undefined) throw new SignInError('optionWithoutAuth', { option });
    }
    return { signIn: { kind: 'credential', auth: { method, ...(tenantId ? { tenantId } : {}) } }, rest };
  }
  if (!tenantId) throw new SignInError('missingTenant', { method });
  if (!clientId) throw new SignInError('missingClientId', { method });
  if (method === 'device-code') {
    for (const option of ['--certificate'] as const) {
      if (values[option] !== undefined) throw new SignInError('optionWithoutAuth', { option });
    }
    return { signIn: { kind: 'credential', auth: { method, tenantId, clientId } }, rest };
  }
  const certificatePath = values['--certificate'];
  if (!certificatePath) throw new SignInError('missingCertificate');
  if (!(deps.fileReadable ?? defaultFileReadable)(certificatePath)) throw new SignInError('certificateUnreadable', { path: certificatePath });
  const certificatePassword = env.VSA_CERTIFICATE_PASSWORD;
  return {
    signIn: { kind: 'credential', auth: { method: 'certificate', tenantId, clientId, certificatePath, ...(certificatePassword ? { certificatePassword } : {}) } },
    rest
  };
}

/** Makes the `@azure/identity` credential of a sign-in (tests pass a fake). */
export type CredentialFactory = (auth: AuthSpec) => TokenCredential;

/** Where the device code prompt goes: stderr, so stdout stays the tool's output. */
export interface CredentialFactoryDeps {
  readonly prompt?: (message: string) => void;
}

/** The real credentials of `@azure/identity`. */
export function azureIdentityCredential(deps: CredentialFactoryDeps = {}): CredentialFactory {
  const prompt = deps.prompt ?? ((message: string) => process.stderr.write(`${message}\n`));
  return (auth) => {
    switch (auth.method) {
      case 'device-code':
        return new DeviceCodeCredential({
          tenantId: auth.tenantId,
          clientId: auth.clientId,
          userPromptCallback: (info: DeviceCodeInfo) => prompt(info.message)
        });
      case 'azure-cli':
        return new AzureCliCredential(auth.tenantId ? { tenantId: auth.tenantId } : {});
      case 'certificate':
        return new ClientCertificateCredential(auth.tenantId, auth.clientId, {
          certificatePath: auth.certificatePath,
          ...(auth.certificatePassword ? { certificatePassword: auth.certificatePassword } : {})
        });
    }
  };
}

/** The identity of a sign-in for `./node`; `undefined` for `none` (the tool chooses its default or refuses). */
export function nodeIdentityOf(signIn: SignIn, factory: CredentialFactory = azureIdentityCredential()): NodeIdentity | undefined {
  switch (signIn.kind) {
    case 'persona':
      return { persona: signIn.persona };
    case 'token':
      return { token: signIn.token };
    case 'credential':
      return { credential: factory(signIn.auth) };
    case 'none':
      return undefined;
  }
}

/**
 * The one call a Node tool makes: its sign-in arguments → the identity for `createNodeDataLayer`,
 * `createNodeGraphClient` (both tokens from one credential), plus the arguments left for the tool.
 * Throws `SignInError` (exit code 2) on bad sign-in arguments.
 */
export function nodeIdentityFromArguments(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>> = {},
  deps: SignInParseDeps & { readonly credentials?: CredentialFactory } = {}
): { readonly identity: NodeIdentity | undefined; readonly rest: readonly string[] } {
  const { signIn, rest } = parseSignIn(argv, env, deps);
  return { identity: nodeIdentityOf(signIn, deps.credentials), rest };
}

/** The scope of SharePoint's REST API for a site: `https://<tenant>.sharepoint.com/.default`. */
export function sharePointScope(siteUrl: string): string {
  return `${new URL(siteUrl).origin}/.default`;
}

/** The scope of Microsoft Graph. */
export const GRAPH_SCOPE = 'https://graph.microsoft.com/.default';

/** A token source for one scope of a credential; a credential that gives no token is an error, never an empty header. */
export function tokenSource(credential: TokenCredential, scope: string): () => Promise<string> {
  return async () => {
    const token = await credential.getToken(scope);
    if (!token?.token) throw new Error(`The credential gave no access token for ${scope}.`);
    return token.token;
  };
}
