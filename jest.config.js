// Three projects on one transform: unit tests need nothing running; integration and end-to-end tests share the
// global setup that migrates a template database once per run.
const transform = {
  '^.+\\.ts$': [
    '@swc/jest',
    {
      jsc: {
        target: 'es2022',
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true },
        keepClassNames: true,
      },
      module: { type: 'commonjs' },
    },
  ],
};

const aliases = Object.fromEntries(
  [
    ...['domain', 'protocol', 'persistence', 'contracts', 'config', 'broker', 'metrics', 'secrets', 'testing'].map(
      (name) => [name, `libs/${name}/src`],
    ),
    ...['gateway', 'worker', 'api'].map((name) => [name, `apps/${name}/src`]),
    ['devices', 'devices/src'],
    ['job-bus', 'libs/job-bus/src'],
    ['sample-faces', 'libs/sample-faces/src'],
  ].map(([name, path]) => [`^@eldercare/${name}$`, `<rootDir>/${path}`]),
);
// The whole-platform harness and the helpers that start one app, by file: `@eldercare/test/platform/…`.
aliases['^@eldercare/test/(.*)$'] = '<rootDir>/test/$1';
// supercluster is published as ES modules only, with a UMD build beside them that Jest's CommonJS can load.
aliases['^supercluster$'] = '<rootDir>/node_modules/supercluster/dist/supercluster.js';

const project = (displayName, testMatch, extra = {}) => ({
  displayName,
  transform,
  moduleNameMapper: aliases,
  testEnvironment: 'node',
  setupFiles: ['reflect-metadata'],
  testMatch,
  ...extra,
});

const withServices = {
  globalSetup: '<rootDir>/libs/testing/src/global-setup.ts',
  globalTeardown: '<rootDir>/libs/testing/src/global-teardown.ts',
};

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    project('unit', ['<rootDir>/{apps,libs,devices}/**/*.spec.ts']),
    project('integration', ['<rootDir>/{apps,libs,devices}/**/*.int-spec.ts'], withServices),
    project('e2e', ['<rootDir>/apps/console/e2e/**/*.e2e-spec.ts'], withServices),
    // Brings up its own Postgres cluster, Redis and Mosquitto, so that it may kill and restart them.
    project('chaos', ['<rootDir>/test/chaos/**/*.chaos-spec.ts']),
  ],
  testTimeout: 30000,
};
