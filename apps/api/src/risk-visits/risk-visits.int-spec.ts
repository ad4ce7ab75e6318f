import type { AlertView, ElderPairView, MonthlyReport, OverdueVisitView, RiskVisitView } from '@eldercare/contracts';
import { DAY_MS } from '@eldercare/domain';
import { ApiClient, createTestElderInPlace, createTestUser, TEST_PASSWORD, type TestElder } from '@eldercare/testing';
import { PlatformUnderTest } from '@eldercare/test/platform/platform-under-test';

type Refusal = { error: { code: string } };

describe('visits to elders at risk: a named pair, visits on schedule, overdue ones checked on, findings raised', () => {
  let harness: PlatformUnderTest;
  let elder: TestElder;
  let supervisor: ApiClient;
  let operator: ApiClient;
  let bureau: ApiClient;
  let family: ApiClient;

  const signIn = (username: string) => ApiClient.signedIn(harness.apiUrl, username, TEST_PASSWORD);

  beforeAll(async () => {
    harness = await PlatformUnderTest.start();
    elder = await createTestElderInPlace(harness.dataSource, { name: '钟淑珍' });
    await harness.dataSource.query(`UPDATE elders SET categories = '{living_alone,extreme_poverty}' WHERE id = $1`, [
      elder.elderId,
    ]);
    [supervisor, operator, bureau, family] = await Promise.all([
      createTestUser(harness.dataSource, 'supervisor', { regionIds: [elder.districtId] }).then((u) =>
        signIn(u.username),
      ),
      createTestUser(harness.dataSource, 'operator', { regionIds: [elder.districtId] }).then((u) => signIn(u.username)),
      createTestUser(harness.dataSource, 'bureau').then((u) => signIn(u.username)),
      createTestUser(harness.dataSource, 'family', { elderIds: [elder.elderId] }).then((u) => signIn(u.username)),
    ]);
  });

  afterAll(async () => {
    await harness?.stop();
  });

  it('names a pair at a risk level, visited as often as the bureau sets, and lists the elder once overdue', async () => {
    const refused = await family.put<Refusal>(`/api/elders/${elder.elderId}/pair`, {
      riskLevel: 'high',
      pairKind: 'neighbour',
      pairName: '邻居老李',
      pairPhone: '13700001111',
    });
    expect(refused.status).toBe(403);
    const paired = await supervisor.put<ElderPairView>(`/api/elders/${elder.elderId}/pair`, {
      riskLevel: 'high',
      pairKind: 'community-worker',
      pairName: '社工黄敏',
      pairPhone: '13700002222',
    });
    expect(paired.body).toMatchObject({ riskLevel: 'high', everyDays: 7, overdue: false, visits: [] });

    const changed = await bureau.put<Record<string, number>>('/api/visit-frequencies', {
      high: 3,
      key: 30,
      general: 90,
    });
    expect(changed.body).toEqual({ high: 3, key: 30, general: 90 });
    expect((await supervisor.put('/api/visit-frequencies', { high: 1, key: 1, general: 1 })).status).toBe(403);

    await harness.dataSource.query(`UPDATE elder_pairs SET paired_at = now() - interval '4 days' WHERE elder_id = $1`, [
      elder.elderId,
    ]);
    const overdue = await supervisor.get<OverdueVisitView[]>('/api/risk-visits/overdue');
    expect(overdue.body).toEqual([
      expect.objectContaining({
        elder: expect.objectContaining({ id: elder.elderId, name: '钟淑珍' }),
        riskLevel: 'high',
        daysOverdue: 1,
        pair: { kind: 'community-worker', name: '社工黄敏', phone: '13700002222' },
      }),
    ]);

    expect(await harness.sweepOverdueRiskVisits()).toBe(1);
    expect(await harness.sweepOverdueRiskVisits()).toBe(0);
    const checkOns = (await harness.alertsOf(elder.elderId)).filter((alert) => alert.rule === 'risk-visit-overdue');
    expect(checkOns).toHaveLength(1);
    expect(checkOns[0].severity).toBe('check-on');

    const visit = await operator.post<RiskVisitView>(`/api/elders/${elder.elderId}/risk-visits`, {
      mode: 'phone',
      findings: '电话问候，老人说一切都好',
    });
    expect(visit).toMatchObject({ status: 201, body: { mode: 'phone', concerns: [], alertId: null } });
    expect((await supervisor.get<OverdueVisitView[]>('/api/risk-visits/overdue')).body).toEqual([]);
    const pair = await supervisor.get<ElderPairView>(`/api/elders/${elder.elderId}/pair`);
    expect(pair.body.overdue).toBe(false);
    expect(Date.parse(pair.body.dueAt) - Date.parse(visit.body.visitedAt)).toBe(3 * DAY_MS);
  });

  it('opens an alert as grave as what the visitor found, and records nothing for a bad request', async () => {
    const visit = await operator.post<RiskVisitView>(`/api/elders/${elder.elderId}/risk-visits`, {
      mode: 'home',
      findings: '家中无米，老人咳嗽',
      concerns: ['no-food', 'unwell', 'lonely'],
    });
    expect(visit.status).toBe(201);
    expect(visit.body.alertId).not.toBeNull();
    const alert = await operator.get<{ alert: AlertView }>(`/api/alerts/${visit.body.alertId}`);
    expect(alert.body.alert).toMatchObject({ rule: 'risk-visit-finding', severity: 'urgent' });

    const [{ before }]: { before: number }[] = await harness.dataSource.query(
      'SELECT count(*)::int AS before FROM risk_visits',
    );
    const bad = await operator.post<Refusal>(`/api/elders/${elder.elderId}/risk-visits`, {
      mode: 'home',
      concerns: ['haunted'],
    });
    expect(bad).toMatchObject({ status: 400, body: { error: { code: 'invalid-request' } } });
    const ahead = await operator.post<Refusal>(`/api/elders/${elder.elderId}/risk-visits`, {
      mode: 'home',
      visitedAt: new Date(Date.now() + 3_600_000).toISOString(),
    });
    expect(ahead.status).toBe(400);
    const [{ after }]: { after: number }[] = await harness.dataSource.query(
      'SELECT count(*)::int AS after FROM risk_visits',
    );
    expect(after).toBe(before);
  });

  it('reports the month’s visit rate per community against the aim of every special-hardship elder', async () => {
    const month = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);
    const report = await bureau.get<MonthlyReport>(
      `/api/reports/monthly?month=${month}&regionId=${elder.districtId}&table=risk-visits`,
    );
    expect(report.body.tables).toEqual([
      expect.objectContaining({
        name: 'risk-visits',
        rows: [['测试区', '测试街道', '测试社区', 1, 1, 100, 1, 1, 100]],
      }),
    ]);
  });
});
