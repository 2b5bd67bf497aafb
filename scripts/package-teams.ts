/**
 * Builds the Teams app package (manifest + localization + icons) for the approvals tab next to the
 * .sppkg, and checks it offline: the fields the declared manifest schema requires, the icon sizes
 * (color 192x192, outline 32x32 PNG), and that the tab URLs point at the approvals web part.
 *
 *   npx tsx scripts/package-teams.ts                    build + offline checks (run by `npm run package`)
 *   npx tsx scripts/package-teams.ts --validate-online  also validate against the schema downloaded
 *                                                       from developer.microsoft.com (needs internet)
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import JSZip from 'jszip';

const root = path.resolve(__dirname, '..');

/** Where the sources and the output live; overridable for tests. */
export interface TeamsPackagePaths {
  readonly teamsDir: string;
  readonly webPartManifest: string;
  readonly outputZip: string;
}

/** The paths used by `npm run package`. */
export const defaultTeamsPackagePaths: TeamsPackagePaths = {
  teamsDir: path.join(root, 'teams'),
  webPartManifest: path.join(root, 'src', 'webparts', 'approvals', 'ApprovalsWebPart.manifest.json'),
  outputZip: path.join(root, 'sharepoint', 'solution', 'microdata-dossiers-approvals-teams.zip')
};

/** The manifest file name inside `teams/` and inside the zip (fixed by Teams). */
export const teamsManifestFileName = 'manifest.json';

type Json = Record<string, unknown>;

/** Reads a JSON file that may carry SPFx-style `//` comments (web part manifests do). */
export function readJsonWithComments(file: string): Json {
  return JSON.parse(stripLineComments(fs.readFileSync(file, 'utf8'))) as Json;
}

/** Removes `//` comments outside JSON strings (URLs inside strings keep their `//`). */
export function stripLineComments(text: string): string {
  let output = '';
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (inString) {
      output += char;
      if (char === '\\') output += text[++index] ?? '';
      else if (char === '"') inString = false;
    } else if (char === '"') {
      inString = true;
      output += char;
    } else if (char === '/' && text[index + 1] === '/') {
      while (index < text.length && text[index] !== '\n') index++;
      output += '\n';
    } else output += char;
  }
  return output;
}

/** Width and height of a PNG, or undefined when the bytes are not a PNG. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } | undefined {
  const signature = [137, 80, 78, 71, 13, 10, 26, 10];
  if (bytes.length < 24 || signature.some((value, index) => bytes[index] !== value)) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const chunkType = String.fromCharCode(bytes[12], bytes[13], bytes[14], bytes[15]);
  if (chunkType !== 'IHDR') return undefined;
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** The minimum the schema (any version ≥ 1.5) requires at the top level. */
const requiredTopLevel = ['manifestVersion', 'version', 'id', 'developer', 'name', 'description', 'icons', 'accentColor'];

function get(object: unknown, dotted: string): unknown {
  return dotted.split('.').reduce<unknown>((value, key) => (value && typeof value === 'object' ? (value as Json)[key] : undefined), object);
}

/**
 * Checks a packaged Teams app offline. Returns every problem found (empty = fine), so a broken
 * package names all its defects at once.
 */
export async function checkTeamsPackage(zipBytes: Uint8Array, webPartId: string): Promise<string[]> {
  const problems: string[] = [];
  const zip = await JSZip.loadAsync(zipBytes);
  const manifestFile = zip.file(teamsManifestFileName);
  if (!manifestFile) return [`${teamsManifestFileName} is missing at the root of the zip`];
  let manifest: Json;
  try {
    manifest = JSON.parse(await manifestFile.async('string')) as Json;
  } catch (error) {
    return [`${teamsManifestFileName} is not valid JSON: ${(error as Error).message}`];
  }
  for (const field of requiredTopLevel) {
    if (manifest[field] === undefined) problems.push(`required field "${field}" is missing`);
  }
  const schemaUrl = String(manifest.$schema ?? '');
  const schemaVersion = /\/teams\/v(\d+\.\d+)\//.exec(schemaUrl)?.[1];
  if (!schemaVersion) problems.push(`$schema "${schemaUrl}" is not a Teams manifest schema URL`);
  else if (schemaVersion !== manifest.manifestVersion) {
    problems.push(`manifestVersion ${String(manifest.manifestVersion)} does not match the $schema version ${schemaVersion}`);
  }
  for (const field of ['developer.name', 'developer.websiteUrl', 'developer.privacyUrl', 'developer.termsOfUseUrl', 'name.short', 'description.short', 'description.full']) {
    const value = get(manifest, field);
    if (typeof value !== 'string' || value.length === 0) problems.push(`required field "${field}" is missing or empty`);
  }
  const shortName = get(manifest, 'name.short');
  if (typeof shortName === 'string' && shortName.length > 30) problems.push('name.short is longer than 30 characters');
  const shortDescription = get(manifest, 'description.short');
  if (typeof shortDescription === 'string' && shortDescription.length > 80) problems.push('description.short is longer than 80 characters');
  if (!/^#[0-9a-fA-F]{6}$/.test(String(manifest.accentColor ?? ''))) problems.push('accentColor is not a #RRGGBB colour');
  if (String(manifest.id ?? '').toLowerCase() !== webPartId.toLowerCase()) {
    problems.push(`app id ${String(manifest.id)} differs from the web part id ${webPartId}`);
  }
  problems.push(...(await iconProblems(zip, manifest)));
  problems.push(...tabProblems(manifest, webPartId));
  problems.push(...(await localizationProblems(zip, manifest)));
  return problems;
}

async function iconProblems(zip: JSZip, manifest: Json): Promise<string[]> {
  const problems: string[] = [];
  const expected: Record<string, number> = { color: 192, outline: 32 };
  for (const [kind, size] of Object.entries(expected)) {
    const name = get(manifest, `icons.${kind}`);
    const file = typeof name === 'string' ? zip.file(name) : null;
    if (!file) {
      problems.push(`icon "${kind}" (${String(name)}) is missing from the zip`);
      continue;
    }
    const dimensions = pngSize(await file.async('uint8array'));
    if (!dimensions) problems.push(`icon "${kind}" is not a PNG`);
    else if (dimensions.width !== size || dimensions.height !== size) {
      problems.push(`icon "${kind}" is ${dimensions.width}x${dimensions.height}, expected ${size}x${size}`);
    }
  }
  return problems;
}

function tabProblems(manifest: Json, webPartId: string): string[] {
  const problems: string[] = [];
  const componentParameter = `componentId=${webPartId}`;
  const configurable = (manifest.configurableTabs as Json[] | undefined) ?? [];
  const statics = (manifest.staticTabs as Json[] | undefined) ?? [];
  if (configurable.length === 0) problems.push('no configurable tab (TeamsTab) declared');
  if (statics.length === 0) problems.push('no static tab (TeamsPersonalApp) declared');
  for (const tab of configurable) {
    if (!String(tab.configurationUrl ?? '').includes(componentParameter)) problems.push('a configurable tab does not open the approvals web part');
  }
  for (const tab of statics) {
    if (!String(tab.contentUrl ?? '').includes(componentParameter)) problems.push(`static tab "${String(tab.entityId)}" does not open the approvals web part`);
  }
  const activityTypes = (get(manifest, 'activities.activityTypes') as Json[] | undefined) ?? [];
  if (activityTypes.length > 0 && !get(manifest, 'webApplicationInfo.id')) {
    problems.push('activity types need webApplicationInfo.id (sendActivityNotification)');
  }
  return problems;
}

async function localizationProblems(zip: JSZip, manifest: Json): Promise<string[]> {
  const languages = (get(manifest, 'localizationInfo.additionalLanguages') as Json[] | undefined) ?? [];
  const problems: string[] = [];
  for (const language of languages) {
    const file = zip.file(String(language.file));
    if (!file) problems.push(`localization file ${String(language.file)} is missing from the zip`);
    else {
      try {
        JSON.parse(await file.async('string'));
      } catch {
        problems.push(`localization file ${String(language.file)} is not valid JSON`);
      }
    }
  }
  return problems;
}

/** The files that go into the zip: the manifest, its localization files and its two icons. */
export function teamsPackageEntries(paths: TeamsPackagePaths): string[] {
  const manifest = readJsonWithComments(path.join(paths.teamsDir, teamsManifestFileName));
  const localizations = ((get(manifest, 'localizationInfo.additionalLanguages') as Json[] | undefined) ?? []).map((l) => String(l.file));
  return [teamsManifestFileName, ...localizations, String(get(manifest, 'icons.color')), String(get(manifest, 'icons.outline'))];
}

/** Builds the zip in memory (deterministic dates so identical inputs give identical bytes). */
export async function buildTeamsPackage(paths: TeamsPackagePaths = defaultTeamsPackagePaths): Promise<Uint8Array> {
  const zip = new JSZip();
  const fixedDate = new Date(Date.UTC(2026, 0, 1));
  for (const entry of teamsPackageEntries(paths)) {
    const source = path.join(paths.teamsDir, entry);
    if (!fs.existsSync(source)) throw new Error(`teams/${entry} is referenced by the manifest but does not exist`);
    zip.file(entry, fs.readFileSync(source), { date: fixedDate });
  }
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** Reads the approvals web part id from its SPFx manifest. */
export function approvalsWebPartId(paths: TeamsPackagePaths = defaultTeamsPackagePaths): string {
  return String(readJsonWithComments(paths.webPartManifest).id);
}

/** The schema files of `@microsoft/app-manifest`, which bundles every Teams manifest schema version. */
export function bundledSchemaFile(manifestVersion: string): string {
  const packageDir = path.dirname(require.resolve('@microsoft/app-manifest/package.json'));
  return path.join(packageDir, 'build', 'json-schemas', 'teams', `v${manifestVersion}`, 'MicrosoftTeams.schema.json');
}

/**
 * Validates the manifest against the schema of the version it declares: offline with the copy bundled
 * in `@microsoft/app-manifest`, or (`online`) with the schema downloaded from its `$schema` URL.
 * Uses ajv 6 directly because the package's own validator pulls an ESM-only dependency jest cannot load.
 */
export async function schemaProblems(manifest: Json, online = false): Promise<string[]> {
  let schema: Json;
  if (online) {
    const response = await fetch(String(manifest.$schema));
    if (!response.ok) throw new Error(`Could not download ${String(manifest.$schema)}: HTTP ${response.status}`);
    schema = (await response.json()) as Json;
  } else {
    const file = bundledSchemaFile(String(manifest.manifestVersion));
    if (!fs.existsSync(file)) return [`no bundled schema for manifestVersion ${String(manifest.manifestVersion)}`];
    schema = JSON.parse(fs.readFileSync(file, 'utf8')) as Json;
  }
  return validateWithAjv(schema, manifest);
}

/** Validates one JSON document against a draft-04 schema; every error as `<path> <message> <params>`. */
function validateWithAjv(schema: Json, document: unknown): string[] {
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const Ajv = require('ajv');
  // logger off: draft-04 ignores keywords beside $ref, which ajv would report as console noise.
  const ajv = new Ajv({ schemaId: 'auto', allErrors: true, unknownFormats: 'ignore', logger: false });
  ajv.addMetaSchema(require('ajv/lib/refs/json-schema-draft-04.json'));
  const validate = ajv.compile(schema);
  if (validate(document)) return [];
  return (validate.errors as { dataPath: string; message: string; params: unknown }[]).map(
    (error) => `${error.dataPath || '/'} ${error.message} ${JSON.stringify(error.params)}`
  );
}

/** Validates every localization file the manifest lists against the bundled localization schema. */
export function localizationSchemaProblems(manifest: Json, teamsDir: string): string[] {
  const file = bundledSchemaFile(String(manifest.manifestVersion)).replace(/MicrosoftTeams\.schema\.json$/, 'MicrosoftTeams.Localization.schema.json');
  if (!fs.existsSync(file)) return [`no bundled localization schema for manifestVersion ${String(manifest.manifestVersion)}`];
  const schema = JSON.parse(fs.readFileSync(file, 'utf8')) as Json;
  const languages = (get(manifest, 'localizationInfo.additionalLanguages') as Json[] | undefined) ?? [];
  return languages.flatMap((language) => {
    const name = String(language.file);
    const document = JSON.parse(fs.readFileSync(path.join(teamsDir, name), 'utf8')) as unknown;
    return validateWithAjv(schema, document).map((problem) => `${name}: ${problem}`);
  });
}

async function main(argv: readonly string[]): Promise<number> {
  const paths = defaultTeamsPackagePaths;
  const bytes = await buildTeamsPackage(paths);
  const webPartId = approvalsWebPartId(paths);
  const problems = await checkTeamsPackage(bytes, webPartId);
  const manifest = readJsonWithComments(path.join(paths.teamsDir, teamsManifestFileName));
  problems.push(...(await schemaProblems(manifest, argv.includes('--validate-online'))).map((p) => `schema: ${p}`));
  problems.push(...localizationSchemaProblems(manifest, paths.teamsDir).map((p) => `schema: ${p}`));
  if (problems.length > 0) {
    process.stderr.write(`Teams app package has problems:\n${problems.map((p) => `  - ${p}`).join('\n')}\n`);
    return 1;
  }
  fs.mkdirSync(path.dirname(paths.outputZip), { recursive: true });
  fs.writeFileSync(paths.outputZip, bytes);
  process.stdout.write(`Teams app package written: ${path.relative(root, paths.outputZip)} (${bytes.length} bytes)\n`);
  return 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`Teams packaging failed: ${(error as Error).message}\n`);
      process.exit(1);
    }
  );
}
