#!/usr/bin/env node
// Runs the compiled command line (bin/build/vsa-forms.js, built from src/cli/vsa-forms.ts by
// scripts/build-cli.js during `npm install`): plain JavaScript starts in a fraction of the time tsx
// needed to transpile the TypeScript at every start.
'use strict';
const path = require('path');

// Node 22 keeps V8's compiled code of the bundle on disk (in the OS temp folder), so later starts
// skip compiling it again.
const nodeModule = require('module');
if (typeof nodeModule.enableCompileCache === 'function') nodeModule.enableCompileCache();

const compiled = path.join(__dirname, 'build', 'vsa-forms.js');
let cli;
try {
  cli = require(compiled);
} catch (error) {
  if (error && error.code === 'MODULE_NOT_FOUND' && String(error.message).includes(compiled)) {
    process.stderr.write(
      `vsa-forms: ${path.relative(process.cwd(), compiled) || compiled} is missing. Run \`npm install\` (or \`node scripts/build-cli.js\`) in the project folder to build it.\n`
    );
    process.exit(2);
  }
  throw error;
}

cli.main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`vsa-forms: ${error && error.message ? error.message : String(error)}\n`);
    process.exitCode = 2;
  }
);
