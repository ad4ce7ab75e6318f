import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const api = 'http://127.0.0.1:3000';

export default defineConfig({
  root: here('.'),
  base: '/',
  resolve: {
    // The same names as on the server (see tsconfig.json): the domain whole, the protocol's plain tables and the
    // contracts' console entry, which hold no Node-only code.
    alias: {
      '@eldercare/domain': here('../../libs/domain/src/index.ts'),
      '@eldercare/protocol': here('../../libs/protocol/src/browser.ts'),
      '@eldercare/contracts': here('../../libs/contracts/src/console/index.ts'),
    },
  },
  // @vitejs/plugin-react does not install beside vite 8 (peer range), and Vite's own oxc transform does the JSX.
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  build: {
    outDir: here('../../dist/console'),
    emptyOutDir: true,
  },
  server: {
    proxy: {
      '/api': api,
      '/socket.io': { target: api, ws: true },
    },
  },
});
