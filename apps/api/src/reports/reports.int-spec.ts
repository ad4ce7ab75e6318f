import {
  ARCHIVE_MONTHLY_REPORT_SCHEDULER_ID,
  JobName,
  QueueName,
  type ArchivedReportView,
  type CareCallRecord,
  type MonthlyReport,
  type ReportTable,
} from '@eldercare/contracts';
import { localMonthOf, parseCsv } from '@eldercare/domain';
import { openQueue } from '@eldercare/job-bus';
import { CanteenRepository, CarePlanRepository, type UserRecord } from '@eldercare/persistence';
import {
  ApiClient,
  createTestElderInPlace,
  createTestUser,
  eventually,
  TEST_PASSWORD,
  type TestElder,
} from '@eldercare/testing';
import { testGatewayOptions } from '@eldercare/test/gateway/test-gateway';
import { PlatformUnderTest } from '@eldercare/test/platform/platform-under-test';
import { Workbook } from 'exceljs';
import { COVER_SHEET_TITLE, sheetTitleOf } from './report-workbook';

/**
 * March 2025 in Asia/Shanghai. Alerts are raised by real presses and readings, claimed and resolved over the api,
 * then moved into the month with exact answer times; orders, ratings and complaints are written as rows.
 */
const MONTH = '2025-03';

/** The tables of a report by name, for exact comparison of rows. */
const tablesOf = (report: MonthlyReport): Record<string, ReportTable> =>
  Object.fromEntries(report.tables.map((table) => [table.name, table]));

/** Every sheet of a workbook, its cells as a CSV spells them (numbers in their shortest form, nothing as empty). */
async function sheetsOf(bytes: Buffer): Promise<Map<string, string[][]>> {
  const workbook = new Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheets = new Map<string, string[][]>();
  for (const sheet of workbook.worksheets) {
    const rows: string[][] = [];
    const width = sheet.getRow(1).cellCount;
    sheet.eachRow({ includeEmpty: true }, (row) =>
      rows.push(Array.from({ length: width }, (_, index) => String(row.getCell(index + 1).value ?? ''))),
    );
    sheets.set(sheet.name, rows);
  }
  return sheets;
}

describe('the monthly report', () => {
  let harness: PlatformUnderTest;
  /** Elder A and a neighbour in A's community; elder B in another district. */
  let a: TestElder;
  let neighbourId: string;
  let b: TestElder;
  let family: UserRecord;
  let supervisorOfA: ApiClient;
  let supervisorOfB: ApiClient;
  let bureau: ApiClient;

  beforeAll(async () => {
    harness = await PlatformUnderTest.start();
    [a, b] = await Promise.all([
      createTestElderInPlace(harness.dataSource),
      createTestElderInPlace(harness.dataSource, { name: '赵桂兰' }),
    ]);
    neighbourId = await insertElder(a.communityId, '李桂芳', ['living_alone', 'disabled']);
    family = await createTestUser(harness.dataSource, 'family', { elderIds: [a.elderId, neighbourId] });
    [supervisorOfA, supervisorOfB, bureau] = await Promise.all([
      signedIn(
        await createTestUser(harness.dataSource, 'supervisor', { regionIds: [a.districtId], displayName: '张敏' }),
      ),
      signedIn(
        await createTestUser(harness.dataSource, 'supervisor', { regionIds: [b.districtId], displayName: '刘洋' }),
      ),
      signedIn(await createTestUser(harness.dataSource, 'bureau')),
    ]);
    await seedAlerts();
    await seedHomeCare();
  });

  afterAll(async () => {
    await harness?.stop();
  });

  function signedIn(user: UserRecord): Promise<ApiClient> {
    return ApiClient.signedIn(harness.apiUrl, user.username, TEST_PASSWORD);
  }

  async function insertElder(communityId: string, name: string, categories: string[]): Promise<string> {
    const [{ id }] = await harness.dataSource.query(
      `INSERT INTO elders (name, gender, birth_date, categories, community_id, address) VALUES ($1, 'female', '1938-06-01', $2, $3, '南昌市东湖区八一大道1号3栋502') RETURNING id`,
      [name, categories, communityId],
    );
    return id;
  }

  /** The elder's open alert of the rule, once raised. */
  function openAlertOf(elderId: string, rule: string): Promise<string> {
    return eventually(
      async () =>
        (await harness.alertsOf(elderId)).find((alert) => alert.rule === rule && alert.status === 'raised')?.id,
    );
  }

  async function claimAndResolve(alertId: string, outcome: string): Promise<void> {
    expect((await supervisorOfA.post(`/api/alerts/${alertId}/claim`)).status).toBe(200);
    expect((await supervisorOfA.post(`/api/alerts/${alertId}/resolve`, { outcome })).status).toBe(200);
  }

  /** Moves an alert to `raisedAt`, acknowledged and resolved the given seconds later if it was. */
  async function moveAlert(alertId: string, raisedAt: string, acknowledgeSec = 0, resolveSec = 0): Promise<void> {
    await harness.dataSource.query(
      `UPDATE alerts SET raised_at = $2::timestamptz, device_time = $2::timestamptz, received_at = $2::timestamptz, stored_at = $2::timestamptz,
         first_shown_at = NULL,
         acknowledged_at = CASE WHEN acknowledged_at IS NULL THEN NULL ELSE $2::timestamptz + make_interval(secs => $3) END,
         resolved_at = CASE WHEN resolved_at IS NULL THEN NULL ELSE $2::timestamptz + make_interval(secs => $4) END
       WHERE id = $1`,
      [alertId, raisedAt, acknowledgeSec, resolveSec],
    );
  }

  async function seedAlerts(): Promise<void> {
    const button = await harness.deviceOf(a.elderId, 'call_button');
    const pressed: string[] = [];
    for (const outcome of [
      'false-alarm-pressed-by-mistake',
      'family-went',
      'false-alarm-device-fault',
      'false-alarm-pressed-by-mistake',
    ]) {
      await button.send({ kind: 'sos' });
      const alertId = await openAlertOf(a.elderId, 'sos');
      await claimAndResolve(alertId, outcome);
      pressed.push(alertId);
    }
    // The first instant of March in Shanghai is still February in UTC, and the last alert is April there.
    await moveAlert(pressed[0], '2025-03-01T00:00:10+08:00', 30, 120);
    await moveAlert(pressed[1], '2025-03-15T10:00:00+08:00', 90, 600);
    await moveAlert(pressed[2], '2025-03-31T23:50:00+08:00', 200, 900);
    await moveAlert(pressed[3], '2025-04-01T00:30:00+08:00', 10, 60);

    await (await harness.deviceOf(neighbourId, 'call_button')).send({ kind: 'sos' });
    await moveAlert(await openAlertOf(neighbourId, 'sos'), '2025-03-20T08:00:00+08:00');

    const watch = await harness.deviceOf(a.elderId, 'wearable');
    const start = Date.now() - 60_000;
    for (const [index, heartRate] of [140, 142, 145].entries())
      await watch.send({ kind: 'vitals', heartRate, ts: start + index * 1000 });
    const vitals = await openAlertOf(a.elderId, 'vitals');
    await claimAndResolve(vitals, 'elder-fine-after-call');
    await moveAlert(vitals, '2025-03-12T14:00:00+08:00', 45, 300);

    await supervisorOfA.post<CareCallRecord>('/api/care-calls', {
      elderId: a.elderId,
      outcome: 'no-answer',
      note: '响铃无人接',
    });
    await moveAlert(await openAlertOf(a.elderId, 'care-call-unanswered'), '2025-03-05T09:00:00+08:00');

    await (await harness.deviceOf(b.elderId, 'call_button')).send({ kind: 'sos' });
    await moveAlert(await openAlertOf(b.elderId, 'sos'), '2025-03-08T09:00:00+08:00');

    // March's coverage: A and the neighbour registered in January with their buttons; only A's was heard on the 31st.
    await harness.dataSource.query(
      `UPDATE elders SET created_at = '2025-01-01T00:00:00+08:00' WHERE id = ANY($1::uuid[])`,
      [[a.elderId, neighbourId]],
    );
    await harness.dataSource.query(
      `UPDATE devices SET registered_at = '2025-01-01T00:00:00+08:00' WHERE type = 'call_button' AND elder_id = ANY($1::uuid[])`,
      [[a.elderId, neighbourId]],
    );
    await harness.dataSource.query(
      `INSERT INTO device_messages (device_id, msg_id, kind, body, occurred_at, received_at) VALUES ($1, 'march-heartbeat', 'heartbeat', '{"battery": 80}', $2, $2)`,
      [button.deviceId, '2025-03-31T12:00:00+08:00'],
    );
  }

  async function seedHomeCare(): Promise<void> {
    // The bureau's own table, not the starting one: an elder in two categories is owed the larger allowance.
    await harness.dataSource.query(`DELETE FROM entitlement_rules`);
    await harness.dataSource.query(
      `INSERT INTO entitlement_rules (category, service, per_month) VALUES
         ('living_alone', 'look-in', 4), ('advanced_age', 'look-in', 3), ('living_alone', 'cleaning', 2), ('disabled', 'personal-care', 30)`,
    );
    const [anxin, kangle] = await Promise.all(
      ['安心家政,东湖店', '康乐护理'].map(
        async (name) =>
          (await harness.dataSource.query(`INSERT INTO providers (name) VALUES ($1) RETURNING id`, [name]))[0]
            .id as string,
      ),
    );
    const order = async (
      elderId: string,
      providerId: string,
      service: string,
      startsAt: string,
      status: string,
      extra: { minutes?: number; quantity?: number; exceptions?: string[]; resolution?: 'approved' | 'rejected' } = {},
    ) => {
      const [{ id }] = await harness.dataSource.query(
        `INSERT INTO work_orders (elder_id, provider_id, service, starts_at, minutes, quantity, status, exceptions,
           exception_resolution, checked_in_at, checked_out_at, missed_at, cancelled_at, cancel_reason)
         VALUES ($1, $2, $3, $4::timestamptz, $5, $6, $7, $8, $9,
           CASE WHEN $7 IN ('checked-in', 'checked-out') THEN $4::timestamptz END,
           CASE WHEN $7 = 'checked-out' THEN $4::timestamptz + make_interval(mins => $5) END,
           CASE WHEN $7 = 'missed' THEN $4::timestamptz + interval '1 hour' END,
           CASE WHEN $7 = 'cancelled' THEN $4::timestamptz - interval '1 day' END,
           CASE WHEN $7 = 'cancelled' THEN '家属取消' END)
         RETURNING id`,
        [
          elderId,
          providerId,
          service,
          startsAt,
          extra.minutes ?? 20,
          extra.quantity ?? 1,
          status,
          extra.exceptions ?? [],
          extra.resolution ?? null,
        ],
      );
      return id as string;
    };
    const rate = (workOrderId: string, stars: number, ratedAt: string) =>
      harness.dataSource.query(
        `INSERT INTO visit_ratings (work_order_id, user_id, stars, rated_at) VALUES ($1, $2, $3, $4)`,
        [workOrderId, family.id, stars, ratedAt],
      );
    const complain = (elderId: string, providerId: string | null, workOrderId: string | null, filedAt: string) =>
      harness.dataSource.query(
        `INSERT INTO complaints (elder_id, provider_id, work_order_id, user_id, text, filed_at) VALUES ($1, $2, $3, $4, '护理员迟到', $5)`,
        [elderId, providerId, workOrderId, family.id, filedAt],
      );

    // 安心家政: look-ins of A (one missed, one cancelled) and the neighbour (checked in far from home, approved by the
    // provider: delivered), a cleaning of A.
    await order(a.elderId, anxin, 'look-in', '2025-03-01T00:00:00+08:00', 'checked-out');
    await rate(
      await order(a.elderId, anxin, 'look-in', '2025-03-08T09:00:00+08:00', 'checked-out'),
      5,
      '2025-03-08T12:00:00+08:00',
    );
    const missed = await order(a.elderId, anxin, 'look-in', '2025-03-15T09:00:00+08:00', 'missed');
    await order(a.elderId, anxin, 'look-in', '2025-03-22T09:00:00+08:00', 'cancelled');
    await rate(
      await order(neighbourId, anxin, 'look-in', '2025-03-10T09:00:00+08:00', 'checked-out', {
        exceptions: ['far-from-home'],
        resolution: 'approved',
      }),
      4,
      '2025-03-10T12:00:00+08:00',
    );
    await order(a.elderId, anxin, 'cleaning', '2025-03-31T23:59:59+08:00', 'checked-out', {
      minutes: 120,
      quantity: 2,
    });
    await order(a.elderId, anxin, 'look-in', '2025-04-01T00:00:00+08:00', 'checked-out');
    // 康乐护理: personal care of the neighbour, one visit still going; a February visit rated in March counts as rated in March.
    await rate(
      await order(neighbourId, kangle, 'personal-care', '2025-03-03T09:00:00+08:00', 'checked-out', { minutes: 60 }),
      3,
      '2025-03-03T12:00:00+08:00',
    );
    // One visit too short, still open; one checked in the evening before and rejected: neither delivered.
    await order(neighbourId, kangle, 'personal-care', '2025-03-04T09:00:00+08:00', 'checked-out', {
      minutes: 60,
      exceptions: ['short-visit'],
    });
    await order(neighbourId, kangle, 'personal-care', '2025-03-06T09:00:00+08:00', 'checked-out', {
      minutes: 60,
      exceptions: ['early-check-in', 'short-visit'],
      resolution: 'rejected',
    });
    await order(neighbourId, kangle, 'personal-care', '2025-03-05T09:00:00+08:00', 'checked-in', { minutes: 60 });
    await rate(
      await order(neighbourId, kangle, 'personal-care', '2025-02-28T23:59:00+08:00', 'checked-out', { minutes: 60 }),
      1,
      '2025-03-01T08:00:00+08:00',
    );
    // Complaints: against a provider, against a visit only, against nobody, and one in April.
    await complain(a.elderId, kangle, null, '2025-03-20T10:00:00+08:00');
    await complain(a.elderId, null, missed, '2025-03-16T10:00:00+08:00');
    await complain(neighbourId, null, null, '2025-03-25T10:00:00+08:00');
    await complain(a.elderId, anxin, null, '2025-04-02T10:00:00+08:00');
    // Elder B's visit, in another district.
    const visitOfB = await order(b.elderId, anxin, 'look-in', '2025-03-09T09:00:00+08:00', 'checked-out');
    await rate(visitOfB, 2, '2025-03-09T12:00:00+08:00');
    await complain(b.elderId, anxin, visitOfB, '2025-03-09T13:00:00+08:00');
  }

  it('gives a supervisor every table of the month for the elders of their district, with exact figures', async () => {
    const { status, body } = await supervisorOfA.get<MonthlyReport>(`/api/reports/monthly?month=${MONTH}`);
    expect(status).toBe(200);
    expect(body.month).toBe(MONTH);
    expect(body.region).toBeNull();
    expect(body.tables.map((table) => table.name)).toEqual([
      'alerts',
      'response',
      'false-alarms',
      'services',
      'visits',
      'ratings',
      'coverage',
      'meals',
      'meal-cross-check',
      'time-bank',
      'risk-visits',
      'adaptation',
    ]);
    const tables = tablesOf(body);

    expect(tables.alerts).toEqual({
      name: 'alerts',
      columns: ['告警类型', '级别', '告警数'],
      rows: [
        ['紧急呼叫', '危急', 4],
        ['体征异常', '紧急', 1],
        ['关怀电话未接通', '需探视', 1],
      ],
    });
    // Critical: acknowledged after 30, 90 and 200 s, one never; resolved after 120, 600 and 900 s.
    expect(tables.response).toEqual({
      name: 'response',
      columns: [
        '级别',
        '告警数',
        '已接警数',
        '60秒内接警率（%）',
        '180秒内接警率（%）',
        '接警用时P50（秒）',
        '接警用时P90（秒）',
        '处置用时P50（秒）',
        '处置用时P90（秒）',
      ],
      rows: [
        ['危急', 4, 3, 25, 50, 90, 178, 600, 840],
        ['紧急', 1, 1, 100, 100, 45, 45, 300, 300],
      ],
    });
    expect(tables['false-alarms']).toEqual({
      name: 'false-alarms',
      columns: ['告警类型', '已处置数', '误报数', '误报率（%）'],
      rows: [
        ['紧急呼叫', 3, 2, 66.7],
        ['体征异常', 1, 0, 0],
      ],
    });
    // Owed: A 2 hours of cleaning; look-ins 4 each to A and the neighbour (both live alone); the neighbour 30 hours of care.
    expect(tables.services).toEqual({
      name: 'services',
      columns: [
        '服务商',
        '服务项目',
        '单位',
        '服务老人数',
        '应享量',
        '计划量',
        '已服务量',
        '失约次数',
        '完成率（已服务/计划，%）',
        '兑现率（已服务/应享，%）',
      ],
      rows: [
        ['安心家政,东湖店', '助洁', '小时', 1, 2, 2, 2, 0, 100, 100],
        ['安心家政,东湖店', '巡访·日常探视', '次', 2, 8, 4, 3, 1, 75, 37.5],
        ['康乐护理', '照护', '小时', 1, 30, 4, 1, 0, 25, 3.3],
      ],
    });
    expect(tables.visits).toEqual({
      name: 'visits',
      columns: ['服务商', '工单数', '已完成', '异常待处理', '异常已认可', '异常已驳回', '失约', '已取消'],
      rows: [
        ['安心家政,东湖店', 6, 4, 0, 1, 0, 1, 1],
        ['康乐护理', 4, 1, 1, 0, 1, 0, 0],
      ],
    });
    expect(tables.ratings).toEqual({
      name: 'ratings',
      columns: ['服务商', '评价数', '平均星级', '投诉数'],
      rows: [
        ['安心家政,东湖店', 2, 4.5, 1],
        ['康乐护理', 2, 2, 1],
        ['（未指明服务商）', 0, null, 1],
      ],
    });
    expect(tables.coverage).toEqual({
      name: 'coverage',
      columns: ['区', '街道', '社区', '老人数', '24小时内设备有信号的老人数', '覆盖率（%）'],
      rows: [['测试区', '测试街道', '测试社区', 2, 1, 50]],
    });
  });

  it('gives the bureau the same figures for a region of any level, and the whole city without one', async () => {
    const { body: ofSupervisor } = await supervisorOfA.get<MonthlyReport>(`/api/reports/monthly?month=${MONTH}`);
    for (const [regionId, name] of [
      [a.districtId, '测试区'],
      [a.streetId, '测试街道'],
      [a.communityId, '测试社区'],
    ]) {
      const { status, body } = await bureau.get<MonthlyReport>(
        `/api/reports/monthly?month=${MONTH}&regionId=${regionId}`,
      );
      expect(status).toBe(200);
      expect(body.region).toEqual({ id: regionId, name });
      expect(body.tables).toEqual(ofSupervisor.tables);
    }

    const { body: city } = await bureau.get<MonthlyReport>(`/api/reports/monthly?month=${MONTH}`);
    expect(tablesOf(city).alerts.rows).toEqual([
      ['紧急呼叫', '危急', 5],
      ['体征异常', '紧急', 1],
      ['关怀电话未接通', '需探视', 1],
    ]);
    expect(tablesOf(city).visits.rows).toEqual([
      ['安心家政,东湖店', 7, 5, 0, 1, 0, 1, 1],
      ['康乐护理', 4, 1, 1, 0, 1, 0, 0],
    ]);
  });

  it("keeps each supervisor to their own district: B's supervisor sees B's month and nothing of A's", async () => {
    const { body } = await supervisorOfB.get<MonthlyReport>(`/api/reports/monthly?month=${MONTH}`);
    const tables = tablesOf(body);
    expect(tables.alerts.rows).toEqual([['紧急呼叫', '危急', 1]]);
    expect(tables.response.rows).toEqual([
      ['危急', 1, 0, 0, 0, null, null, null, null],
      ['紧急', 0, 0, null, null, null, null, null, null],
    ]);
    expect(tables['false-alarms'].rows).toEqual([]);
    expect(tables.services.rows).toEqual([['安心家政,东湖店', '巡访·日常探视', '次', 1, 4, 1, 1, 0, 100, 25]]);
    expect(tables.visits.rows).toEqual([['安心家政,东湖店', 1, 1, 0, 0, 0, 0, 0]]);
    expect(tables.ratings.rows).toEqual([['安心家政,东湖店', 1, 2, 1]]);
    // B was registered after March.
    expect(tables.coverage.rows).toEqual([]);

    const refused = await supervisorOfB.get(`/api/reports/monthly?month=${MONTH}&regionId=${a.districtId}`);
    expect(refused).toMatchObject({ status: 404, body: { error: { code: 'region-not-found' } } });
  });

  it('counts meals and subsidies per canteen and category, and finds subsidised meals on a day the elder was in hospital or while their watch put them elsewhere', async () => {
    const providerId = await new CarePlanRepository(harness.dataSource).insertProvider({ name: '报表助餐社' });
    const cashier = await createTestUser(harness.dataSource, 'cashier', { providerId });
    const canteenId = await new CanteenRepository(harness.dataSource).insertCanteen({
      name: '报表社区长者食堂',
      providerId,
      communityId: a.communityId,
      address: '报表路 1 号',
      lat: 28.68,
      lon: 115.89,
      priceCents: 1500,
      periods: [{ period: 'lunch', opens: '11:00', closes: '13:30' }],
    });
    const meal = (elderId: string, date: string, subsidyCents: number, category: string | null) =>
      harness.dataSource.query(
        `INSERT INTO meal_transactions (elder_id, canteen_id, terminal, meal_date, period, identified_by, identify_reason,
           price_cents, subsidy_cents, self_pay_cents, subsidy_category, cashier_id, served_at)
         VALUES ($1, $2, 'pad-1', $3::date, 'lunch', 'qr', '未录入人脸', 1500, $4::int, 1500 - $4::int, $5, $6, ($3::text || 'T11:30:00+08:00')::timestamptz)`,
        [elderId, canteenId, date, subsidyCents, category, cashier.id],
      );
    for (const date of ['2025-03-03', '2025-03-04', '2025-03-05']) await meal(a.elderId, date, 1400, 'extreme_poverty');
    await meal(a.elderId, '2025-03-03', 0, null);
    await meal(neighbourId, '2025-03-10', 500, 'aged_65');
    await meal(b.elderId, '2025-03-05', 1400, 'extreme_poverty');
    await meal(a.elderId, '2025-04-01', 1400, 'extreme_poverty');
    // In hospital for part of 4 March: that day's subsidised lunch is suspect, the next day's is not.
    await harness.dataSource.query(
      `INSERT INTO elder_absences (elder_id, reason, starts_at, ends_at, recorded_by)
       VALUES ($1, 'hospital', '2025-03-04T14:00:00+08:00', '2025-03-04T20:00:00+08:00', 'family')`,
      [a.elderId],
    );

    // The neighbour's watch: 3.3 km north of the canteen five minutes before their lunch of 10 March was served, and
    // next to it at their lunch of 3 March (a meal no device contradicts).
    await harness.dataSource.query(
      `INSERT INTO devices (id, type, elder_id, secret_hash) VALUES ('watch-report-meals', 'wearable', $1, 'unused')`,
      [neighbourId],
    );
    const position = (msgId: string, at: string, lat: number) =>
      harness.dataSource.query(
        `INSERT INTO device_messages (device_id, msg_id, kind, body, occurred_at, received_at)
         VALUES ('watch-report-meals', $1, 'location', jsonb_build_object('lat', $3::float8, 'lon', 115.89, 'accuracyM', 20), $2, $2)`,
        [msgId, at, lat],
      );
    await position('march-10-far', '2025-03-10T11:25:00+08:00', 28.71);
    await position('march-10-early', '2025-03-10T10:30:00+08:00', 28.68);
    await meal(neighbourId, '2025-03-03', 500, 'aged_65');
    await position('march-03-near', '2025-03-03T11:31:00+08:00', 28.6805);

    const { body } = await supervisorOfA.get<MonthlyReport>(`/api/reports/monthly?month=${MONTH}`);
    expect(tablesOf(body).meals.rows).toEqual([
      ['报表社区长者食堂', '65岁以上', 2, 2, 10, 20],
      ['报表社区长者食堂', '特困', 3, 3, 42, 3],
      ['报表社区长者食堂', '无补贴', 1, 0, 0, 15],
    ]);
    expect(tablesOf(body)['meal-cross-check'].rows).toEqual([
      ['王秀英', '报表社区长者食堂', '2025-03-04', '午餐', 14, '二维码卡', '住院'],
      ['李桂芳', '报表社区长者食堂', '2025-03-10', '午餐', 5, '二维码卡', '设备定位距食堂 3.3 公里（11:25）'],
    ]);
    const { body: city } = await bureau.get<MonthlyReport>(`/api/reports/monthly?month=${MONTH}&table=meals`);
    expect(city.tables[0].rows).toContainEqual(['报表社区长者食堂', '特困', 4, 4, 56, 4]);
  });

  it('counts an ordered meal in the month it is eaten, not the month it was ordered in', async () => {
    const c = await createTestElderInPlace(harness.dataSource, { name: '孙玉兰' });
    const [orderer, supervisorOfC] = await Promise.all([
      createTestUser(harness.dataSource, 'family', { elderIds: [c.elderId] }),
      createTestUser(harness.dataSource, 'supervisor', { regionIds: [c.districtId] }).then(signedIn),
    ]);
    const providerId = await new CarePlanRepository(harness.dataSource).insertProvider({ name: '月末助餐社' });
    const canteenId = await new CanteenRepository(harness.dataSource).insertCanteen({
      name: '月末社区长者食堂',
      providerId,
      communityId: c.communityId,
      address: '月末路 1 号',
      lat: 28.68,
      lon: 115.89,
      priceCents: 1500,
      periods: [{ period: 'lunch', opens: '11:00', closes: '13:30' }],
    });
    const order = (mealDate: string, orderedAt: string) =>
      harness.dataSource.query(
        `INSERT INTO meal_transactions (elder_id, canteen_id, meal_date, period, identified_by, price_cents,
           subsidy_cents, self_pay_cents, subsidy_category, ordered_by, served_at)
         VALUES ($1, $2, $3::date, 'lunch', 'order', 1500, 1400, 100, 'extreme_poverty', $4, $5::timestamptz)`,
        [c.elderId, canteenId, mealDate, orderer.id, orderedAt],
      );
    // Ordered on the last evening of February for 1 March, and on the last evening of March for 1 April.
    await order('2025-03-01', '2025-02-28T20:00:00+08:00');
    await order('2025-04-01', '2025-03-31T20:00:00+08:00');
    // In hospital on 1 March: the lunch ordered for that day in February is suspect in March's report.
    await harness.dataSource.query(
      `INSERT INTO elder_absences (elder_id, reason, starts_at, ends_at, recorded_by)
       VALUES ($1, 'hospital', '2025-03-01T08:00:00+08:00', '2025-03-01T18:00:00+08:00', 'family')`,
      [c.elderId],
    );

    const { body: march } = await supervisorOfC.get<MonthlyReport>(`/api/reports/monthly?month=${MONTH}`);
    expect(tablesOf(march).meals.rows).toEqual([['月末社区长者食堂', '特困', 1, 1, 14, 1]]);
    expect(tablesOf(march)['meal-cross-check'].rows).toEqual([
      ['孙玉兰', '月末社区长者食堂', '2025-03-01', '午餐', 14, '家属订餐', '住院'],
    ]);
    const { body: february } = await supervisorOfC.get<MonthlyReport>(`/api/reports/monthly?month=2025-02`);
    expect(tablesOf(february).meals.rows).toEqual([]);
    expect(tablesOf(february)['meal-cross-check'].rows).toEqual([]);
    const { body: april } = await supervisorOfC.get<MonthlyReport>(`/api/reports/monthly?month=2025-04`);
    expect(tablesOf(april).meals.rows).toEqual([['月末社区长者食堂', '特困', 1, 1, 14, 1]]);
  });

  it('answers a supervisor of a district with nothing in it with every table, its columns and no rows', async () => {
    const elsewhere = await createTestElderInPlace(harness.dataSource);
    const sut = await signedIn(
      await createTestUser(harness.dataSource, 'supervisor', { regionIds: [elsewhere.districtId] }),
    );
    const { status, body } = await sut.get<MonthlyReport>(`/api/reports/monthly?month=${MONTH}`);
    expect(status).toBe(200);
    for (const table of body.tables) {
      expect(table.columns.length).toBeGreaterThan(2);
      if (table.name !== 'response') expect(table.rows).toEqual([]);
    }
    expect(tablesOf(body).response.rows.map((row) => row.slice(0, 3))).toEqual([
      ['危急', 0, 0],
      ['紧急', 0, 0],
    ]);
  });

  it("takes this month's coverage now: a device heard within the day covers its elder, one silent for 25 hours does not", async () => {
    const quiet = await insertElder(a.communityId, '周玉兰', ['empty_nest']);
    await harness.dataSource.query(
      `INSERT INTO devices (id, type, elder_id, secret_hash, last_seen_at) VALUES ('btn-report-quiet', 'call_button', $1, 'unused', now() - interval '25 hours')`,
      [quiet],
    );
    const month = localMonthOf(Date.now());

    const { body } = await supervisorOfA.get<MonthlyReport>(`/api/reports/monthly?month=${month}&table=coverage`);
    expect(body.tables).toEqual([
      expect.objectContaining({ name: 'coverage', rows: [['测试区', '测试街道', '测试社区', 3, 2, 66.7]] }),
    ]);
  });

  it('writes one table as a CSV file for Excel: byte-order mark, zh-CN header, quoted cells', async () => {
    const response = await fetch(
      `${harness.apiUrl}/api/reports/monthly?month=${MONTH}&regionId=${a.districtId}&format=csv&table=services`,
      {
        headers: { cookie: bureau.cookieHeader },
      },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="report-${MONTH}-services.csv"`);
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8')).toBe(
      [
        '服务商,服务项目,单位,服务老人数,应享量,计划量,已服务量,失约次数,完成率（已服务/计划，%）,兑现率（已服务/应享，%）',
        '"安心家政,东湖店",助洁,小时,1,2,2,2,0,100,100',
        '"安心家政,东湖店",巡访·日常探视,次,2,8,4,3,1,75,37.5',
        '康乐护理,照护,小时,1,30,4,1,0,25,3.3',
        '',
      ].join('\r\n'),
    );
  });

  it('refuses operators and families, and requests it cannot read', async () => {
    const operator = await signedIn(
      await createTestUser(harness.dataSource, 'operator', { regionIds: [a.districtId] }),
    );
    expect(await operator.get(`/api/reports/monthly?month=${MONTH}`)).toMatchObject({
      status: 403,
      body: { error: { code: 'forbidden' } },
    });
    expect((await (await signedIn(family)).get(`/api/reports/monthly?month=${MONTH}`)).status).toBe(403);

    expect((await bureau.get('/api/reports/monthly?month=2025-13')).status).toBe(400);
    expect((await bureau.get('/api/reports/monthly')).status).toBe(400);
    expect((await bureau.get(`/api/reports/monthly?month=${MONTH}&format=csv`)).body).toMatchObject({
      error: { code: 'invalid-request', message: expect.stringContaining('table') },
    });
    expect((await bureau.get(`/api/reports/monthly?month=${MONTH}&table=nonsense`)).status).toBe(400);
    expect(await bureau.get('/api/reports/monthly?month=2999-01')).toMatchObject({
      status: 400,
      body: { error: { code: 'report-month-in-future' } },
    });
    expect((await bureau.get(`/api/reports/monthly?month=${MONTH}&regionId=${crypto.randomUUID()}`)).status).toBe(404);
  });

  async function download(client: ApiClient, path: string): Promise<{ response: Response; bytes: Buffer }> {
    const response = await fetch(`${harness.apiUrl}${path}`, { headers: { cookie: client.cookieHeader } });
    return { response, bytes: Buffer.from(await response.arrayBuffer()) };
  }

  it('writes the month as an Excel workbook whose every table reads back with the same figures as its CSV', async () => {
    const query = `month=${MONTH}&regionId=${a.districtId}`;
    const { response, bytes } = await download(bureau, `/api/reports/monthly?${query}&format=xlsx`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="report-${MONTH}.xlsx"`);
    const sheets = await sheetsOf(bytes);
    expect(sheets.get(COVER_SHEET_TITLE)?.slice(0, 3)).toEqual([
      ['报表', '月度报表'],
      ['区域', '测试区'],
      ['月份', MONTH],
    ]);

    const { body: report } = await bureau.get<MonthlyReport>(`/api/reports/monthly?${query}`);
    expect([...sheets.keys()]).toEqual([COVER_SHEET_TITLE, ...report.tables.map((table) => sheetTitleOf(table.name))]);
    for (const table of report.tables) {
      const csv = await download(bureau, `/api/reports/monthly?${query}&format=csv&table=${table.name}`);
      const { records } = parseCsv(csv.bytes.subarray(3).toString('utf8'));
      expect(sheets.get(sheetTitleOf(table.name))).toEqual(records.map((record) => record.fields));
    }
  });

  it("names the supervisor's own district on the cover of a workbook of their whole scope", async () => {
    const { bytes } = await download(supervisorOfA, `/api/reports/monthly?month=${MONTH}&format=xlsx`);
    expect((await sheetsOf(bytes)).get(COVER_SHEET_TITLE)?.[1]).toEqual(['区域', '测试区']);
    expect(
      (await supervisorOfA.get(`/api/reports/monthly?month=${MONTH}&format=xlsx&table=alerts`)).body,
    ).toMatchObject({ error: { code: 'invalid-request', message: expect.stringContaining('every table') } });
  });

  it('archives the month on schedule, keeps it downloadable for the bureau, and shows a supervisor none of it', async () => {
    const connection = testGatewayOptions(harness.broker, harness.queuePrefix);
    const reports = openQueue(QueueName.Reports, connection);
    try {
      const scheduler = await reports.getJobScheduler(ARCHIVE_MONTHLY_REPORT_SCHEDULER_ID);
      expect(scheduler).toMatchObject({ pattern: '0 1 1 * *', tz: 'Asia/Shanghai' });
      await reports.add(JobName.ArchiveMonthlyReport, { month: MONTH });
      const archived = await eventually(async () => {
        const { body } = await bureau.get<ArchivedReportView[]>('/api/reports/archive');
        return body.find((entry) => entry.month === MONTH);
      });
      expect(archived.bytes).toBeGreaterThan(0);
    } finally {
      await reports.close();
    }

    const { response, bytes } = await download(bureau, `/api/reports/archive/${MONTH}`);
    expect(response.status).toBe(200);
    expect(bytes.length).toBe((await bureau.get<ArchivedReportView[]>('/api/reports/archive')).body[0].bytes);
    const sheets = await sheetsOf(bytes);
    expect(sheets.get(COVER_SHEET_TITLE)?.[1]).toEqual(['区域', '全市']);
    const { body: city } = await bureau.get<MonthlyReport>(`/api/reports/monthly?month=${MONTH}&table=visits`);
    expect(sheets.get(sheetTitleOf('visits'))?.slice(1)).toEqual(
      city.tables[0].rows.map((row) => row.map((cell) => String(cell ?? ''))),
    );

    expect((await supervisorOfA.get('/api/reports/archive')).body).toEqual([]);
    expect(await supervisorOfA.get(`/api/reports/archive/${MONTH}`)).toMatchObject({
      status: 404,
      body: { error: { code: 'archived-report-not-found' } },
    });
    expect((await bureau.get('/api/reports/archive/2024-02')).status).toBe(404);
    expect((await bureau.get('/api/reports/archive/nonsense')).status).toBe(404);
  });
});
