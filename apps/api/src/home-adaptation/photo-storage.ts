import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/**
 * Where photo bytes are kept, by a key the platform makes. Local disk by default; an S3-compatible store is one
 * more implementation of these two methods, chosen where the api's module provides `PHOTO_STORAGE`.
 */
export interface PhotoStorage {
  put(key: string, bytes: Uint8Array): Promise<void>;
  /** The bytes stored under `key`; undefined when there are none. */
  get(key: string): Promise<Buffer | undefined>;
}

export const PHOTO_STORAGE = Symbol('PHOTO_STORAGE');

/** Keys are `<case id>/<photo id>` and never come from a request, so they cannot leave the folder. */
export class LocalDiskPhotoStorage implements PhotoStorage {
  constructor(private readonly dir: string) {}

  async put(key: string, bytes: Uint8Array): Promise<void> {
    const path = this.pathOf(key);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, bytes, { mode: 0o600 });
  }

  async get(key: string): Promise<Buffer | undefined> {
    try {
      return await readFile(this.pathOf(key));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  private pathOf(key: string): string {
    if (!/^[0-9a-f-]{36}\/[0-9a-f-]{36}$/.test(key)) throw new Error(`photo key ${key} is not <uuid>/<uuid>`);
    return join(this.dir, key);
  }
}
