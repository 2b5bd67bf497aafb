/**
 * Three jest projects; `npm test` runs all of them (after the type check), `--selectProjects` one:
 *
 * - `unit` (`npm run test:unit`): pure tests that start no local tenant, browser, LibreOffice or child
 *   process (domain, forms, app, adapters against fakes, React components in jsdom). Feedback in seconds.
 * - `integration` (`npm run test:integration`): tests against an in-process local tenant, LibreOffice,
 *   a spawned CLI or the packaging toolchain: files named `*.integration.test.ts(x)` and everything
 *   under `test/local/`, `test/data/integration/` and `test/toolchain/`.
 * - `e2e` (`npm run test:e2e`): Playwright in Chromium, everything under `test/e2e/`.
 *
 * A new test file lands in a project by its folder or name, without editing this file.
 * ts-jest transpiles only (isolatedModules in tsconfig.test.json) for speed; `npm run typecheck` does
 * the type checking once. PnPjs v4 ships ESM only, so node_modules/@pnp is transformed too.
 */
/** Folders whose every test is an integration test. */
const integrationFolders = ['test/local', 'test/data/integration', 'test/toolchain'];
/** The end-to-end folder. */
const e2eFolder = 'test/e2e';

const extensions = '?(x)';
const integrationMatch = [
  `**/*.integration.test.ts${extensions}`,
  ...integrationFolders.map((folder) => `<rootDir>/${folder}/**/*.test.ts${extensions}`)
];
const integrationIgnore = ['\\.integration\\.test\\.tsx?$', ...integrationFolders.map((folder) => `<rootDir>/${folder}/`)];

/** What every project shares. */
const common = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  transform: {
    '^.+\\.(t|j)sx?$': ['ts-jest', { tsconfig: 'tsconfig.test.json', diagnostics: false }]
  },
  transformIgnorePatterns: ['/node_modules/(?!(@pnp)/)'],
  moduleNameMapper: {
    '\\.(css|scss)$': '<rootDir>/test/support/style-stub.js',
    // jose is used only by Node code (the command service's token check, mounted in the local tenant a
    // jsdom test may start in-process): jsdom's "browser" export condition would pick its ESM browser build.
    '^jose$': '<rootDir>/node_modules/jose/dist/node/cjs/index.js'
  }
};

module.exports = {
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: [`**/*.test.ts${extensions}`],
      testPathIgnorePatterns: ['/node_modules/', ...integrationIgnore, `<rootDir>/${e2eFolder}/`]
    },
    {
      ...common,
      displayName: 'integration',
      testMatch: integrationMatch,
      globalSetup: '<rootDir>/test/support/integration-setup.js',
      testPathIgnorePatterns: ['/node_modules/', `<rootDir>/${e2eFolder}/`]
    },
    { ...common, displayName: 'e2e', testMatch: [`<rootDir>/${e2eFolder}/**/*.test.ts${extensions}`] }
  ],
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
  collectCoverageFrom: ['src/**/*.{ts,tsx}', '!src/**/*.d.ts', '!src/**/loc/**'],
  coverageDirectory: 'coverage',
  testTimeout: 30000
};
