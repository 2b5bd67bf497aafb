/**
 * The rings of docs/architecture (../shared/design/architecture.md), checked on every import of every
 * file under src: per top-level folder, which other folders it may import and which packages. The pure
 * core (domain, forms, correspondence, publication) imports no platform; app adds ports and use cases
 * without React, PnPjs, Graph or SPFx; composition wires; ui renders what it is given; the hosts
 * (webparts, word, cli, local) sit outside.
 */
import { readdirSync, readFileSync, statSync } from 'fs';
import { builtinModules } from 'module';
import { dirname, join, relative, resolve, sep } from 'path';

const srcRoot = resolve(__dirname, '..', 'src');

/** The pure core: rules and data, no I/O. */
const core = ['domain', 'forms', 'correspondence', 'publication', 'signatures'] as const;

/**
 * Per folder: the folders it may import (besides itself). A `type:` entry allows type-only imports
 * (`import type …`), which vanish at run time: a host may name a port's type without depending on the
 * adapter.
 */
const allowedFolders: Readonly<Record<string, readonly string[]>> = {
  domain: [],
  forms: ['domain'],
  correspondence: ['domain', 'forms'],
  publication: ['domain', 'forms', 'correspondence'],
  // Signature verification and the publication version of a signed file: bytes in, data or bytes out.
  signatures: ['domain', 'forms'],
  data: [...core],
  app: ['data', ...core],
  ui: [...core],
  composition: ['app', 'data', ...core],
  webparts: ['composition', 'app', 'ui', 'type:data', ...core],
  word: ['composition', 'app', 'ui', 'type:data', ...core],
  cli: ['composition', 'app', 'type:data', ...core],
  // The local tenant emulates SharePoint from the product's own schema (data) and hosts the workbench
  // pages of the web parts and the Word task pane, and the command service's handlers under /api.
  local: ['composition', 'app', 'data', 'ui', 'webparts', 'word', 'functions', ...core],
  // The command service on Azure Functions: handlers over the use cases, deps from its composition root.
  functions: ['composition', 'app', 'type:data', ...core],
  // src/index.ts: the package's public entry.
  'index.ts': ['domain', 'forms', 'data', 'app', 'composition', 'correspondence', 'publication', 'signatures']
};

/** Packages a folder must not import (prefix match). */
/** Platform packages and every Node built-in module: the core runs in the browser, Word and Node alike. */
const nodeBuiltins = ['node:', ...builtinModules.filter((name) => !name.startsWith('_'))];
const platformPackages = ['react', 'react-dom', '@fluentui/', '@pnp/', '@microsoft/', '@azure/', 'office-', ...nodeBuiltins];
const forbiddenPackages: Readonly<Record<string, readonly string[]>> = {
  domain: platformPackages,
  forms: platformPackages,
  correspondence: platformPackages,
  publication: platformPackages,
  signatures: platformPackages,
  app: platformPackages,
  ui: ['@pnp/', '@microsoft/microsoft-graph-client', '@microsoft/sp-', '@azure/', ...nodeBuiltins]
};

/**
 * Packages only some folders may import: the Functions runtime belongs to the service's host (and the
 * composition root that mounts its handlers on the local tenant); the service's credential to the
 * composition roots.
 */
const restrictedPackages: Readonly<Record<string, readonly string[]>> = {
  '@azure/functions': ['functions', 'composition'],
  '@azure/identity': ['composition']
};

interface ImportStatement {
  readonly file: string;
  readonly specifier: string;
  readonly typeOnly: boolean;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

const importPattern = /(?:^|\n)\s*(import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]|import\(\s*(?:\/\*[^*]*\*\/\s*)?['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g;

function importsOf(file: string): ImportStatement[] {
  const text = readFileSync(file, 'utf8');
  const found: ImportStatement[] = [];
  for (const match of text.matchAll(importPattern)) {
    const specifier = match[3] ?? match[4] ?? match[5];
    if (specifier) found.push({ file, specifier, typeOnly: match[2] !== undefined });
  }
  return found;
}

const topFolderOf = (absolutePath: string): string => relative(srcRoot, absolutePath).split(sep)[0];

function violationsOf(statement: ImportStatement): string | undefined {
  const from = topFolderOf(statement.file);
  const where = `${relative(srcRoot, statement.file)} imports '${statement.specifier}'`;
  if (statement.specifier.startsWith('.')) {
    const target = topFolderOf(resolve(dirname(statement.file), statement.specifier));
    if (target === from) return undefined;
    const allowed = allowedFolders[from];
    if (!allowed) return `${where}: folder '${from}' has no ring in the architecture test`;
    if (allowed.includes(target)) return undefined;
    if (statement.typeOnly && allowed.includes(`type:${target}`)) return undefined;
    return `${where}: '${from}' may not import '${target}'`;
  }
  const restricted = Object.entries(restrictedPackages).find(([name]) => statement.specifier === name || statement.specifier.startsWith(`${name}/`));
  if (restricted && !restricted[1].includes(from)) return `${where}: only ${restricted[1].join(', ')} may import the package '${restricted[0]}'`;
  const forbidden = forbiddenPackages[from] ?? [];
  const hit = forbidden.find((prefix) => statement.specifier === prefix || statement.specifier.startsWith(prefix.endsWith('/') || prefix.endsWith('-') || prefix.endsWith(':') ? prefix : `${prefix}/`));
  return hit ? `${where}: '${from}' may not import the package '${statement.specifier}'` : undefined;
}

describe('architecture: the rings', () => {
  const files = sourceFiles(srcRoot);
  const statements = files.flatMap(importsOf);

  it('reads the whole source tree', () => {
    expect(files.length).toBeGreaterThan(200);
    expect(statements.length).toBeGreaterThan(1000);
  });

  it('every top-level folder of src has a ring', () => {
    const folders = readdirSync(srcRoot).filter((name) => statSync(join(srcRoot, name)).isDirectory() || name === 'index.ts');
    expect(folders.filter((folder) => !(folder in allowedFolders))).toEqual([]);
  });

  it('every import points inward', () => {
    expect(statements.map(violationsOf).filter((v): v is string => v !== undefined)).toEqual([]);
  });

  it('the checker itself refuses an outward import and a platform package in the core', () => {
    const file = join(srcRoot, 'domain', 'x.ts');
    expect(violationsOf({ file, specifier: '../data/ports', typeOnly: false })).toMatch(/'domain' may not import 'data'/);
    expect(violationsOf({ file, specifier: 'react', typeOnly: false })).toMatch(/package 'react'/);
    expect(violationsOf({ file, specifier: 'node:fs', typeOnly: false })).toMatch(/package 'node:fs'/);
    expect(violationsOf({ file, specifier: 'crypto', typeOnly: false })).toMatch(/package 'crypto'/);
    expect(violationsOf({ file, specifier: 'fflate', typeOnly: false })).toBeUndefined();
    expect(violationsOf({ file: join(srcRoot, 'ui', 'x.tsx'), specifier: '../app/failures', typeOnly: true })).toMatch(/'ui' may not import 'app'/);
    expect(violationsOf({ file: join(srcRoot, 'webparts', 'x.ts'), specifier: '../data/ports', typeOnly: true })).toBeUndefined();
    expect(violationsOf({ file: join(srcRoot, 'webparts', 'x.ts'), specifier: '../data/ports', typeOnly: false })).toMatch(/'webparts' may not import 'data'/);
    expect(violationsOf({ file: join(srcRoot, 'data', 'x.ts'), specifier: '@azure/identity', typeOnly: false })).toMatch(/only composition may import/);
    expect(violationsOf({ file: join(srcRoot, 'functions', 'x.ts'), specifier: '@azure/identity', typeOnly: false })).toMatch(/only composition may import/);
    expect(violationsOf({ file: join(srcRoot, 'app', 'x.ts'), specifier: '@azure/functions', typeOnly: true })).toMatch(/package '@azure\/functions'|only functions, composition/);
    expect(violationsOf({ file: join(srcRoot, 'functions', 'x.ts'), specifier: '@azure/functions', typeOnly: false })).toBeUndefined();
    expect(violationsOf({ file: join(srcRoot, 'functions', 'x.ts'), specifier: '../data/errors', typeOnly: false })).toMatch(/'functions' may not import 'data'/);
  });

  it('PnPjs roots, Graph clients and the command service are built only in composition roots', () => {
    const builders = [/\bspfi\(/, /Client\.init(WithMiddleware)?\(/, /new CommandService\(/];
    const outside = files
      .filter((file) => topFolderOf(file) !== 'composition')
      .flatMap((file) => {
        const text = readFileSync(file, 'utf8');
        return builders.filter((pattern) => pattern.test(text)).map((pattern) => `${relative(srcRoot, file)}: ${pattern.source}`);
      });
    expect(outside).toEqual([]);
  });
});
