#!/usr/bin/env node
/**
 * Compiles the `vsa-forms` command line (src/cli/vsa-forms.ts and the forms engine it uses) into one
 * CommonJS file, bin/build/vsa-forms.js (ignored by git), that bin/vsa-forms.js loads. Runs as the
 * `prepare` script, so `npm install` and `npm ci` build it; the integration tests rebuild it first
 * (test/support/integration-setup.js) so they never check a stale copy.
 *
 * Why: transpiling the TypeScript at every start (tsx) was most of a `vsa-forms check` run. pdf-lib stays
 * external (required from node_modules by `publication` only, which is imported on use).
 */
'use strict';
const path = require('node:path');
const { buildSync } = require('esbuild');

const root = path.resolve(__dirname, '..');
/** The compiled command line, loaded by bin/vsa-forms.js. */
const cliOutfile = path.join(root, 'bin', 'build', 'vsa-forms.js');

/** Bundles the command line and its dependencies (xmldom, fflate) into `cliOutfile`. */
function buildCli() {
  buildSync({
    entryPoints: [path.join(root, 'src', 'cli', 'vsa-forms.ts')],
    outfile: cliOutfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: ['node22'],
    minifySyntax: true,
    minifyWhitespace: true,
    legalComments: 'none',
    logLevel: 'warning',
    // pdf-lib (a dependency) is loaded from node_modules by the one command that needs it
    // (`publication`, imported on use): bundled, parsing it made every start ~70 ms slower.
    external: ['pdf-lib']
  });
  return cliOutfile;
}

module.exports = { buildCli, cliOutfile };

if (require.main === module) {
  const file = buildCli();
  process.stdout.write(`vsa-forms compiled to ${path.relative(root, file)}\n`);
}
