/**
 * work-orders: home care at city scale on this machine: a week of work orders made from the care plans of 5,000 elders (three
 * lines each: weekday meals, personal care, a weekly look-in), then the same run again, which must make nothing and
 * is the baseline of what the unique visit key costs; then the sweep that marks a morning's forgotten visits missed
 * and raises their alerts in one transaction.
 */
import { WorkOrderGenerator } from '@eldercare/worker';
import { AlertRepository, CarePlanRepository, openDatabase, WorkOrderRepository } from '@eldercare/persistence';
import { createEmptyDatabase, dropDatabase } from '@eldercare/testing';
import { randomBytes } from 'node:crypto';
import { runPart } from '../harness/run-part';

const ELDERS = 5000;
const seconds = (since: number) => (performance.now() - since) / 1000;

runPart('work-orders', async ({ sheet }) => {
  const database = `eldercare_bench_${randomBytes(4).toString('hex')}`;
  const dataSource = await openDatabase(await createEmptyDatabase(database), { poolSize: 4 });
  try {
    const [{ id: communityId }] = await dataSource.query(`
      WITH d AS (INSERT INTO regions (code, name, level) VALUES ('b-d', '东湖区', 'district') RETURNING id),
           s AS (INSERT INTO regions (code, name, level, parent_id) SELECT 'b-s', '公园街道', 'street', id FROM d RETURNING id)
      INSERT INTO regions (code, name, level, parent_id) SELECT 'b-c', '公园社区', 'community', id FROM s RETURNING id`);
    await dataSource.query(
      `INSERT INTO elders (name, gender, birth_date, categories, community_id, address, home_lat, home_lon)
       SELECT '老人' || n, 'female', '1940-01-01', '{living_alone,extreme_poverty,disabled}', $1, '八一大道' || n || '号', 28.68, 115.89
       FROM generate_series(1, $2) n`,
      [communityId, ELDERS],
    );
    const [{ id: userId }] = await dataSource.query(
      `INSERT INTO users (username, display_name, password_hash, role) VALUES ('bench', 'bench', 'x', 'admin') RETURNING id`,
    );
    const plans = new CarePlanRepository(dataSource);
    const providerId = await plans.insertProvider({ name: '夕阳红' });
    await dataSource.query(
      `INSERT INTO care_plan_lines (elder_id, provider_id, service, weekdays, times, starts_on, created_by)
       SELECT e.id, $1, l.service, l.weekdays, l.times, '2026-11-01', $2 FROM elders e,
         (VALUES ('meal-delivery', '{1,2,3,4,5}'::smallint[], '{11:30}'::text[]), ('personal-care', '{1,3,5}', '{09:00}'), ('look-in', '{2}', '{15:00}')) AS l(service, weekdays, times)`,
      [providerId, userId],
    );

    const orders = new WorkOrderRepository(dataSource);
    const generator = new WorkOrderGenerator(plans, orders);
    const now = Date.parse('2026-11-22T23:00:00+08:00');
    let started = performance.now();
    const made = await generator.generate(now);
    const first = seconds(started);
    started = performance.now();
    const again = await generator.generate(now);
    const second = seconds(started);

    // A Monday morning: nobody checked in to the 09:00 visits; at 09:30 they are all missed.
    const sweepAt = new Date(Date.parse('2026-11-23T09:30:00+08:00'));
    started = performance.now();
    const missed = await orders.inTransaction(async (manager) => {
      const marked = await orders.markMissed(manager, sweepAt, 30);
      const alerts = new AlertRepository(dataSource);
      for (const order of marked) {
        await alerts.trigger(manager, {
          elderId: order.elderId,
          deviceId: null,
          rule: 'visit-missed',
          severity: 'urgent',
          evidence: { workOrderId: order.id },
          triggerKey: `visit-missed:${order.id}`,
          sourceMsgId: null,
          deviceTime: order.startsAt,
          receivedAt: sweepAt,
          storedAt: sweepAt,
          raisedAt: sweepAt,
        });
      }
      return marked.length;
    });
    const sweep = seconds(started);

    console.log(`  ${ELDERS.toLocaleString('en')} elders, ${(ELDERS * 3).toLocaleString('en')} plan lines, one week`);
    if (again !== 0) sheet.note(`the second run made ${again} orders, not 0`);
    // Baseline: the same visits again, all refused by their key.
    sheet.add('repeat_run_s', second, 's');
    sheet.add('first_run_s', first, 's', 'repeat_run_s');
    sheet.add('orders_made', made, 'orders');
    sheet.add('orders_per_s', made / first, 'orders/s');
    sheet.add('missed_sweep_s', sweep, 's');
    sheet.add('missed_with_alerts_per_s', missed / sweep, 'visits/s');
  } finally {
    await dataSource.destroy();
    await dropDatabase(database);
  }
});
