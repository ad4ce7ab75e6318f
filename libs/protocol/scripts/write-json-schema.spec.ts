import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderJsonSchemaFiles } from '../src/json-schema';
import { findJsonSchemaDrift, writeJsonSchemaFiles } from './write-json-schema';

describe('write-json-schema', () => {
  let dir: string;
  const files = renderJsonSchemaFiles();
  const names = Object.keys(files).sort();

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'protocol-schema-'));
  });

  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('reports every file as drift in an empty directory', () => {
    expect(findJsonSchemaDrift(dir)).toEqual(names);
  });

  it('writes every file, after which nothing drifts', () => {
    expect(writeJsonSchemaFiles(dir)).toEqual(names);

    expect(findJsonSchemaDrift(dir)).toEqual([]);
    expect(readFileSync(join(dir, 'status.schema.json'), 'utf8')).toBe(files['status.schema.json']);
  });

  it('reports a file edited by hand, and rewrites only that one', () => {
    writeJsonSchemaFiles(dir);
    writeFileSync(join(dir, 'downlink.schema.json'), '{}\n');

    expect(findJsonSchemaDrift(dir)).toEqual(['downlink.schema.json']);
    expect(writeJsonSchemaFiles(dir)).toEqual(['downlink.schema.json']);
    expect(findJsonSchemaDrift(dir)).toEqual([]);
  });

  it('reports a schema file no schema produces any more, removes it, and leaves other files alone', () => {
    writeJsonSchemaFiles(dir);
    writeFileSync(join(dir, 'uplink.smoke_detector.schema.json'), '{}\n');
    writeFileSync(join(dir, 'README.md'), '# notes\n');

    expect(findJsonSchemaDrift(dir)).toEqual(['uplink.smoke_detector.schema.json']);
    writeJsonSchemaFiles(dir);
    expect(readdirSync(dir).sort()).toEqual(['README.md', ...names].sort());
  });
});
