/**
 * One jest configuration for unit, integration and end-to-end tests.
 * ts-jest transpiles only (isolatedModules in tsconfig.test.json) for speed; `npm run typecheck` does the type checking once.
 * PnPjs v4 ships ESM only, so node_modules/@pnp is transformed too.
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    '^.+\\.(t|j)sx?$': ['ts-jest', { tsconfig: 'tsconfig.test.json', diagnostics: false }]
  },
  transformIgnorePatterns: ['/node_modules/(?!(@pnp)/)'],
  moduleNameMapper: {
    '\\.(css|scss)$': '<rootDir>/test/support/style-stub.js'
  },
  reporters: ['default', '<rootDir>/test/support/summary-reporter.js'],
  collectCoverageFrom: ['src/**/*.{ts,tsx}', '!src/**/*.d.ts', '!src/**/loc/**'],
  coverageDirectory: 'coverage',
  testTimeout: 30000
};
