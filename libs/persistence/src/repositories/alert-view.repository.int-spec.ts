import { createTestDatabase, createTestElder, type TestDatabase } from '@eldercare/testing';
import type { DataSource } from 'typeorm';
import { openDatabase } from '../data-source';
import { AlertViewRepository } from './alert-view.repository';
import { AlertRepository } from './alert.repository';

describe('AlertViewRepository replay on Postgres', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let alerts: AlertRepository;
  let sut: AlertViewRepository;
  const city = { kind: 'city' } as const;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await openDatabase(database.url, { poolSize: 4 });
    alerts = new AlertRepository(dataSource);
    sut = new AlertViewRepository(dataSource);
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  async function raise(): Promise<string> {
    const elderId = await createTestElder(dataSource);
    const at = new Date();
    const { alertId } = await dataSource.transaction((manager) =>
      alerts.trigger(manager, {
        elderId,
        deviceId: null,
        rule: 'care-call-unanswered',
        severity: 'check-on',
        evidence: {},
        triggerKey: `care-call:${elderId}`,
        sourceMsgId: null,
        deviceTime: at,
        receivedAt: at,
        storedAt: at,
        raisedAt: at,
      }),
    );
    return alertId;
  }

  const seqOf = async (alertId: string): Promise<string> =>
    (await dataSource.query('SELECT seq::text FROM alerts WHERE id = $1', [alertId]))[0].seq;

  it('replays a change that took a lower seq but committed after the seq a console saw', async () => {
    const [early, late] = [await raise(), await raise()];
    const slow = dataSource.createQueryRunner();
    await slow.connect();
    try {
      // A claim takes its seq, and its transaction is still running when another change takes the next one and commits.
      await slow.startTransaction();
      await slow.query(`UPDATE alerts SET status = 'acknowledged' WHERE id = $1`, [early]);
      await dataSource.query(`UPDATE alerts SET status = 'acknowledged' WHERE id = $1`, [late]);
      const seen = await sut.latestSeq();
      expect(seen).toBe(await seqOf(late));
      await slow.commitTransaction();
      expect(BigInt(await seqOf(early))).toBeLessThan(BigInt(seen));

      const replayed = await sut.findChangedSince(city, seen, 100);

      expect(replayed.find((row) => row.id === early)).toMatchObject({ status: 'acknowledged' });
    } finally {
      await slow.release();
    }
  });

  it('replays every change after the seq a console saw, in the order of change', async () => {
    const first = await raise();
    const seen = await sut.latestSeq();
    const [second, third] = [await raise(), await raise()];
    await dataSource.query(`UPDATE alerts SET status = 'acknowledged' WHERE id = $1`, [first]);

    const replayed = (await sut.findChangedSince(city, seen, 100)).filter((row) => BigInt(row.seq) > BigInt(seen));

    expect(replayed.map((row) => row.id)).toEqual([second, third, first]);
  });
});
