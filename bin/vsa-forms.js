#!/usr/bin/env node
// Runs the TypeScript CLI (src/cli/vsa-forms.ts) through tsx: there is no build step before npx.
'use strict';
const path = require('path');
const { register } = require('tsx/cjs/api');

register();
const { main } = require(path.join(__dirname, '..', 'src', 'cli', 'vsa-forms.ts'));

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`vsa-forms: ${error && error.message ? error.message : String(error)}\n`);
    process.exitCode = 2;
  }
);
