#!/usr/bin/env node
/**
 * Runs jest through its API (`npm test`, `npm run test:unit` …) with the command-line arguments.
 * `--project=<name>` as the first argument runs one jest project (unit, integration, e2e); it is passed
 * to jest as `--selectProjects <name>` at the END, because that option takes every following word as a
 * project name and would swallow test paths such as `npm run test:unit -- test/domain`.
 *
 * Why not the `jest` binary: its launcher prefers a `jest-cli` found from the working directory
 * (import-local). When node_modules is a symlink to a shared install (git worktrees), that lookup
 * lands on the hoisted jest-cli 25 of SPFx's toolchain instead of jest 29, and every suite fails with
 * "Cannot read properties of undefined (reading 'testEnvironmentOptions')". `require('jest')`
 * resolves the project's own jest 29 in every layout.
 */
'use strict';

/** Jest's arguments for this command line. */
function jestArguments(argv) {
  const [first, ...rest] = argv;
  const project = first && first.startsWith('--project=') ? first.slice('--project='.length) : undefined;
  return project ? [...rest, '--selectProjects', project] : argv;
}

module.exports = { jestArguments };

if (require.main === module) require('jest').run(jestArguments(process.argv.slice(2)));
