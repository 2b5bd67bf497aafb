/**
 * `npm run register:export`: writes the public register of published protocols and addenda for the VSA
 * website — `register.html` (Dutch), `register.en.html`, `register.csv`, `register.json`,
 * `register.schema.json` and, unless `--no-pdfs`, the publication PDFs under `pdf/`. Per protocol: its
 * surveys and waves, purposes, research type, the end date and the scope in force after its published
 * addenda (each item with its instrument); per addendum what it changed.
 *
 *   npm run register:export -- --site http://localhost:4321 --out register-export
 *   npm run register:export -- --publication-base-url https://www.vlaanderen.be/.../protocollen/ --no-pdfs
 *
 * It reads the dossiers through the data layer (PnPjs): against the local tenant as a persona (`--user`),
 * against SharePoint Online signed in with `--auth device-code | azure-cli | certificate` (`@azure/identity`,
 * `src/composition/nodeCredentials.ts`) or with an access token obtained elsewhere (`--token`).
 *
 * The dossiers come from the event log (every dossier with a `Published` event, replayed), never from
 * the mutable `DossierState` column. A dossier that cannot be read (an unreadable or forged event) is
 * skipped and listed on stderr with its reason; the others are exported. Exit codes: 0 = exported
 * (possibly with skipped dossiers, listed on stderr), 1 = nothing exported (no access, site unreachable,
 * bad arguments, files not writable).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { failureDetail, formatFailure } from '../app/failures';
import type { DataLayerOptions } from '../composition/dataLayer';
import { createNodeDataLayer, type NodeIdentity } from '../composition/node';
import { nodeIdentityOf, parseSignIn, SIGN_IN_USAGE, SignInError, type CredentialFactory, type SignInParseDeps } from '../composition/nodeCredentials';
import type { Dossier } from '../domain/types';
import {
  buildPublicRegister,
  registerCounts,
  registerJsonSchema,
  registerToCsv,
  registerToHtml,
  registerToJson
} from '../publication';
import { publicPdfFileName } from '../publication/register';

/** The product's site on a tenant (the export takes the tenant's base URL). */
const PRODUCT_SITE_PATH = '/sites/microdata';

/** Options of one export run. */
export interface RegisterExportOptions {
  /** Base URL of the tenant, e.g. `http://localhost:4321`. */
  readonly baseUrl: string;
  /** Persona that reads the register (the local tenant), unless `identity` is given. */
  readonly userEmail: string;
  /** Who reads the register on SharePoint Online (`--auth`, `--token`); replaces `userEmail`. */
  readonly identity?: NodeIdentity;
  readonly outDir: string;
  /** Public base URL of the PDFs; default `pdf/` next to the page (the copied files). */
  readonly publicationBaseUrl?: string;
  /** Copy the publication PDFs into `<out>/pdf` (default true). */
  readonly copyPdfs?: boolean;
  /** Time stamp of the export (tests); default now. */
  readonly now?: string;
  /** Logins of the writers replay trusts (the command service's app principal); see `ReplayTrust`. */
  readonly trustedWriters?: DataLayerOptions['trustedWriters'];
}

/** A dossier the export left out because it could not be read. */
export interface SkippedDossier {
  readonly reference: string;
  /** `DataError` code (or `failure.unknown`) and its technical English message; no personal data. */
  readonly code: string;
  readonly reason: string;
}

/** What an export wrote. */
export interface RegisterExportReport {
  readonly files: readonly string[];
  readonly protocols: number;
  readonly addenda: number;
  readonly pdfs: number;
  /** Dossiers with a `Published` event that could not be read, in reference order. */
  readonly skipped: readonly SkippedDossier[];
  /** Dossiers exported as the log says, with something an operator should know (ignored pending events). */
  readonly notices: readonly SkippedDossier[];
}

/** What a failed load says about itself, for the skipped list. */
function skippedOf(reference: string, error: unknown): SkippedDossier {
  const code = typeof (error as { code?: unknown })?.code === 'string' ? String((error as { code: string }).code) : 'failure.unknown';
  return { reference, code, reason: failureDetail(error) };
}

/**
 * Every dossier with a `Published` event in the log, replayed from its events: the log is the truth, so
 * a deleted `Dossiers` item or a rewritten state neither hides a published dossier nor adds one. Only
 * the load of a single dossier is allowed to fail (skipped and reported); a failure to read the log's
 * index itself ends the export.
 */
async function publishedDossiers(
  options: RegisterExportOptions
): Promise<{ dossiers: Dossier[]; skipped: SkippedDossier[]; notices: SkippedDossier[]; download: (d: Dossier, file: string) => Promise<Uint8Array> }> {
  const data = createNodeDataLayer(`${options.baseUrl}${PRODUCT_SITE_PATH}`, options.identity ?? { persona: options.userEmail }, { trustedWriters: options.trustedWriters });
  const references = await data.events.referencesWithEvent('Published');
  const dossiers: Dossier[] = [];
  const skipped: SkippedDossier[] = [];
  const notices: SkippedDossier[] = [];
  for (const reference of references) {
    try {
      const loaded = await data.commands.load(reference);
      if (!loaded.dossier) {
        skipped.push({ reference, code: 'data.error.notFound', reason: 'The event log names this dossier but replays no dossier from it.' });
        continue;
      }
      dossiers.push(loaded.dossier);
      // Exported as the log says; the hand-edited write-ahead events it ignored are reported (not skipped).
      if (loaded.ignoredPendingEvents?.length) {
        notices.push({ reference, code: 'app.error.ignoredPendingEvents', reason: `pending events not written by the service were ignored: ${loaded.ignoredPendingEvents.join(', ')}` });
      }
    } catch (error) {
      skipped.push(skippedOf(reference, error));
    }
  }
  return { dossiers, skipped, notices, download: (dossier, fileName) => data.documents.download(dossier.reference, fileName) };
}

/** Runs one export; returns the files written. */
export async function runRegisterExport(options: RegisterExportOptions): Promise<RegisterExportReport> {
  const outDir = resolve(options.outDir);
  const copyPdfs = options.copyPdfs ?? true;
  const { dossiers, skipped, notices, download } = await publishedDossiers(options);
  const register = buildPublicRegister(dossiers, {
    generatedAt: options.now ?? new Date().toISOString(),
    publicationBaseUrl: options.publicationBaseUrl ?? (copyPdfs ? 'pdf/' : undefined)
  });
  await mkdir(outDir, { recursive: true });
  const files: [string, string | Uint8Array][] = [
    ['register.html', registerToHtml(register, 'nl')],
    ['register.en.html', registerToHtml(register, 'en')],
    ['register.csv', registerToCsv(register)],
    ['register.json', registerToJson(register)],
    ['register.schema.json', `${JSON.stringify(registerJsonSchema, null, 2)}\n`]
  ];
  let pdfs = 0;
  if (copyPdfs) {
    await mkdir(join(outDir, 'pdf'), { recursive: true });
    const visible = new Set(register.protocols.flatMap((p) => [p.number, ...p.addenda.map((a) => a.number)]));
    for (const dossier of dossiers) {
      const number = dossier.addendumNumber ?? dossier.protocolNumber;
      const document = dossier.documents.find((doc) => doc.id === dossier.publication?.publicationDocumentId);
      if (!number || !visible.has(number) || !document) continue;
      files.push([join('pdf', publicPdfFileName(dossier, document.fileName)), await download(dossier, document.fileName)]);
      pdfs++;
    }
  }
  for (const [name, content] of files) await writeFile(join(outDir, name), content);
  const counts = registerCounts(register);
  return { files: files.map(([name]) => join(outDir, name)), protocols: counts.protocols, addenda: counts.addenda, pdfs, skipped, notices };
}

/** The usage and exit codes (`--help`). */
export const USAGE = [
  'Gebruik (usage): npm run register:export -- [--site URL] [--user e-mail | --token bearer | --auth methode/method …] [--out map]',
  '                 [--publication-base-url URL] [--no-pdfs] [--trusted-writer LOGIN]...',
  '',
  'Aanmelden (sign-in; default --user beheer@vsa.local on the local tenant):',
  ...SIGN_IN_USAGE,
  '',
  '  --trusted-writer LOGIN  aanmeldnaam van de opdrachtendienst (i:0i.t|ms.sp.ext|<appId>@<tenantId>); dan worden',
  '                          vervalste gebeurtenissen geweigerd / the command service\'s login; forged events are then refused',
  '',
  'Exporteert het publieke register (HTML nl/en, CSV, JSON + schema, PDF\'s) uit het gebeurtenissenlogboek:',
  'elk dossier met een gebeurtenis Published wordt opnieuw afgespeeld.',
  'Exports the public register from the event log: every dossier with a Published event is replayed.',
  '',
  'Onleesbare dossiers worden overgeslagen en op stderr vermeld (referentie, code, reden).',
  'Unreadable dossiers are skipped and listed on stderr (reference, code, reason).',
  '',
  'Afsluitcodes (exit codes):',
  '  0  geëxporteerd, eventueel met overgeslagen dossiers (zie stderr) / exported, possibly with skipped dossiers',
  '  1  niets geëxporteerd: geen toegang, site onbereikbaar, ongeldige argumenten of map niet schrijfbaar /',
  '     nothing exported: no access, site unreachable, invalid arguments or folder not writable',
  '  2  ongeldige aanmeldargumenten (--auth, --tenant, --client-id, --certificate) / invalid sign-in arguments'
].join('\n');

/**
 * Parses `--name value` and `--flag` arguments; unknown ones are an error with the usage. The sign-in
 * arguments go through `parseSignIn` (a `SignInError`, exit code 2, on a bad combination).
 */
export function parseArguments(
  allArguments: readonly string[],
  env: Readonly<Record<string, string | undefined>> = {},
  deps: SignInParseDeps & { readonly credentials?: CredentialFactory } = {}
): RegisterExportOptions {
  const usage = USAGE.split('\n')[0];
  const { signIn, rest: argv } = parseSignIn(allArguments, env, deps);
  const identity = signIn.kind === 'token' || signIn.kind === 'credential' ? nodeIdentityOf(signIn, deps.credentials) : undefined;
  const values: Record<string, string> = {};
  const trustedWriters: string[] = [];
  let copyPdfs = true;
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index];
    if (arg === '--no-pdfs') {
      copyPdfs = false;
      continue;
    }
    if (arg === '--trusted-writer' && argv[index + 1] !== undefined) {
      trustedWriters.push(argv[++index]);
      continue;
    }
    if (!['--site', '--out', '--publication-base-url'].includes(arg) || argv[index + 1] === undefined) throw new Error(`Onbekend of onvolledig argument "${arg}". ${usage}`);
    values[arg.slice(2)] = argv[++index];
  }
  // Accept the tenant's base URL or the site URL, as `npm run provision -- --site` takes it.
  const baseUrl = (values.site ?? env.LOCAL_TENANT_URL ?? `http://localhost:${env.PORT ?? '4321'}`).replace(/\/sites\/microdata\/?$/i, '').replace(/\/$/, '');
  if (!/^https?:\/\//.test(baseUrl)) throw new Error(`--site moet een http(s)-adres zijn, niet "${baseUrl}". ${usage}`);
  return {
    baseUrl,
    userEmail: signIn.kind === 'persona' ? signIn.persona : 'beheer@vsa.local',
    ...(identity ? { identity } : {}),
    outDir: values.out ?? 'register-export',
    publicationBaseUrl: values['publication-base-url'],
    copyPdfs,
    ...(trustedWriters.length > 0 ? { trustedWriters } : {})
  };
}

/** The stderr lines of the skipped dossiers (reference, code and technical reason; no personal data). */
export function skippedLines(skipped: readonly SkippedDossier[]): string[] {
  return skipped.map((entry) => `overgeslagen (skipped): ${entry.reference} — ${entry.reason}`);
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(USAGE);
    return;
  }
  const options = parseArguments(argv, process.env);
  const report = await runRegisterExport(options);
  for (const line of skippedLines(report.skipped)) console.error(line);
  for (const notice of report.notices) console.error(`melding (notice): ${notice.reference} — ${notice.reason}`);
  console.log(
    `Register geëxporteerd: ${report.protocols} protocollen, ${report.addenda} addenda, ${report.pdfs} PDF's, ${report.skipped.length} overgeslagen → ${resolve(options.outDir)}`
  );
}

if (require.main === module) {
  main().catch((error: unknown) => {
    if (error instanceof SignInError) {
      console.error(error.message);
      process.exitCode = error.exitCode;
      return;
    }
    console.error(`register:export mislukt: ${formatFailure(error, 'nl')}\nregister:export failed: ${formatFailure(error, 'en')}\n  (${failureDetail(error)})`);
    process.exitCode = 1;
  });
}
