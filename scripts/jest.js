#!/usr/bin/env node
/**
 * Runs jest through its API (`npm test`, `npm run test:unit` …), with the command-line arguments.
 *
 * Why not the `jest` binary: its launcher prefers a `jest-cli` found from the working directory
 * (import-local). When node_modules is a symlink to a shared install (git worktrees), that lookup
 * lands on the hoisted jest-cli 25 of SPFx's toolchain instead of jest 29, and every suite fails with
 * "Cannot read properties of undefined (reading 'testEnvironmentOptions')". `require('jest')`
 * resolves the project's own jest 29 in every layout.
 */
'use strict';
require('jest').run(process.argv.slice(2));
