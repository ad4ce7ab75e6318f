import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/**
 * Where photo bytes are kept, by a key the platform makes: local disk by default, or a bucket of an S3-compatible
 * store (s3-photo-storage.ts), chosen where the api's module provides `PHOTO_STORAGE`. Neither hands out an address
 * of its own: photos are served only through the api, after its role and scope checks.
 */
export interface PhotoStorage {
  /** Keeps `bytes` under `key`, replacing what was there. */
  put(key: string, bytes: Uint8Array): Promise<void>;
  /** The bytes stored under `key`; undefined when there are none. */
  get(key: string): Promise<Buffer | undefined>;
  /** Lets go of what the storage holds open (connections), at shutdown. */
  close?(): void;
}

export const PHOTO_STORAGE = Symbol('PHOTO_STORAGE');

/**
 * Keys are `<case id>/<photo id>` and never come from a request; anything else (`../`, an absolute path, another
 * folder) is refused before the storage is touched, so a key cannot leave the folder or the bucket.
 */
export function requirePhotoKey(key: string): string {
  if (!/^[0-9a-f-]{36}\/[0-9a-f-]{36}$/.test(key)) throw new Error(`photo key ${key} is not <uuid>/<uuid>`);
  return key;
}

export class LocalDiskPhotoStorage implements PhotoStorage {
  constructor(private readonly dir: string) {}

  async put(key: string, bytes: Uint8Array): Promise<void> {
    const path = this.pathOf(key);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, bytes, { mode: 0o600 });
  }

  async get(key: string): Promise<Buffer | undefined> {
    const path = this.pathOf(key);
    try {
      return await readFile(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  private pathOf(key: string): string {
    return join(this.dir, requirePhotoKey(key));
  }
}
