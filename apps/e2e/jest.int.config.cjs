// Integration tests: real Kafka and the MongoDB-protocol server, started or reused by the global setup.
module.exports = {
  displayName: 'e2e:int',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.int-spec.ts'],
  globalSetup: '<rootDir>/../../tools/testing/global-setup.js',
  globalTeardown: '<rootDir>/../../tools/testing/global-teardown.js',
  setupFiles: ['<rootDir>/../../tools/testing/setup-env.js'],
  maxWorkers: 1,
  testTimeout: 240000,
};
