import { randomUUID } from 'node:crypto';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { startTestS3Server } from '@eldercare/test/s3/test-s3-server';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describePhotoStorageContract } from '@eldercare/test/api/photo-storage-contract';
import { LocalDiskPhotoStorage } from './photo-storage';
import { S3PhotoStorage } from './s3-photo-storage';

/** Every file under `root`, relative to it. */
async function filesUnder(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => relative(root, join(entry.parentPath, entry.name)));
}

// The storage's folder is photos/ in a fresh sandbox, so that anything written beside it is seen.
describePhotoStorageContract('on local disk', async () => {
  const sandbox = await mkdtemp(join(tmpdir(), 'eldercare-photo-contract-'));
  const dir = join(sandbox, 'photos');
  await mkdir(dir);
  return {
    storage: new LocalDiskPhotoStorage(dir),
    everythingStored: () => filesUnder(sandbox),
    plantBeside: (name, bytes) => writeFile(join(sandbox, name), bytes),
    stop: () => rm(sandbox, { recursive: true, force: true }),
  };
});

// A fresh S3-compatible server for each test; `beside` is another bucket, which `../` would reach in path style.
describePhotoStorageContract('in an S3-compatible store', async () => {
  const server = await startTestS3Server(['eldercare-photos', 'beside']);
  const storage = new S3PhotoStorage(server.photoStorage);
  const other = new S3Client({
    endpoint: server.endpoint,
    region: server.photoStorage.region,
    forcePathStyle: true,
    credentials: server.photoStorage,
  });
  return {
    storage,
    everythingStored: () => server.objects(),
    plantBeside: async (name, bytes) => {
      await other.send(new PutObjectCommand({ Bucket: 'beside', Key: name, Body: bytes }));
    },
    stop: async () => {
      storage.close();
      other.destroy();
      await server.stop();
    },
  };
});

describe('the S3 photo storage with a wrong secret', () => {
  it('is refused by the store, stores nothing, and does not repeat the secret in its error', async () => {
    const server = await startTestS3Server();
    const secret = 'a-wrong-secret-of-this-test';
    const storage = new S3PhotoStorage({ ...server.photoStorage, secretAccessKey: secret });
    try {
      const failure = await storage.put(`${randomUUID()}/${randomUUID()}`, Buffer.from('photo')).then(
        () => undefined,
        (error: unknown) => error as Error,
      );
      expect(failure?.name).toBe('SignatureDoesNotMatch');
      expect(`${failure?.message} ${failure?.stack} ${JSON.stringify(failure)}`).not.toContain(secret);
      expect(await server.objects()).toEqual([]);
    } finally {
      storage.close();
      await server.stop();
    }
  });
});
