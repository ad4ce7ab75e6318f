import type { AlertCase, AlertView, CallLogEntry } from '@eldercare/contracts';
import {
  ApiClient,
  createTestElderInPlace,
  createTestUser,
  eventually,
  TEST_PASSWORD,
  type TestElder,
} from '@eldercare/testing';
import { PlatformUnderTest } from '@eldercare/test/platform/platform-under-test';

describe('an operator works an alert over the api', () => {
  let harness: PlatformUnderTest;
  let elder: TestElder;

  beforeAll(async () => {
    harness = await PlatformUnderTest.start();
  });

  afterAll(async () => {
    await harness?.stop();
  });

  beforeEach(async () => {
    elder = await createTestElderInPlace(harness.dataSource, {
      contacts: [
        { name: '李建国', relation: '儿子', phone: '13811112222' },
        { name: '李红', relation: '女儿', phone: '13922223333' },
      ],
    });
  });

  async function operatorOf(regionId: string, displayName: string): Promise<ApiClient> {
    const user = await createTestUser(harness.dataSource, 'operator', { regionIds: [regionId], displayName });
    return ApiClient.signedIn(harness.apiUrl, user.username, TEST_PASSWORD);
  }

  async function openAlertOf(client: ApiClient, elderId: string): Promise<AlertView> {
    return eventually(async () =>
      (await client.get<AlertView[]>('/api/alerts/open')).body.find((alert) => alert.elder.id === elderId),
    );
  }

  it('claims a press (the button hears help-coming), logs a call to the first contact and resolves it (the button hears resolved)', async () => {
    const device = await harness.deviceOf(elder.elderId, 'call_button');
    const press = await device.send({ kind: 'sos' });
    const sut = await operatorOf(elder.streetId, '张敏');
    const alert = await openAlertOf(sut, elder.elderId);
    expect(alert).toMatchObject({
      rule: 'sos',
      severity: 'critical',
      status: 'raised',
      claimedBy: null,
      place: { community: '测试社区' },
    });

    expect((await sut.post(`/api/alerts/${alert.id}/shown`)).status).toBe(204);
    const claimed = await sut.post<AlertView>(`/api/alerts/${alert.id}/claim`);
    expect(claimed).toMatchObject({
      status: 200,
      body: { status: 'acknowledged', claimedBy: { displayName: '张敏' } },
    });
    expect(
      await device.nextDownlink(
        (downlink) => downlink.kind === 'ack' && downlink.ref === press.msgId && downlink.state === 'help-coming',
      ),
    ).toBeDefined();

    const call = await sut.post<CallLogEntry>(`/api/alerts/${alert.id}/calls`, {
      contactIndex: 0,
      answered: true,
      note: '儿子马上过去',
    });
    expect(call).toMatchObject({
      status: 201,
      body: { callee: '李建国', phone: '13811112222', answered: true, by: { displayName: '张敏' } },
    });
    // Who was sent is a name on the timeline: nothing in it may turn the text around.
    expect(
      await sut.post(`/api/alerts/${alert.id}/dispatches`, { kind: 'family', to: '李建国\u202E', note: '' }),
    ).toMatchObject({
      status: 400,
      body: { error: { code: 'invalid-request', message: expect.stringMatching(/to: must not hold U\+202E/) } },
    });
    // Nor in a note on it: the timeline shows notes beside names.
    expect(
      await sut.post(`/api/alerts/${alert.id}/dispatches`, { kind: 'family', to: '李建国', note: '已到\u202E门口' }),
    ).toMatchObject({
      status: 400,
      body: { error: { code: 'invalid-request', message: expect.stringMatching(/note: must not hold .*bidi/) } },
    });
    expect(
      (await sut.post(`/api/alerts/${alert.id}/dispatches`, { kind: 'family', to: '李建国', note: '' })).status,
    ).toBe(201);

    const resolved = await sut.post<AlertView>(`/api/alerts/${alert.id}/resolve`, { outcome: 'family-went' });
    expect(resolved).toMatchObject({ status: 200, body: { status: 'resolved', outcome: 'family-went' } });
    expect(
      await device.nextDownlink(
        (downlink) => downlink.kind === 'ack' && downlink.ref === press.msgId && downlink.state === 'resolved',
      ),
    ).toBeDefined();

    const { body: workedCase } = await sut.get<AlertCase>(`/api/alerts/${alert.id}`);
    expect(workedCase.timeline.map((entry) => entry.kind)).toEqual([
      'device-time',
      'received',
      'raised',
      'first-shown',
      'acknowledged',
      'call',
      'dispatch',
      'resolved',
    ]);
    expect(workedCase.calls).toHaveLength(1);
    expect(workedCase.elder).toMatchObject({
      phone: '13907911234',
      keySafeCode: '4821',
      idNumber: '360102********1226',
      birthDate: null,
      masked: ['birthDate', 'idNumber'],
    });
    expect((await sut.get<AlertView[]>('/api/alerts/open')).body.map((open) => open.id)).not.toContain(alert.id);
  });

  it('gives a press to exactly one of two operators claiming at once; the other hears who has it', async () => {
    const device = await harness.deviceOf(elder.elderId, 'call_button');
    await device.send({ kind: 'sos' });
    const [first, second] = await Promise.all([
      operatorOf(elder.districtId, '张敏'),
      operatorOf(elder.communityId, '刘洋'),
    ]);
    const alert = await openAlertOf(first, elder.elderId);

    const claims = await Promise.all([
      first.post(`/api/alerts/${alert.id}/claim`),
      second.post(`/api/alerts/${alert.id}/claim`),
    ]);
    expect(claims.map((claim) => claim.status).sort()).toEqual([200, 409]);
    expect(claims.find((claim) => claim.status === 409)?.body).toMatchObject({
      error: { code: 'alert-already-acknowledged' },
    });
    const { body: queue } = await second.get<AlertView[]>('/api/alerts/open');
    expect(queue.find((open) => open.id === alert.id)?.claimedBy?.displayName).toMatch(/^(张敏|刘洋)$/);
  });

  it('keeps a press the elder cancelled on the queue, before older claimed ones of its severity, until an operator has called back and resolved it', async () => {
    const sut = await operatorOf(elder.districtId, '张敏');
    const neighbour = await createTestElderInPlace(harness.dataSource);
    await harness.dataSource.query(
      'INSERT INTO user_regions (user_id, region_id) SELECT user_id, $1 FROM user_regions WHERE region_id = $2',
      [neighbour.districtId, elder.districtId],
    );
    await (await harness.deviceOf(neighbour.elderId, 'call_button')).send({ kind: 'sos' });
    const claimedEarlier = await openAlertOf(sut, neighbour.elderId);
    await sut.post(`/api/alerts/${claimedEarlier.id}/claim`);

    const device = await harness.deviceOf(elder.elderId, 'call_button');
    await device.send({ kind: 'sos' });
    const pressed = await openAlertOf(sut, elder.elderId);
    await device.send({ kind: 'cancel' });
    const cancelled = await eventually(async () =>
      (await sut.get<AlertView[]>('/api/alerts/open')).body.find(
        (alert) => alert.id === pressed.id && alert.status === 'cancelled-by-elder',
      ),
    );
    const order = (await sut.get<AlertView[]>('/api/alerts/open')).body.map((alert) => alert.id);
    expect(order.indexOf(cancelled.id)).toBeLessThan(order.indexOf(claimedEarlier.id));

    await sut.post(`/api/alerts/${cancelled.id}/claim`);
    await sut.post(`/api/alerts/${cancelled.id}/resolve`, { outcome: 'false-alarm-pressed-by-mistake' });
    expect((await sut.get<AlertView[]>('/api/alerts/open')).body.map((alert) => alert.id)).not.toContain(cancelled.id);
  });

  it('refuses a resolution without the reason that the outcome "other" needs, and changes nothing', async () => {
    const device = await harness.deviceOf(elder.elderId, 'call_button');
    await device.send({ kind: 'sos' });
    const sut = await operatorOf(elder.streetId, '张敏');
    const alert = await openAlertOf(sut, elder.elderId);
    await sut.post(`/api/alerts/${alert.id}/claim`);

    const refused = await sut.post(`/api/alerts/${alert.id}/resolve`, { outcome: 'other' });
    expect(refused).toMatchObject({ status: 400, body: { error: { code: 'alert-outcome-requires-reason' } } });
    expect((await sut.get<AlertCase>(`/api/alerts/${alert.id}`)).body.alert.status).toBe('acknowledged');
  });

  it('finds past alerts by elder name, rule and outcome, a page at a time', async () => {
    const device = await harness.deviceOf(elder.elderId, 'call_button');
    const sut = await operatorOf(elder.districtId, '张敏');
    for (let press = 0; press < 3; press += 1) {
      await device.send({ kind: 'sos' });
      const alert = await openAlertOf(sut, elder.elderId);
      await sut.post(`/api/alerts/${alert.id}/claim`);
      await sut.post(`/api/alerts/${alert.id}/resolve`, { outcome: 'false-alarm-pressed-by-mistake' });
    }

    const first = await sut.get<{ alerts: AlertView[]; nextBefore: string | null }>(
      `/api/alerts?rule=sos&outcome=false-alarm-pressed-by-mistake&elder=${encodeURIComponent('秀英')}&regionId=${elder.districtId}&limit=2`,
    );
    expect(first.body.alerts).toHaveLength(2);
    const second = await sut.get<{ alerts: AlertView[]; nextBefore: string | null }>(
      `/api/alerts?rule=sos&regionId=${elder.districtId}&limit=2&before=${encodeURIComponent(first.body.nextBefore!)}`,
    );
    expect(second.body).toMatchObject({
      alerts: [expect.objectContaining({ outcome: 'false-alarm-pressed-by-mistake' })],
      nextBefore: null,
    });
    expect(new Set([...first.body.alerts, ...second.body.alerts].map((alert) => alert.id)).size).toBe(3);
  });
});
