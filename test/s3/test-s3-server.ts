import S3rver from '@20minutes/s3rver';
import type { PhotoStorageOptions } from '@eldercare/api';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';

/** The access key pair s3rver knows: it checks every request's signature against it. */
const S3RVER_KEYS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
/** How s3rver names the file holding an object's bytes. */
const OBJECT_FILE = '._S3rver_object';

export interface TestS3Server {
  /** Where the api reaches it: http://127.0.0.1:<port>. */
  endpoint: string;
  /** Photo storage options for the api, pointed at the first bucket. */
  photoStorage: Extract<PhotoStorageOptions, { kind: 's3' }>;
  /** Every object the server holds, in any bucket, as `<bucket>/<key>`, read from its own folder. */
  objects(): Promise<string[]>;
  stop(): Promise<void>;
}

/**
 * A real S3-compatible server (s3rver, in this process) on a free port of 127.0.0.1, with the given empty buckets
 * (the photo storage gets the first), its objects in a fresh folder removed at stop.
 */
export async function startTestS3Server(buckets = ['eldercare-photos']): Promise<TestS3Server> {
  const directory = await mkdtemp(join(tmpdir(), 'eldercare-s3-'));
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: buckets.map((name) => ({ name })),
  });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    photoStorage: {
      kind: 's3',
      endpoint,
      bucket: buckets[0],
      region: 'us-east-1',
      ...S3RVER_KEYS,
      forcePathStyle: true,
    },
    async objects() {
      const entries = await readdir(directory, { recursive: true, withFileTypes: true });
      return entries
        .filter((entry) => entry.isFile() && entry.name.endsWith(OBJECT_FILE))
        .map((entry) => relative(directory, join(entry.parentPath, entry.name.slice(0, -OBJECT_FILE.length))))
        .map((path) => path.split(sep).join('/'));
    },
    async stop() {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}
