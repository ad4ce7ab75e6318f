import { openDatabase, TimeCoinLedgerRepository, UserRepository } from '@eldercare/persistence';
import { createTestDatabase, createTestElderInPlace, type TestDatabase } from '@eldercare/testing';
import type { DataSource } from 'typeorm';
import { ensureDemoAdaptation } from './demo-adaptation';
import { ensureDemoPairs } from './demo-pairs';
import { ensureDemoTimeBank } from './demo-time-bank';

describe('the demo time bank, pairs and adaptation cases', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let elderId: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await openDatabase(database.url, { poolSize: 2 });
    const elder = await createTestElderInPlace(dataSource);
    elderId = elder.elderId;
    await dataSource.query(`UPDATE elders SET categories = '{living_alone,extreme_poverty}' WHERE id = $1`, [elderId]);
    const users = new UserRepository(dataSource);
    await users.create({
      username: 'supervisor',
      displayName: '周建华',
      passwordHash: 'x',
      role: 'supervisor',
      regionIds: [elder.districtId],
    });
    await users.create({
      username: 'inspector',
      displayName: '邓卫东',
      passwordHash: 'x',
      role: 'inspector',
      regionIds: [elder.districtId],
    });
    await users.create({ username: 'bureau', displayName: '民政局', passwordHash: 'x', role: 'bureau' });
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

  it('opens adaptation cases at every stage of the life cycle, once, each step taken by its own actor', async () => {
    for (let more = 0; more < 8; more += 1) {
      const other = await createTestElderInPlace(dataSource);
      await dataSource.query(`UPDATE elders SET categories = '{disabled}' WHERE id = $1`, [other.elderId]);
    }
    await ensureDemoAdaptation(dataSource);
    await ensureDemoAdaptation(dataSource);
    const cases: { elder_id: string; stage: string; steps: number }[] = await dataSource.query(
      `SELECT a.elder_id, a.stage, (SELECT count(*)::int FROM adaptation_case_steps t WHERE t.case_id = a.id) AS steps
       FROM adaptation_cases a ORDER BY a.applied_at DESC`,
    );
    expect(cases.map((kase) => [kase.stage, kase.steps])).toEqual([
      ['applied', 1],
      ['assessed', 2],
      ['planned', 3],
      ['agreed', 4],
      ['works-done', 5],
      ['accepted', 6],
      ['settled', 7],
      ['followed-up', 8],
      ['agreed', 6],
    ]);
    expect(cases[0].elder_id).toBe(elderId);
    const actors: { step: string; role: string }[] = await dataSource.query(
      `SELECT DISTINCT t.step, u.role FROM adaptation_case_steps t JOIN users u ON u.id = t.by_user ORDER BY t.step`,
    );
    expect(actors).toEqual([
      { step: 'accept', role: 'inspector' },
      { step: 'agree', role: 'supervisor' },
      { step: 'apply', role: 'supervisor' },
      { step: 'assess', role: 'supervisor' },
      { step: 'complete-works', role: 'contractor' },
      { step: 'follow-up', role: 'supervisor' },
      { step: 'plan', role: 'supervisor' },
      { step: 'refuse', role: 'inspector' },
      { step: 'settle', role: 'bureau' },
    ]);
    const [{ planned, given }]: { planned: number; given: number }[] = await dataSource.query(
      `SELECT count(*) FILTER (WHERE plan IS NOT NULL)::int AS planned,
              count(*) FILTER (WHERE contractor_id = u.provider_id)::int AS given
       FROM adaptation_cases, users u WHERE u.username = 'contractor' GROUP BY u.id`,
    );
    expect(planned).toBe(7);
    expect(given).toBe(7);
  });
});
