import { fileURLToPath } from 'node:url';
import { defineConfig, type Alias } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const api = 'http://127.0.0.1:3000';

// The same names as on the server (see tsconfig.json), each at the part of its lib a browser can load.
const libs: Alias[] = [
  { find: /^@eldercare\/domain$/, replacement: here('../../libs/domain/src/index.ts') },
  { find: /^@eldercare\/protocol$/, replacement: here('../../libs/protocol/src/browser.ts') },
  { find: /^@eldercare\/contracts$/, replacement: here('../../libs/contracts/src/console/index.ts') },
];

export default defineConfig({
  root: here('.'),
  base: '/',
  resolve: { alias: libs },
  // @vitejs/plugin-react does not install beside vite 8 (peer range), and Vite's own oxc transform does the JSX.
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  build: {
    outDir: here('../../dist/console'),
    emptyOutDir: true,
    rolldownOptions: {
      // The domain reads CSV files with Papa Parse for the api; the console does not, and as a CommonJS module it
      // would stay in the bundle unless known to do nothing on load.
      treeshake: { moduleSideEffects: (id: string) => !id.includes('/node_modules/papaparse/') },
      // React Router marks its modules "use client" for server components, which a browser bundle has no use for.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
  server: {
    proxy: {
      '/api': api,
      '/socket.io': { target: api, ws: true },
    },
  },
});
