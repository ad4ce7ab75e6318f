// Walls between the parts of the repository, checked on where an import lands rather than on how it is spelled: a
// relative path is resolved against the importing file and an `@eldercare/*` alias against tsconfig.json's paths, so
// `../../../worker/src/x` and `@eldercare/worker` are the same import.
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const toPosix = (path) => path.split(sep).join('/');

const { paths } = ts.readConfigFile(join(root, 'tsconfig.json'), ts.sys.readFile).config.compilerOptions;
const aliases = Object.entries(paths).map(([alias, [target]]) =>
  alias.endsWith('/*') ? { prefix: alias.slice(0, -1), target: target.slice(0, -1) } : { exact: alias, target: target },
);

/** The repository-relative path an import names, or undefined for a package. */
function resolveImport(source, importer) {
  if (source.startsWith('.')) return toPosix(relative(root, resolve(dirname(importer), source)));
  for (const alias of aliases) {
    if (alias.exact === source) return alias.target;
    if (alias.prefix && source.startsWith(alias.prefix)) return alias.target + source.slice(alias.prefix.length);
  }
  return undefined;
}

/** Calls `check(source node)` for every way a module can be imported: import, export from, import(), require(). */
function onImports(check) {
  const literal = (node) => (node?.type === 'Literal' && typeof node.value === 'string' ? node : undefined);
  const visit = (node) => {
    const source = literal(node);
    if (source) check(source);
  };
  return {
    ImportDeclaration: (node) => visit(node.source),
    ExportAllDeclaration: (node) => visit(node.source),
    ExportNamedDeclaration: (node) => visit(node.source),
    ImportExpression: (node) => visit(node.source),
    TSImportEqualsDeclaration: (node) => visit(node.moduleReference.expression),
    TSImportType: (node) => visit(node.argument?.literal),
    'CallExpression[callee.name="require"]': (node) => visit(node.arguments[0]),
  };
}

const appOf = (path) => /^apps\/([^/]+)(\/|$)/.exec(path)?.[1];

/** Test code: libs/testing, an app's or package's `testing/`, the top-level `test/`, fixtures and specs. */
const isTestCode = (path) =>
  /(^|\/)testing(\/|$)/.test(path) ||
  /^test(\/|$)/.test(path) ||
  /\.fixture(\.tsx?)?$/.test(path) ||
  /\.(spec|int-spec|e2e-spec)(\.tsx?)?$/.test(path);

const noAppToApp = {
  meta: {
    type: 'problem',
    docs: { description: 'An app does not import another app.' },
    messages: {
      crossing:
        'apps/{{from}} may not import apps/{{to}}: share the code through a lib, or compose apps in apps/platform or test/.',
    },
    schema: [],
  },
  create(context) {
    const from = appOf(toPosix(relative(root, context.filename)));
    if (!from) return {};
    return onImports((source) => {
      const to = appOf(resolveImport(source.value, context.filename) ?? '');
      if (to && to !== from) context.report({ node: source, messageId: 'crossing', data: { from, to } });
    });
  },
};

const noTestCode = {
  meta: {
    type: 'problem',
    docs: { description: 'Production code does not import test code.' },
    messages: { testCode: 'Production code may not import test code ({{path}}).' },
    schema: [],
  },
  create(context) {
    return onImports((source) => {
      const path = resolveImport(source.value, context.filename);
      if (path && isTestCode(path)) context.report({ node: source, messageId: 'testCode', data: { path } });
    });
  },
};

export default { rules: { 'no-app-to-app': noAppToApp, 'no-test-code': noTestCode } };
