#!/usr/bin/env node
/**
 * The SharePoint web parts' first load stays within its budget (docs/performance.md): after
 * `gulp bundle --ship`, the entry file of every bundle in config/config.json
 * (`dist/<bundle>_<hash>.js`, the script SharePoint loads before the web part renders; the `chunk.*`
 * files load on first use) must be at most 150 KB gzip (Node's zlib at its default level, a few hundred
 * bytes above `gzip -c`). `npm run package` checks it right after the bundle,
 * so CI fails on a web part over its budget; alone: `node scripts/bundle-budget.js` after a bundle.
 */
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

/** 150 KB gzip per web part entry. */
const BUDGET_BYTES = 150 * 1024;

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

/** The bundle names of an SPFx config (`config/config.json` → `bundles`). */
function bundleNames(configPath) {
  const config = JSON.parse(fs.readFileSync(configPath, 'utf8'));
  return Object.keys(config.bundles || {});
}

/**
 * The entry file of each bundle as the built manifests name it (`dist/<component id>.manifest.json`:
 * `loaderConfig.scriptResources[entryModuleId].path`), so files an earlier build left in `dist/` do not count.
 */
function entryFiles(distDir) {
  const entries = new Map();
  const files = fs.existsSync(distDir) ? fs.readdirSync(distDir) : [];
  for (const file of files.filter((name) => name.endsWith('.manifest.json'))) {
    const loader = JSON.parse(fs.readFileSync(path.join(distDir, file), 'utf8')).loaderConfig || {};
    const resource = (loader.scriptResources || {})[loader.entryModuleId];
    if (resource && resource.type === 'path') entries.set(loader.entryModuleId, resource.path);
  }
  return entries;
}

/**
 * Measures each bundle's entry in `distDir` against the budget. A bundle whose entry is not there (not
 * built, or no manifest names it) is a failure too: nothing unmeasured passes.
 */
function checkBundleBudgets(distDir, names, budgetBytes = BUDGET_BYTES) {
  const files = entryFiles(distDir);
  const entries = [];
  const failures = [];
  for (const name of names) {
    const file = files.get(name);
    if (!file || !fs.existsSync(path.join(distDir, file))) {
      failures.push(`${name}: no entry file in ${distDir} (${file ? `${file} is missing` : 'no manifest names it'}); run gulp bundle --ship first`);
      continue;
    }
    const bytes = fs.readFileSync(path.join(distDir, file));
    const entry = { bundle: name, file, bytes: bytes.length, gzipBytes: zlib.gzipSync(bytes).length };
    entries.push(entry);
    if (entry.gzipBytes > budgetBytes) {
      failures.push(`${name}: ${file} is ${kb(entry.gzipBytes)} gzip (${entry.gzipBytes} bytes), over the budget of ${kb(budgetBytes)}`);
    }
  }
  return { entries, failures, budgetBytes };
}

/** The report lines of a check. */
function formatReport(result) {
  return result.entries.map((entry) =>
    `  ${entry.bundle.padEnd(28)} ${kb(entry.gzipBytes).padStart(9)} gzip (${entry.gzipBytes} bytes; ${kb(entry.bytes)} raw), budget ${kb(result.budgetBytes)}`);
}

/** Checks `dist/` of the project at `root`; prints the sizes and returns whether all are within budget. */
function run(root = path.resolve(__dirname, '..'), out = process.stdout, err = process.stderr) {
  const result = checkBundleBudgets(path.join(root, 'dist'), bundleNames(path.join(root, 'config', 'config.json')));
  out.write(`Web part entries (first load, gzip):\n${formatReport(result).join('\n')}\n`);
  for (const failure of result.failures) err.write(`Bundle budget: ${failure}\n`);
  return result.failures.length === 0;
}

module.exports = { BUDGET_BYTES, bundleNames, checkBundleBudgets, entryFiles, formatReport, run };

if (require.main === module) {
  process.exit(run() ? 0 : 1);
}
