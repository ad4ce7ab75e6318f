import type { WallboardView } from '@eldercare/contracts';
import type { UserRecord } from '@eldercare/persistence';
import {
  ApiClient,
  createTestElderInPlace,
  createTestUser,
  eventually,
  TEST_PASSWORD,
  type TestElder,
} from '@eldercare/testing';
import { PlatformUnderTest } from '@eldercare/test/platform/platform-under-test';

describe('the wallboard', () => {
  let harness: PlatformUnderTest;
  /** A in the supervisor's district, B in another. */
  let a: TestElder;
  let b: TestElder;
  let sut: ApiClient;
  let operatorOfA: UserRecord;
  let operatorOfAClient: ApiClient;
  let supervisor: UserRecord;

  beforeAll(async () => {
    harness = await PlatformUnderTest.start();
    [a, b] = await Promise.all([
      createTestElderInPlace(harness.dataSource),
      createTestElderInPlace(harness.dataSource),
    ]);
    operatorOfA = await createTestUser(harness.dataSource, 'operator', {
      regionIds: [a.streetId],
      displayName: '陈静',
    });
    const operatorOfB = await createTestUser(harness.dataSource, 'operator', {
      regionIds: [b.districtId],
      displayName: '周强',
    });
    supervisor = await createTestUser(harness.dataSource, 'supervisor', { regionIds: [a.districtId] });
    [sut, operatorOfAClient] = await Promise.all([signedIn(supervisor), signedIn(operatorOfA), signedIn(operatorOfB)]);
  });

  afterAll(async () => {
    await harness?.stop();
  });

  function signedIn(user: UserRecord): Promise<ApiClient> {
    return ApiClient.signedIn(harness.apiUrl, user.username, TEST_PASSWORD);
  }

  async function pressedSos(elderId: string): Promise<string> {
    await (await harness.deviceOf(elderId, 'call_button')).send({ kind: 'sos' });
    return eventually(
      async () =>
        (await harness.alertsOf(elderId)).find((alert) => alert.rule === 'sos' && alert.status === 'raised')?.id,
    );
  }

  async function wallboard(): Promise<WallboardView> {
    const { status, body } = await sut.get<WallboardView>('/api/wallboard');
    expect(status).toBe(200);
    return body;
  }

  it("counts today's answers in the supervisor's district only: one answered late misses the target, not the worst", async () => {
    const late = await pressedSos(a.elderId);
    await pressedSos(b.elderId);
    // Raised 90 s ago, so the claim below comes after the 60-s target and inside the 180-s worst time.
    await harness.dataSource.query(`UPDATE alerts SET raised_at = now() - interval '90 seconds' WHERE id = $1`, [late]);
    expect((await operatorOfAClient.post(`/api/alerts/${late}/claim`)).status).toBe(200);

    const board = await wallboard();
    expect(board.limits).toEqual({ targetSec: 60, worstSec: 180, targetGoal: 97.5, worstGoal: 99 });
    expect(board.answered).toEqual({
      withinTarget: { within: 0, decided: 1, percent: 0 },
      withinWorst: { within: 1, decided: 1, percent: 100 },
    });
    expect(board.hours).toHaveLength(24);
    expect(board.hours.reduce((total, hour) => total + hour.raised, 0)).toBe(1);
    // The operator of the street inside the district holds the case; B's operator is not the supervisor's to see.
    expect(board.onDuty).toEqual([
      { id: operatorOfA.id, displayName: '陈静', role: 'operator', cases: 1 },
      { id: supervisor.id, displayName: supervisor.displayName, role: 'supervisor', cases: 0 },
    ]);
  });

  it("counts devices offline and low on battery, and today's missed visits per provider, of the district only", async () => {
    const before = (await wallboard()).devices;
    await harness.dataSource.query(
      `UPDATE devices SET online = false, battery = 5 WHERE elder_id = ANY($1::uuid[]) AND status = 'active'`,
      [[a.elderId, b.elderId]],
    );
    const [{ count }] = await harness.dataSource.query(
      `SELECT count(*)::int AS count FROM devices WHERE elder_id = $1 AND status = 'active'`,
      [a.elderId],
    );
    expect((await wallboard()).devices).toEqual({ offline: count, lowBattery: count, lowBelowPercent: 20 });
    expect(before.lowBattery).toBe(0);

    const [{ id: providerId }] = await harness.dataSource.query(
      `INSERT INTO providers (name) VALUES ('安心家政') RETURNING id`,
    );
    for (const elderId of [a.elderId, a.elderId, b.elderId])
      await harness.dataSource.query(
        `INSERT INTO work_orders (elder_id, provider_id, service, starts_at, minutes, quantity, status, missed_at)
         VALUES ($1, $2, 'look-in', now() - interval '1 minute', 20, 1, 'missed', now())`,
        [elderId, providerId],
      );
    expect((await wallboard()).missedVisits).toEqual([{ provider: { id: providerId, name: '安心家政' }, missed: 2 }]);
  });

  it('is refused to operators and families', async () => {
    expect(await operatorOfAClient.get('/api/wallboard')).toMatchObject({
      status: 403,
      body: { error: { code: 'forbidden' } },
    });
  });
});
