/**
 * `npm run register:export`: writes the public register of published protocols and addenda for the VSA
 * website — `register.html` (Dutch), `register.en.html`, `register.csv`, `register.json`,
 * `register.schema.json` and, unless `--no-pdfs`, the publication PDFs under `pdf/`.
 *
 *   npm run register:export -- --site http://localhost:4321 --out register-export
 *   npm run register:export -- --publication-base-url https://www.vlaanderen.be/.../protocollen/ --no-pdfs
 *
 * It reads the dossiers through the data layer (PnPjs), so it runs against the local tenant or any site
 * that mints tokens for a persona (`/_local/token`); production runs it from a machine with that access.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { failureDetail, formatFailure } from '../app/failures';
import { createNodeDataLayer } from '../composition/node';
import type { Dossier } from '../domain/types';
import {
  buildPublicRegister,
  registerCounts,
  registerJsonSchema,
  registerToCsv,
  registerToHtml,
  registerToJson
} from '../publication';
import { publicPdfFileName, publicStates } from '../publication/register';

/** The product's site on a tenant (the export takes the tenant's base URL). */
const PRODUCT_SITE_PATH = '/sites/microdata';

/** Options of one export run. */
export interface RegisterExportOptions {
  /** Base URL of the tenant, e.g. `http://localhost:4321`. */
  readonly baseUrl: string;
  /** Persona that reads the register. */
  readonly userEmail: string;
  readonly outDir: string;
  /** Public base URL of the PDFs; default `pdf/` next to the page (the copied files). */
  readonly publicationBaseUrl?: string;
  /** Copy the publication PDFs into `<out>/pdf` (default true). */
  readonly copyPdfs?: boolean;
  /** Time stamp of the export (tests); default now. */
  readonly now?: string;
}

/** What an export wrote. */
export interface RegisterExportReport {
  readonly files: readonly string[];
  readonly protocols: number;
  readonly addenda: number;
  readonly pdfs: number;
}

/** Every published or delivered dossier, replayed from its events. */
async function publishedDossiers(options: RegisterExportOptions): Promise<{ dossiers: Dossier[]; download: (d: Dossier, file: string) => Promise<Uint8Array> }> {
  const data = createNodeDataLayer(`${options.baseUrl}${PRODUCT_SITE_PATH}`, { persona: options.userEmail });
  const references: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await data.dossiers.readRegisterPage({ states: publicStates, pageSize: 500, orderBy: 'reference' }, cursor);
    references.push(...page.rows.map((row) => row.reference));
    cursor = page.nextCursor;
  } while (cursor);
  const dossiers: Dossier[] = [];
  for (const reference of references) {
    const loaded = await data.commands.load(reference);
    if (loaded.dossier) dossiers.push(loaded.dossier);
  }
  return { dossiers, download: (dossier, fileName) => data.documents.download(dossier.reference, fileName) };
}

/** Runs one export; returns the files written. */
export async function runRegisterExport(options: RegisterExportOptions): Promise<RegisterExportReport> {
  const outDir = resolve(options.outDir);
  const copyPdfs = options.copyPdfs ?? true;
  const { dossiers, download } = await publishedDossiers(options);
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
  return { files: files.map(([name]) => join(outDir, name)), protocols: counts.protocols, addenda: counts.addenda, pdfs };
}

/** Parses `--name value` and `--flag` arguments; unknown ones are an error with the usage. */
export function parseArguments(argv: readonly string[], env: Readonly<Record<string, string | undefined>> = {}): RegisterExportOptions {
  const usage = 'Gebruik (usage): npm run register:export -- [--site URL] [--user e-mail] [--out map] [--publication-base-url URL] [--no-pdfs]';
  const values: Record<string, string> = {};
  let copyPdfs = true;
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index];
    if (arg === '--no-pdfs') {
      copyPdfs = false;
      continue;
    }
    if (!['--site', '--user', '--out', '--publication-base-url'].includes(arg) || argv[index + 1] === undefined) throw new Error(`Onbekend of onvolledig argument "${arg}". ${usage}`);
    values[arg.slice(2)] = argv[++index];
  }
  // Accept the tenant's base URL or the site URL, as `npm run provision -- --site` takes it.
  const baseUrl = (values.site ?? env.LOCAL_TENANT_URL ?? `http://localhost:${env.PORT ?? '4321'}`).replace(/\/sites\/microdata\/?$/i, '').replace(/\/$/, '');
  if (!/^https?:\/\//.test(baseUrl)) throw new Error(`--site moet een http(s)-adres zijn, niet "${baseUrl}". ${usage}`);
  return {
    baseUrl,
    userEmail: values.user ?? 'beheer@vsa.local',
    outDir: values.out ?? 'register-export',
    publicationBaseUrl: values['publication-base-url'],
    copyPdfs
  };
}

async function main(): Promise<void> {
  const options = parseArguments(process.argv.slice(2), process.env);
  const report = await runRegisterExport(options);
  console.log(`Register geëxporteerd: ${report.protocols} protocollen, ${report.addenda} addenda, ${report.pdfs} PDF's → ${resolve(options.outDir)}`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(`register:export mislukt: ${formatFailure(error, 'nl')}\nregister:export failed: ${formatFailure(error, 'en')}\n  (${failureDetail(error)})`);
    process.exitCode = 1;
  });
}
