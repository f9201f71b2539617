// Two projects: unit specs live beside the code; integration suites in test/ run against
// the real Postgres and Redis that test/setup/global-setup.ts prepares.
const moduleNameMapper = {
  // Integration suites reach into services' internals (the ledger, the price book) directly.
  '^@tally/account/(.*)$': '<rootDir>/apps/account/src/$1',
  '^@tally/billing/(.*)$': '<rootDir>/apps/billing/src/$1',
  '^@tally/gateway/(.*)$': '<rootDir>/apps/gateway/src/$1',
  '^@tally/metering/(.*)$': '<rootDir>/apps/metering/src/$1',
  '^@tally/simulator/(.*)$': '<rootDir>/apps/simulator/src/$1',
  '^@tally/test/(.*)$': '<rootDir>/test/$1',
  // The console imports only the parser, not libs/money's Nest scalar.
  '^@tally/money/micros$': '<rootDir>/libs/money/src/micros.ts',
  '^@tally/(.*)$': '<rootDir>/libs/$1/src',
  // ESM-only; see the file for why jest needs this and the apps do not.
  '^@kubernetes/client-node$': '<rootDir>/test/support/kubernetes-client-node.js',
};
const transform = { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.jest.json' }] };

module.exports = {
  testTimeout: 60000,
  projects: [
    {
      displayName: 'unit',
      rootDir: __dirname,
      testMatch: [
        '<rootDir>/apps/*/src/**/*.spec.ts',
        '<rootDir>/libs/*/src/**/*.spec.ts',
        '<rootDir>/scripts/**/*.spec.ts',
        '<rootDir>/bench/**/*.spec.ts',
      ],
      moduleNameMapper,
      transform,
      testEnvironment: 'node',
    },
    {
      displayName: 'integration',
      rootDir: __dirname,
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      moduleNameMapper,
      transform,
      testEnvironment: 'node',
      globalSetup: '<rootDir>/test/setup/global-setup.ts',
      globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
    },
    {
      // `npm run e2e`: the real `npm start` driven through the whole walk-through.
      displayName: 'e2e',
      rootDir: __dirname,
      testMatch: ['<rootDir>/test/e2e/**/*.e2e.ts'],
      moduleNameMapper,
      transform,
      testEnvironment: 'node',
      globalSetup: '<rootDir>/test/setup/global-setup.ts',
      globalTeardown: '<rootDir>/test/setup/global-teardown.ts',
    },
  ],
};
