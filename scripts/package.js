#!/usr/bin/env node
/**
 * `npm run package`: the SharePoint solution package (.sppkg), the Word add-in (dist/word) and the
 * Teams app zip. Each step is a separate script so a failure names the package that broke. The
 * SharePoint bundle's web part entries are checked against their gzip budget (`bundle-budget.js`).
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const gulp = path.join(root, 'node_modules', '.bin', 'gulp');

function run(label, command, args) {
  process.stdout.write(`\n== ${label}\n`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    process.stderr.write(`${label} failed (exit ${result.status}).\n`);
    process.exit(result.status || 1);
  }
}

run('SharePoint bundle', gulp, ['bundle', '--ship']);
// Each web part's entry (its first load) must stay within 150 KB gzip (docs/performance.md).
process.stdout.write('\n== SharePoint bundle budget\n');
if (!require('./bundle-budget').run(root)) {
  process.stderr.write('SharePoint bundle budget failed: a web part loads more than its budget before the first render.\n');
  process.exit(1);
}
run('SharePoint package', gulp, ['package-solution', '--ship']);

run('Word add-in', path.join(root, 'node_modules', '.bin', 'tsx'), ['scripts/package-word.ts']);
run('Teams app', path.join(root, 'node_modules', '.bin', 'tsx'), ['scripts/package-teams.ts']);

const sppkg = path.join(root, 'sharepoint', 'solution', 'microdata-dossiers.sppkg');
if (!fs.existsSync(sppkg)) {
  process.stderr.write(`Expected ${path.relative(root, sppkg)} after packaging, but it is missing.\n`);
  process.exit(1);
}
process.stdout.write(`\nPackages written: ${path.relative(root, sppkg)}\n`);
