/**
 * The arguments of `npm run jobs` in one function, so that other sign-in options (`--auth …`) extend
 * it in one place. Pure: no I/O; `runJobsCli` (jobs.ts) acts on the result.
 */

/** Who the job acts as on the site. */
export type JobsIdentity =
  | { readonly kind: 'persona'; readonly email: string }
  | { readonly kind: 'token'; readonly sharePointToken: string; readonly graphToken: string };

/** A valid command line. */
export interface JobsOptions {
  readonly once: true;
  /** The moment the job runs for; default the current time. */
  readonly now?: string;
  readonly site: string;
  readonly identity: JobsIdentity;
  readonly mailbox: string;
  readonly registerUrl: string;
}

export type JobsArgs =
  | { readonly ok: true; readonly options: JobsOptions }
  | { readonly ok: false; readonly help: true }
  | { readonly ok: false; readonly help?: false; readonly error: string };

export const JOBS_USAGE = [
  'npm run jobs -- --once [--now <iso>] --site <url> (--user <e-mail> | --token <bearer> --graph-token <bearer>)',
  '                [--mailbox <address>] [--register-url <url>]',
  '',
  'Voert de geplande taak één keer uit: herinneringen, escalaties, het weekoverzicht, concepten aan',
  'aanvragers en de opvolging van de vernietiging. / Runs the scheduled job once.',
  '  --once          één keer uitvoeren (verplicht) / run once (required)',
  '  --now           het tijdstip waarvoor de taak loopt (ISO 8601) / the moment to run for',
  '  --site          de site, bv. http://localhost:4321/sites/microdata',
  '  --user          persona van de lokale tenant / local tenant persona (e.g. beheer@vsa.local)',
  '  --token         SharePoint-token (of SP_ACCESS_TOKEN) / SharePoint access token',
  '  --graph-token   Graph-token (of GRAPH_ACCESS_TOKEN) / Graph access token (with --token)',
  '  --mailbox       gedeelde mailbox die verstuurt / shared mailbox (default data-aanvragen@<domain of --user>)',
  '  --register-url  link in de herinneringen / the register page (default the site URL)',
  'Exit: 0 ok, 1 herinneringen of dossiers mislukt / some reminders failed, 2 verkeerd gebruik / bad usage.'
].join('\n');

const valued = new Set(['--now', '--site', '--user', '--token', '--graph-token', '--mailbox', '--register-url']);
const flags = new Set(['--once', '--help']);

function isUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** Parses the command line; `env` supplies SP_ACCESS_TOKEN and GRAPH_ACCESS_TOKEN. */
export function parseJobsArgs(args: readonly string[], env: Readonly<Record<string, string | undefined>> = {}): JobsArgs {
  const values = new Map<string, string>();
  const seen = new Set<string>();
  for (let index = 0; index < args.length; index++) {
    const arg = args[index];
    if (flags.has(arg)) {
      seen.add(arg);
      continue;
    }
    if (!valued.has(arg)) return { ok: false, error: `onbekend argument / unknown argument: ${arg}` };
    const value = args[index + 1];
    if (value === undefined || value.startsWith('--')) return { ok: false, error: `${arg}: geef een waarde / needs a value` };
    values.set(arg, value);
    index++;
  }
  if (seen.has('--help')) return { ok: false, help: true };
  if (!seen.has('--once')) return { ok: false, error: '--once ontbreekt / --once is required (the interval runs in npm start and Azure Functions)' };
  const site = values.get('--site');
  if (!site) return { ok: false, error: '--site ontbreekt / --site is required' };
  if (!isUrl(site)) return { ok: false, error: `--site: "${site}" is geen geldige URL / is not a valid URL` };
  const now = values.get('--now');
  if (now !== undefined && (!/^\d{4}-\d{2}-\d{2}T/.test(now) || Number.isNaN(Date.parse(now)))) {
    return { ok: false, error: `--now: "${now}" is geen ISO-tijdstip / is not an ISO date and time (e.g. 2026-03-11T08:00:00Z)` };
  }
  const user = values.get('--user');
  const token = values.get('--token') ?? env.SP_ACCESS_TOKEN;
  if (user && values.has('--token')) return { ok: false, error: 'geef --user of --token, niet beide / pass --user or --token, not both' };
  let identity: JobsIdentity;
  if (user) {
    if (!/^[^\s@]+@[^\s@]+$/.test(user)) return { ok: false, error: `--user: "${user}" is geen e-mailadres / is not an e-mail address` };
    identity = { kind: 'persona', email: user };
  } else if (token) {
    const graphToken = values.get('--graph-token') ?? env.GRAPH_ACCESS_TOKEN;
    if (!graphToken) return { ok: false, error: '--graph-token ontbreekt (nodig voor mail en Teams) / --graph-token is required with --token (mail and Teams)' };
    identity = { kind: 'token', sharePointToken: token, graphToken };
  } else {
    return { ok: false, error: 'geef --user (lokale tenant) of --token (SharePoint Online) / pass --user or --token' };
  }
  const mailbox = values.get('--mailbox') ?? (user ? `data-aanvragen@${user.split('@')[1]}` : undefined);
  if (!mailbox) return { ok: false, error: '--mailbox ontbreekt / --mailbox is required with --token' };
  const registerUrl = values.get('--register-url') ?? site;
  if (!isUrl(registerUrl)) return { ok: false, error: `--register-url: "${registerUrl}" is geen geldige URL / is not a valid URL` };
  return { ok: true, options: { once: true, ...(now ? { now: new Date(now).toISOString() } : {}), site, identity, mailbox, registerUrl } };
}

/** The exit code of a run: 0 all went well, 1 some reminders failed or dossiers could not be processed. */
export function jobsExitCode(report: { readonly failures: readonly unknown[]; readonly dossierFailures: readonly unknown[] }): 0 | 1 {
  return report.failures.length > 0 || report.dossierFailures.length > 0 ? 1 : 0;
}
