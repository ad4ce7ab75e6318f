// Compiled code keeps the `@eldercare/*` imports; resolve them against dist/ with the same map tsconfig.json uses.
const path = require('node:path');
const tsconfigPaths = require('tsconfig-paths');
const { compilerOptions } = require('../../tsconfig.json');

tsconfigPaths.register({ baseUrl: path.join(__dirname, '../../dist'), paths: compilerOptions.paths });
