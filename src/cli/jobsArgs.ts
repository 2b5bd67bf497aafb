/**
 * The arguments of `npm run jobs` in one function. The sign-in arguments (`--user`, `--token`, `--auth
 * device-code | azure-cli | certificate` with `--tenant`, `--client-id`, `--certificate`) are the Node
 * tools' own (`parseSignIn`, src/composition/nodeCredentials.ts); this adds the job's. No I/O but the
 * certificate's readability check; `runJobsOnce` (jobs.ts) acts on the result.
 */
import { appPrincipalLogin, LOCAL_SERVICE_LOGIN } from '../composition/localTenantIdentity';
import { parseSignIn, SIGN_IN_USAGE, SignInError, type SignIn, type SignInParseDeps } from '../composition/nodeCredentials';
import { brusselsWallTimeToInstant } from '../domain/clocks/workingDays';

/** The local tenant's site, the default. */
export const LOCAL_JOBS_SITE = 'http://localhost:4321/sites/microdata';

/** A valid command line. */
export interface JobsOptions {
  readonly once: true;
  /** The moment the job runs for; default the current time. */
  readonly now?: string;
  readonly site: string;
  /** `none`: the local tenant's service principal (a loopback site only). */
  readonly signIn: SignIn;
  /** Graph token beside `--token` (a SharePoint token does not open Graph). */
  readonly graphToken?: string;
  readonly mailbox: string;
  readonly registerUrl: string;
  /**
   * Logins whose writes replay trusts (the command service's app principal), as the Functions and local
   * hosts pass them; absent only for `signIn.kind === 'none'` (the local host composes its own).
   */
  readonly trustedWriters?: readonly string[];
}

export type JobsArgs =
  | { readonly ok: true; readonly options: JobsOptions }
  | { readonly ok: false; readonly help: true }
  | { readonly ok: false; readonly help?: false; readonly error: string };

export const JOBS_USAGE = [
  'npm run jobs -- --once [--now <iso>] [--site <url>] [--user <e-mail> | --token <bearer> --graph-token <bearer> | --auth <methode/method> …]',
  '                [--mailbox <address>] [--register-url <url>] [--service-client-id <id> --service-tenant <id>]',
  '',
  'Voert de geplande taak één keer uit: herinneringen, escalaties, het weekoverzicht, concepten aan',
  'aanvragers en de opvolging van de vernietiging. / Runs the scheduled job once.',
  '  --once          één keer uitvoeren (verplicht) / run once (required)',
  '  --now           het tijdstip waarvoor de taak loopt (ISO 8601; zonder Z of offset: Brusselse tijd) / the moment to run for (ISO 8601; without Z or an offset: Brussels time; default now)',
  `  --site          de site / the site (default ${LOCAL_JOBS_SITE}, as the local service principal)`,
  ...SIGN_IN_USAGE,
  '  --graph-token   Graph-token bij --token, enkel daarbij (of GRAPH_ACCESS_TOKEN) / Graph token with --token only',
  '  --mailbox       gedeelde mailbox die verstuurt (of VSA_SHARED_MAILBOX) / shared mailbox',
  '                  (default locally data-aanvragen@vsa.local)',
  '  --register-url  link in de herinneringen / the register page',
  '  --service-client-id, --service-tenant',
  '                  app-registratie van de opdrachtendienst, wiens schrijfacties vertrouwd worden',
  '                  (of VSA_SERVICE_CLIENT_ID, VSA_TENANT_ID; bij --auth certificate standaard diens --client-id/--tenant)',
  '                  / the command service\'s app registration whose writes are trusted (default with --auth certificate: its own)',
  'Exit: 0 ok, 1 herinneringen of dossiers mislukt / some reminders failed, 2 verkeerd gebruik / bad usage.'
].join('\n');

const valued = new Set(['--now', '--site', '--graph-token', '--mailbox', '--register-url', '--service-client-id', '--service-tenant']);
const flags = new Set(['--once', '--help']);

function urlOf(value: string): URL | undefined {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}

const isLoopback = (url: URL): boolean => ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);

/** Parses the command line; `env` supplies SP_ACCESS_TOKEN, GRAPH_ACCESS_TOKEN, VSA_SHARED_MAILBOX, VSA_SERVICE_CLIENT_ID, VSA_TENANT_ID and VSA_CERTIFICATE_PASSWORD. */
export function parseJobsArgs(args: readonly string[], env: Readonly<Record<string, string | undefined>> = {}, deps: SignInParseDeps = {}): JobsArgs {
  if (args.includes('--help')) return { ok: false, help: true };
  let signIn: SignIn;
  let rest: readonly string[];
  try {
    ({ signIn, rest } = parseSignIn(args, env, deps));
  } catch (error) {
    if (error instanceof SignInError) return { ok: false, error: `${error.nl} / ${error.en}` };
    throw error;
  }
  const values = new Map<string, string>();
  const seen = new Set<string>();
  for (let index = 0; index < rest.length; index++) {
    const arg = rest[index];
    if (flags.has(arg)) {
      seen.add(arg);
      continue;
    }
    if (!valued.has(arg)) return { ok: false, error: `onbekend argument / unknown argument: ${arg}` };
    const value = rest[index + 1];
    if (value === undefined || value.startsWith('--')) return { ok: false, error: `${arg}: geef een waarde / needs a value` };
    values.set(arg, value);
    index++;
  }
  if (!seen.has('--once')) return { ok: false, error: '--once ontbreekt / --once is required (the interval runs in npm start and Azure Functions)' };
  const site = values.get('--site') ?? LOCAL_JOBS_SITE;
  const siteUrl = urlOf(site);
  if (!siteUrl) return { ok: false, error: `--site: "${site}" is geen geldige URL / is not a valid URL` };
  const nowArgument = values.get('--now');
  // With Z or an offset: that instant. Without: a Brussels wall-clock time or date (the VSA's time, the same on
  // every host; `Date.parse` would read the machine's zone).
  const now = nowArgument === undefined ? undefined
    : /(Z|[+-]\d{2}:?\d{2})$/i.test(nowArgument) && /^\d{4}-\d{2}-\d{2}T/.test(nowArgument) && !Number.isNaN(Date.parse(nowArgument))
      ? new Date(nowArgument).toISOString()
      : brusselsWallTimeToInstant(nowArgument);
  if (nowArgument !== undefined && now === undefined) {
    return { ok: false, error: `--now: "${nowArgument}" is geen ISO-datum of -tijdstip / is not an ISO date or date and time (e.g. 2026-03-11, 2026-03-11T08:00 in Brussels, 2026-03-11T08:00:00Z)` };
  }
  if (signIn.kind === 'none' && !isLoopback(siteUrl)) {
    return { ok: false, error: 'geef --auth, --token of --user voor een site buiten de lokale tenant / pass --auth, --token or --user for a site other than the local tenant' };
  }
  if (signIn.kind === 'persona' && !/^[^\s@]+@[^\s@]+$/.test(signIn.persona)) return { ok: false, error: `--user: "${signIn.persona}" is geen e-mailadres / is not an e-mail address` };
  // A Graph token is used only beside --token; given with another sign-in it would be silently ignored.
  if (values.has('--graph-token') && signIn.kind !== 'token') {
    return { ok: false, error: '--graph-token hoort bij --token (de andere aanmeldingen halen hun eigen Graph-token) / --graph-token belongs to --token (the other sign-ins get their own Graph token)' };
  }
  const graphToken = values.get('--graph-token') ?? env.GRAPH_ACCESS_TOKEN;
  if (signIn.kind === 'token' && !graphToken) return { ok: false, error: '--graph-token ontbreekt (nodig voor mail en Teams) / --graph-token is required with --token (mail and Teams)' };
  const localMailbox = signIn.kind === 'none' ? 'data-aanvragen@vsa.local' : signIn.kind === 'persona' ? `data-aanvragen@${signIn.persona.split('@')[1]}` : undefined;
  const mailbox = values.get('--mailbox') ?? env.VSA_SHARED_MAILBOX ?? localMailbox;
  if (!mailbox) return { ok: false, error: '--mailbox ontbreekt / --mailbox (or VSA_SHARED_MAILBOX) is required outside the local tenant' };
  const registerUrl = values.get('--register-url') ?? (isLoopback(siteUrl) ? `${siteUrl.origin}/workbench/register` : site);
  if (!urlOf(registerUrl)) return { ok: false, error: `--register-url: "${registerUrl}" is geen geldige URL / is not a valid URL` };
  // Replay trusts only the command service's writes (or an event's own actor), as the Functions and local hosts do:
  // an event written straight into the list must not drive reminders.
  let trustedWriters: readonly string[] | undefined;
  if (signIn.kind === 'persona') trustedWriters = [LOCAL_SERVICE_LOGIN];
  else if (signIn.kind !== 'none') {
    const own = signIn.kind === 'credential' && signIn.auth.method === 'certificate' ? signIn.auth : undefined;
    const serviceClientId = values.get('--service-client-id') ?? env.VSA_SERVICE_CLIENT_ID ?? own?.clientId;
    const serviceTenant = values.get('--service-tenant') ?? env.VSA_TENANT_ID ?? own?.tenantId;
    if (!serviceClientId || !serviceTenant) {
      return {
        ok: false,
        error:
          'geef --service-client-id en --service-tenant (of VSA_SERVICE_CLIENT_ID en VSA_TENANT_ID): de taak vertrouwt enkel de schrijfacties van de opdrachtendienst / ' +
          'pass --service-client-id and --service-tenant (or VSA_SERVICE_CLIENT_ID and VSA_TENANT_ID): the job trusts only the command service\'s writes'
      };
    }
    trustedWriters = [appPrincipalLogin(serviceClientId, serviceTenant)];
  }
  return {
    ok: true,
    options: {
      once: true,
      ...(now ? { now } : {}),
      site,
      signIn,
      ...(signIn.kind === 'token' && graphToken ? { graphToken } : {}),
      mailbox,
      registerUrl,
      ...(trustedWriters ? { trustedWriters } : {})
    }
  };
}

/** The exit code of a run: 0 all went well, 1 some reminders failed or dossiers could not be processed. */
export function jobsExitCode(report: { readonly failures: readonly unknown[]; readonly dossierFailures: readonly unknown[] }): 0 | 1 {
  return report.failures.length > 0 || report.dossierFailures.length > 0 ? 1 : 0;
}
