import { randomUUID } from 'node:crypto';
import type { PhotoStorage } from '../../apps/api/src/home-adaptation/photo-storage';

/** One storage under test, with a way to see everything its backend holds, wherever it is. */
export interface PhotoStorageUnderTest {
  storage: PhotoStorage;
  /** Every object or file the backend holds (the storage's own and any beside it), by a name relative to its root. */
  everythingStored(): Promise<string[]>;
  /** Puts `bytes` beside the storage (a sibling folder, another bucket) where `../<name>` could reach them. */
  plantBeside(name: string, bytes: Buffer): Promise<void>;
  /** Removes the backend and what it holds. */
  stop(): Promise<void>;
}

const keyOf = () => `${randomUUID()}/${randomUUID()}`;

/** Keys a request must never make the storage write or read: out of the folder or bucket, or off the key shape. */
export const ESCAPING_KEYS = [
  '../beside.jpg',
  `${randomUUID()}/../../beside.jpg`,
  `${randomUUID()}/${randomUUID()}/../../../beside.jpg`,
  '/etc/passwd',
  `${randomUUID()}/..%2F..%2Fbeside.jpg`,
  `${randomUUID()}\\..\\..\\beside.jpg`,
  `${randomUUID()}/${randomUUID()}\0.jpg`,
  '',
];

/**
 * What every photo storage promises, run against each implementation by its spec: what was put comes back byte for
 * byte, an unknown key is not found, and a key off the `<case id>/<photo id>` shape is refused before anything is
 * written or read, so nothing can land or be read outside the folder or bucket.
 */
export function describePhotoStorageContract(name: string, start: () => Promise<PhotoStorageUnderTest>): void {
  describe(`${name}: the photo storage contract`, () => {
    let sut: PhotoStorageUnderTest;

    beforeEach(async () => {
      sut = await start();
    });

    afterEach(async () => {
      await sut?.stop();
    });

    it('gives back byte for byte what was put, and the latest bytes put under a key', async () => {
      const key = keyOf();
      const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff, 0x0d, 0x0a]);
      await sut.storage.put(key, bytes);
      expect((await sut.storage.get(key))?.equals(bytes)).toBe(true);

      const replaced = Buffer.alloc(256 * 1024, 7);
      await sut.storage.put(key, replaced);
      expect((await sut.storage.get(key))?.equals(replaced)).toBe(true);
      expect(await sut.everythingStored()).toHaveLength(1);
    });

    it('keeps photos of different keys apart', async () => {
      const [first, second] = [keyOf(), keyOf()];
      await sut.storage.put(first, Buffer.from('first'));
      await sut.storage.put(second, Buffer.from('second'));
      expect((await sut.storage.get(first))?.toString()).toBe('first');
      expect((await sut.storage.get(second))?.toString()).toBe('second');
    });

    it('answers undefined for a key nothing was put under', async () => {
      await sut.storage.put(keyOf(), Buffer.from('another photo'));
      await expect(sut.storage.get(keyOf())).resolves.toBeUndefined();
    });

    it.each(ESCAPING_KEYS.map((key) => [JSON.stringify(key), key]))(
      'refuses to write under the key %s, and writes nothing anywhere',
      async (_shown, key) => {
        await expect(sut.storage.put(key, Buffer.from('escaped'))).rejects.toThrow(/is not <uuid>\/<uuid>/);
        expect(await sut.everythingStored()).toEqual([]);
      },
    );

    it.each(ESCAPING_KEYS.map((key) => [JSON.stringify(key), key]))(
      'refuses to read under the key %s what lies beside the storage',
      async (_shown, key) => {
        await sut.plantBeside('beside.jpg', Buffer.from('not a photo of this platform'));
        await expect(sut.storage.get(key)).rejects.toThrow(/is not <uuid>\/<uuid>/);
      },
    );
  });
}
