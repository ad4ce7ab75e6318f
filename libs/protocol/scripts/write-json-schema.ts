/**
 * Writes the protocol's JSON Schemas to docs/protocol/, or with --check only compares them and exits 1 when the
 * committed files are not what the zod schemas generate (the CI drift check).
 *
 *   node -r @swc-node/register libs/protocol/scripts/write-json-schema.ts [--check]
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { renderJsonSchemaFiles } from '../src/json-schema';

/** Where the generated files live, found from this file so the script works from any directory. */
export const JSON_SCHEMA_DIR = resolve(__dirname, '../../../docs/protocol');

const GENERATED = /\.schema\.json$/;

/**
 * Files in `dir` that differ from what would be generated: changed, missing, or a `*.schema.json` no schema
 * produces any more (left behind by a rename, and misleading to firmware makers).
 */
export function findJsonSchemaDrift(dir: string): string[] {
  const expected = renderJsonSchemaFiles();
  const drift = Object.entries(expected)
    .filter(([name, text]) => !existsSync(join(dir, name)) || readFileSync(join(dir, name), 'utf8') !== text)
    .map(([name]) => name);
  const stale = existsSync(dir) ? readdirSync(dir).filter((name) => GENERATED.test(name) && !(name in expected)) : [];
  return [...drift, ...stale].sort();
}

/** Brings `dir` in line with the generated files and returns the names it wrote or removed. */
export function writeJsonSchemaFiles(dir: string): string[] {
  const changed = findJsonSchemaDrift(dir);
  const expected = renderJsonSchemaFiles();
  mkdirSync(dir, { recursive: true });
  for (const name of changed) {
    if (name in expected) writeFileSync(join(dir, name), expected[name]);
    else rmSync(join(dir, name));
  }
  return changed;
}

function main(args: string[]): number {
  const unknown = args.filter((arg) => arg !== '--check');
  if (unknown.length > 0) {
    console.error(`unknown argument ${unknown.join(' ')}; usage: write-json-schema.ts [--check]`);
    return 2;
  }
  if (args.includes('--check')) {
    const drift = findJsonSchemaDrift(JSON_SCHEMA_DIR);
    if (drift.length === 0) {
      console.log('docs/protocol JSON Schemas are up to date');
      return 0;
    }
    console.error(
      `docs/protocol differs from the protocol schemas; run npm run protocol:schema and commit:\n${drift.map((name) => `  ${name}`).join('\n')}`,
    );
    return 1;
  }
  const written = writeJsonSchemaFiles(JSON_SCHEMA_DIR);
  console.log(written.length === 0 ? 'docs/protocol JSON Schemas already up to date' : `updated ${written.join(', ')}`);
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
