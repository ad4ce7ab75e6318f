import { createTestDatabase, createTestElder, expectEventually, type TestDatabase } from '@eldercare/testing';
import type { DataSource } from 'typeorm';
import { openDatabase } from '../data-source';
import { AlertRepository, type AlertTrigger, type TriggerOutcome } from './alert.repository';

describe('AlertRepository on Postgres', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let sut: AlertRepository;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await openDatabase(database.url, { poolSize: 4 });
    sut = new AlertRepository(dataSource);
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  /** An elder with two buttons, as a flat with one in the bedroom and one in the bathroom. */
  async function elderWithTwoDevices(name: string): Promise<{ elderId: string; devices: [string, string] }> {
    const elderId = await createTestElder(dataSource);
    const devices: [string, string] = [`btn-${name}-1`, `btn-${name}-2`];
    for (const id of devices)
      await dataSource.query(
        `INSERT INTO devices (id, type, elder_id, secret_hash) VALUES ($1, 'call_button', $2, 'x')`,
        [id, elderId],
      );
    return { elderId, devices };
  }

  function lastWill(elderId: string, deviceId: string, at: number): AlertTrigger {
    const when = new Date(at);
    return {
      elderId,
      deviceId,
      rule: 'device-silent',
      severity: 'maintenance',
      evidence: { reason: 'last-will' },
      triggerKey: `status:${deviceId}:offline:${at}`,
      sourceMsgId: null,
      deviceTime: when,
      receivedAt: when,
      storedAt: when,
      raisedAt: when,
    };
  }

  const openAlertsOf = (elderId: string) =>
    dataSource.query(
      `SELECT id, trigger_count FROM alerts WHERE elder_id = $1 AND status IN ('raised', 'acknowledged')`,
      [elderId],
    );

  /** Transactions of this test database waiting for a lock another one holds. */
  const waitingForLocks = async () =>
    Number(
      (
        await dataSource.query(
          `SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
        )
      )[0].count,
    );

  it('merges two devices raising the same rule for one elder at once into one alert, the second waiting for the first', async () => {
    const { elderId, devices } = await elderWithTwoDevices('wills');
    const at = Date.now();
    let firstRaised!: () => void;
    let commitFirst!: () => void;
    const raisedByFirst = new Promise<void>((resolve) => (firstRaised = resolve));
    const firstMayCommit = new Promise<void>((resolve) => (commitFirst = resolve));

    const first = dataSource.transaction(async (manager) => {
      const outcome = await sut.trigger(manager, lastWill(elderId, devices[0], at));
      firstRaised();
      await firstMayCommit;
      return outcome;
    });
    await raisedByFirst;
    const second = dataSource.transaction((manager) => sut.trigger(manager, lastWill(elderId, devices[1], at + 1)));
    await expectEventually(async () => expect(await waitingForLocks()).toBe(1));
    commitFirst();

    const [opened, merged]: TriggerOutcome[] = await Promise.all([first, second]);
    expect(opened).toMatchObject({ kind: 'opened', triggerCount: 1 });
    expect(merged).toMatchObject({ kind: 'merged', alertId: opened.alertId, triggerCount: 2 });
    expect(await openAlertsOf(elderId)).toEqual([{ id: opened.alertId, trigger_count: 2 }]);
  });

  it('counts a trigger once, however often it is raised', async () => {
    const { elderId, devices } = await elderWithTwoDevices('again');
    const will = lastWill(elderId, devices[0], Date.now());

    const first = await dataSource.transaction((manager) => sut.trigger(manager, will));
    const again = await dataSource.transaction((manager) => sut.trigger(manager, will));

    expect(again).toEqual({ ...first, kind: 'already-counted' });
    expect(await openAlertsOf(elderId)).toEqual([{ id: first.alertId, trigger_count: 1 }]);
  });

  describe('resolving what a device alone raised', () => {
    const resolveFor = (elderId: string, deviceId: string) =>
      dataSource.transaction((manager) =>
        sut.resolveRaisedByDeviceAlone(manager, {
          elderId,
          deviceId,
          rule: 'device-silent',
          outcome: 'device-back-online',
          at: new Date(),
        }),
      );

    it('resolves the alert when every trigger of it came from the device', async () => {
      const { elderId, devices } = await elderWithTwoDevices('alone');
      const { alertId } = await dataSource.transaction((manager) =>
        sut.trigger(manager, lastWill(elderId, devices[0], Date.now())),
      );

      expect(await resolveFor(elderId, devices[0])).toBe(alertId);
      expect(await openAlertsOf(elderId)).toEqual([]);
      const [row] = await dataSource.query('SELECT status, outcome FROM alerts WHERE id = $1', [alertId]);
      expect(row).toEqual({ status: 'resolved', outcome: 'device-back-online' });
    });

    it('keeps the alert open while another device of the elder is still silent', async () => {
      const { elderId, devices } = await elderWithTwoDevices('both');
      const at = Date.now();
      for (const [index, deviceId] of devices.entries())
        await dataSource.transaction((manager) => sut.trigger(manager, lastWill(elderId, deviceId, at + index)));

      expect(await resolveFor(elderId, devices[0])).toBeUndefined();
      expect(await openAlertsOf(elderId)).toEqual([{ id: expect.any(String), trigger_count: 2 }]);
    });
  });
});
