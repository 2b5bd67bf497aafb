#!/usr/bin/env node
/**
 * Builds the command service (HTTP functions) and the scheduled job (timer `scheduledJobs`) for Azure
 * Functions (Node 22, v4 programming model) into dist/functions/:
 * one CommonJS bundle of src/functions/index.ts with everything it uses (domain, app, PnPjs, Graph,
 * jose, @azure/identity, @azure/functions), the host's `host.json` (extension bundle v4, route prefix
 * `api` as in `serviceRoutes`), and a `package.json` whose `main` is the bundle. Deploy the folder as
 * it is (zip deploy / `func azure functionapp publish`); it needs no `npm install`.
 *
 * `@azure/functions-core` stays external: the Functions Node worker provides it at run time, and
 * `@azure/functions` registers the HTTP functions through it.
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { buildSync } = require('esbuild');

const root = path.resolve(__dirname, '..');
/** Where the deployable app goes (ignored by git, like every build output). */
const functionsDir = path.join(root, 'dist', 'functions');
/** The bundle inside it. */
const bundleName = 'index.js';

/** `host.json` of the app: Functions runtime 4 with the extension bundle v4, HTTP routes under `/api`. */
const hostJson = {
  version: '2.0',
  extensionBundle: { id: 'Microsoft.Azure.Functions.ExtensionBundle', version: '[4.*, 5.0.0)' },
  extensions: { http: { routePrefix: 'api' } },
  logging: { logLevel: { default: 'Information' } }
};

/** Bundles the service and writes the app folder; returns the folder. */
function buildFunctions(outDir = functionsDir) {
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(outDir, { recursive: true });
  buildSync({
    entryPoints: [path.join(root, 'src', 'functions', 'index.ts')],
    outfile: path.join(outDir, bundleName),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: ['node22'],
    external: ['@azure/functions-core'],
    sourcemap: 'linked',
    legalComments: 'none',
    logLevel: 'warning'
  });
  const product = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const appPackage = {
    name: `${product.name}-service`,
    version: product.version,
    private: true,
    description: 'The trusted command service of Microdata Dossiers (Azure Functions, Node 22).',
    main: bundleName,
    engines: { node: '>=22 <23' }
  };
  fs.writeFileSync(path.join(outDir, 'package.json'), `${JSON.stringify(appPackage, null, 2)}\n`);
  fs.writeFileSync(path.join(outDir, 'host.json'), `${JSON.stringify(hostJson, null, 2)}\n`);
  // The trust anchors of signature verification travel with the app (a deployment adds its own .pem files there).
  fs.cpSync(path.join(root, 'config', 'trust'), path.join(outDir, 'config', 'trust'), { recursive: true });
  return outDir;
}

module.exports = { buildFunctions, functionsDir, bundleName, hostJson };

if (require.main === module) {
  const dir = buildFunctions();
  process.stdout.write(`command service built into ${path.relative(root, dir)}\n`);
}
