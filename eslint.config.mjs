import tseslint from 'typescript-eslint';

const frameworks = ['@nestjs/*', 'typeorm', 'typeorm/*', 'bullmq', 'mqtt', 'mqtt/*', 'socket.io', 'socket.io-client', 'ioredis', 'aedes', 'pg'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.data/**', '**/*.js', '**/*.mjs'] },
  ...tseslint.configs.recommended,
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
      'no-restricted-imports': ['error', { patterns: [{ group: frameworks, message: 'libs/domain stays free of frameworks and I/O.' }] }],
    },
  },
  {
    // Command-line tools and benchmarks print for people.
    files: ['devices/**/*.ts', 'bench/**/*.ts', 'libs/protocol/scripts/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
);
