import { createTestDatabase, type TestDatabase } from '@eldercare/testing';
import type { DataSource } from 'typeorm';
import { openDatabase } from '../data-source';
import { DeviceRepository } from './device.repository';
import { IngestRepository } from './ingest.repository';

describe("IngestRepository: a device's liveness", () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let ingest: IngestRepository;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await openDatabase(database.url, { poolSize: 2 });
    ingest = new IngestRepository(dataSource);
    await new DeviceRepository(dataSource).insert([
      { id: 'wm-live-1', type: 'water_meter', elderId: null, secretHash: 'unused' },
    ]);
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  const liveness = async () =>
    (
      (await dataSource.query('SELECT online, last_seen_at FROM devices WHERE id = $1', ['wm-live-1'])) as {
        online: boolean;
        last_seen_at: Date;
      }[]
    )[0];
  const seen = (lastSeenAt: Date, online: boolean) =>
    ingest.store({ messages: [], rejections: [], activity: [{ deviceId: 'wm-live-1', lastSeenAt, online }] });

  it('keeps what the newest news says, whichever batch comes last', async () => {
    const before = new Date(Date.now() - 60_000);
    const after = new Date(before.getTime() + 10_000);
    await seen(after, true);

    // An offline status as old as a subscription made before the device was heard: replayed, and stale.
    await seen(before, false);
    expect(await liveness()).toEqual({ online: true, last_seen_at: after });

    const later = new Date(after.getTime() + 10_000);
    await seen(later, false);
    expect(await liveness()).toEqual({ online: false, last_seen_at: later });
  });
});
