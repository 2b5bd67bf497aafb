#!/usr/bin/env node
/**
 * `npm run docs:screenshots`: runs the end-to-end tests with WRITE_SCREENSHOTS=1, so their screenshots
 * replace the guide's pictures in docs/screenshots/ (a plain `npm test` writes them to test-output/).
 * Extra arguments go to jest, e.g. `npm run docs:screenshots -- test/e2e/approvals.test.ts`.
 */
'use strict';
const { jestArguments } = require('./jest');

process.env.WRITE_SCREENSHOTS = '1';
require('jest').run(jestArguments(['--project=e2e', ...process.argv.slice(2)]));
