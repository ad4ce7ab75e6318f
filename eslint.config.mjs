import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';
import walls from './eslint/import-walls.mjs';

const frameworks = [
  '@nestjs/*',
  'typeorm',
  'typeorm/*',
  'bullmq',
  'mqtt',
  'mqtt/*',
  'socket.io',
  'socket.io-client',
  'ioredis',
  'aedes',
  'pg',
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.data/**', '**/*.js', '**/*.mjs'] },
  ...tseslint.configs.recommended,
  // Prettier owns the layout (`npm run lint` checks it); ESLint keeps to what the code means.
  prettier,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-console': ['error', { allow: ['error'] }],
    },
  },
  {
    // The domain is plain TypeScript: rules and life cycles that any process can run and any test can call.
    files: ['libs/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: frameworks, message: 'libs/domain stays free of frameworks and I/O.' },
            { group: ['node:*'], message: 'libs/domain runs in the browser too: Node-only code goes to a server lib.' },
          ],
        },
      ],
    },
  },
  {
    // The console runs in the browser. TypeScript checks its globals against the DOM library (no-undef is off for
    // TypeScript), so no globals list is needed; what can break it is an import of Node code. It takes the domain,
    // the protocol's tables and the contracts by their aliases (apps/console/tsconfig.json), never by relative paths
    // into libs, and nothing of the server's libs or apps.
    files: ['apps/console/src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*'], message: 'The console runs in the browser: no Node modules.' },
            {
              // Every other lib and app is server code: persistence, config, broker, secrets, metrics, testing, the
              // job bus, the gateway, worker and api.
              group: ['@eldercare/*', '!@eldercare/domain', '!@eldercare/protocol', '!@eldercare/contracts'],
              message: 'Server code stays out of the console: it may use @eldercare/domain, protocol and contracts.',
            },
            {
              group: ['@eldercare/*/**'],
              message: 'Import a lib by its alias; the console aliases point at the parts a browser can load.',
            },
            {
              regex: '^(\\.\\./)+(libs|apps)/',
              message: 'Import the libs by their aliases (@eldercare/domain, protocol, contracts).',
            },
          ],
        },
      ],
    },
  },
  {
    // Apps meet through libs. Only the all-in-one process (apps/platform) and the tests' harness (test/, outside
    // apps/) put apps together.
    files: ['apps/**/*.{ts,tsx}'],
    ignores: ['apps/platform/**'],
    plugins: { walls },
    rules: { 'walls/no-app-to-app': 'error' },
  },
  {
    // What ships does not load test code. Specs, fixtures, test helpers and benchmarks (measurements run against
    // the same test services) may.
    files: ['**/*.{ts,tsx}'],
    ignores: [
      '**/*.spec.{ts,tsx}',
      '**/*.int-spec.ts',
      '**/*.e2e-spec.ts',
      '**/*.fixture.{ts,tsx}',
      '**/testing/**',
      'test/**',
      'bench/**',
    ],
    plugins: { walls },
    rules: { 'walls/no-test-code': 'error' },
  },
  {
    // Command-line tools and benchmarks print for people.
    files: ['devices/**/*.ts', 'bench/**/*.ts', 'libs/protocol/scripts/**/*.ts', 'test/gateway/run-device-fuzz.ts'],
    rules: { 'no-console': 'off' },
  },
);
