import { openDatabase, TimeCoinLedgerRepository, UserRepository } from '@eldercare/persistence';
import { createTestDatabase, createTestElderInPlace, type TestDatabase } from '@eldercare/testing';
import type { DataSource } from 'typeorm';
import { ensureDemoPairs } from './demo-pairs';
import { ensureDemoTimeBank } from './demo-time-bank';

describe('the demo time bank and pairs', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let elderId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await openDatabase(database.url, { poolSize: 2 });
    const elder = await createTestElderInPlace(dataSource);
    elderId = elder.elderId;
    await dataSource.query(`UPDATE elders SET categories = '{living_alone,extreme_poverty}' WHERE id = $1`, [elderId]);
    await new UserRepository(dataSource).create({
      username: 'supervisor',
      displayName: '周建华',
      passwordHash: 'x',
      role: 'supervisor',
      regionIds: [elder.districtId],
    });
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it('seeds approved volunteers holding coins earned on confirmed visits, once, on a balanced journal', async () => {
    await ensureDemoTimeBank(dataSource);
    await ensureDemoTimeBank(dataSource);
    const volunteers: { username: string; balance: number }[] = await dataSource.query(
      `SELECT u.username, COALESCE((SELECT sum(amount) FROM time_coin_entries t WHERE t.account = 'volunteer:' || v.id), 0)::int AS balance
       FROM volunteers v JOIN users u ON u.id = v.user_id WHERE v.approved_at IS NOT NULL ORDER BY u.username`,
    );
    expect(volunteers).toEqual([
      { username: 'volunteer', balance: 330 - 60 },
      { username: 'volunteer2', balance: 120 },
      { username: 'volunteer3', balance: 435 },
      { username: 'volunteer4', balance: 0 },
    ]);
    const [{ open }]: { open: number }[] = await dataSource.query(
      `SELECT count(*)::int AS open FROM volunteer_requests WHERE status = 'open'`,
    );
    expect(open).toBe(1);
    expect(await new TimeCoinLedgerRepository(dataSource).journalSum()).toBe(0);
  });

  it('pairs each elder at risk once, at the level their categories call for', async () => {
    await ensureDemoPairs(dataSource);
    await ensureDemoPairs(dataSource);
    const pairs: { elder_id: string; risk_level: string }[] = await dataSource.query(
      'SELECT elder_id, risk_level FROM elder_pairs',
    );
    expect(pairs).toEqual([{ elder_id: elderId, risk_level: 'high' }]);
  });
});
