import type { MonthlyReport, TimeCoinMovementView, VolunteerRequestView, VolunteerView } from '@eldercare/contracts';
import { residentIdCheckCharacter } from '@eldercare/domain';
import { TimeCoinLedgerRepository } from '@eldercare/persistence';
import { ApiClient, createTestElderInPlace, createTestUser, TEST_PASSWORD, type TestElder } from '@eldercare/testing';
import { randomBytes, randomInt } from 'node:crypto';
import { PlatformUnderTest } from '@eldercare/test/platform/platform-under-test';

/** A well-formed resident ID number of someone born on `birth` (YYYYMMDD). */
function idNumberBornOn(birth: string): string {
  const first17 = `360102${birth}${String(randomInt(100, 999))}`;
  return first17 + residentIdCheckCharacter(first17);
}

type Refusal = { error: { code: string; message: string } };

describe('time bank: a volunteer’s hour from request to coins, on a ledger that never double-spends', () => {
  let harness: PlatformUnderTest;
  let elder: TestElder;
  let staff: ApiClient;
  let family: ApiClient;
  let operatorElsewhere: ApiClient;
  let ledger: TimeCoinLedgerRepository;

  const signIn = (username: string) => ApiClient.signedIn(harness.apiUrl, username, TEST_PASSWORD);

  beforeAll(async () => {
    harness = await PlatformUnderTest.start();
    ledger = new TimeCoinLedgerRepository(harness.dataSource);
    elder = await createTestElderInPlace(harness.dataSource);
    const other = await createTestElderInPlace(harness.dataSource);
    [staff, family, operatorElsewhere] = await Promise.all([
      createTestUser(harness.dataSource, 'supervisor', { regionIds: [elder.streetId] }).then((u) => signIn(u.username)),
      createTestUser(harness.dataSource, 'family', { elderIds: [elder.elderId] }).then((u) => signIn(u.username)),
      createTestUser(harness.dataSource, 'operator', { regionIds: [other.districtId] }).then((u) => signIn(u.username)),
    ]);
  });

  afterAll(async () => {
    await harness?.stop();
  });

  /** Registers, checks and approves a volunteer of the elder's community; answers their signed-in client. */
  async function approvedVolunteer(birth = '19900512'): Promise<{ client: ApiClient; view: VolunteerView }> {
    const registered = await staff.post<VolunteerView>('/api/time-bank/volunteers', {
      name: '张志愿',
      idNumber: idNumberBornOn(birth),
      phone: '13900001111',
      communityId: elder.communityId,
    });
    expect(registered.status).toBe(201);
    const early = await staff.post<Refusal>(`/api/time-bank/volunteers/${registered.body.id}/approve`, {
      username: `vol-${randomBytes(4).toString('hex')}`,
      password: TEST_PASSWORD,
    });
    expect(early).toMatchObject({ status: 409, body: { error: { code: 'volunteer-not-approvable' } } });
    expect(early.body.error.message).toContain('has no ID check by community staff');
    await staff.post(`/api/time-bank/volunteers/${registered.body.id}/id-check`, { trainedOn: '2026-03-01' });
    const username = `vol-${randomBytes(4).toString('hex')}`;
    const approved = await staff.post<VolunteerView>(`/api/time-bank/volunteers/${registered.body.id}/approve`, {
      username,
      password: TEST_PASSWORD,
    });
    expect(approved.status).toBe(200);
    return { client: await signIn(username), view: approved.body };
  }

  async function ask(client: ApiClient, minutes: number, extra: Record<string, unknown> = {}) {
    return client.post<VolunteerRequestView & Refusal>('/api/time-bank/requests', {
      elderId: elder.elderId,
      service: 'companionship',
      startsAt: new Date(Date.now() + 3_600_000).toISOString(),
      minutes,
      ...extra,
    });
  }

  /** Takes, checks in, lets `minutes` pass (moved back in the record) and checks out. */
  async function serve(volunteer: ApiClient, requestId: string, minutes: number): Promise<void> {
    const position = { lat: 28.68, lon: 115.89 };
    expect((await volunteer.post(`/api/time-bank/requests/${requestId}/take`)).status).toBe(200);
    expect((await volunteer.post(`/api/time-bank/requests/${requestId}/check-in`, position)).status).toBe(200);
    await harness.dataSource.query(
      `UPDATE volunteer_requests SET checked_in_at = checked_in_at - make_interval(mins => $2) WHERE id = $1`,
      [requestId, minutes],
    );
    const out = await volunteer.post(`/api/time-bank/requests/${requestId}/check-out`, { ...position, note: '陪聊' });
    expect(out.status).toBe(200);
  }

  it('pays one approved hour as one coin: asked by the family, served, confirmed', async () => {
    const { client: volunteer, view } = await approvedVolunteer();
    const asked = await ask(family, 60);
    expect(asked.status).toBe(201);
    expect(asked.body).toMatchObject({ status: 'open', payer: 'city' });
    expect(await ledger.balanceOf(`escrow:${asked.body.id}`)).toBe(60);

    const open = await volunteer.get<VolunteerRequestView[]>('/api/time-bank/requests?status=open');
    const seen = open.body.find((request) => request.id === asked.body.id);
    expect(seen?.elder.address).not.toBe('南昌市东湖区八一大道1号3栋501');

    await serve(volunteer, asked.body.id, 75);
    const taken = await volunteer.get<VolunteerRequestView>(`/api/time-bank/requests/${asked.body.id}`);
    expect(taken.body).toMatchObject({ status: 'checked-out', servedMinutes: 60 });
    expect(taken.body.elder.address).toBe('南昌市东湖区八一大道1号3栋501');

    const confirmed = await family.post<VolunteerRequestView>(`/api/time-bank/requests/${asked.body.id}/confirm`);
    expect(confirmed.body.status).toBe('confirmed');
    const me = await volunteer.get<VolunteerView>('/api/time-bank/me');
    expect(me.body).toMatchObject({ id: view.id, balanceMinutes: 60 });
    const movements = await volunteer.get<TimeCoinMovementView[]>('/api/time-bank/me/movements');
    expect(movements.body.map((movement) => movement.kind)).toEqual(['pay']);

    const again = await family.post<Refusal>(`/api/time-bank/requests/${asked.body.id}/confirm`);
    expect(again).toMatchObject({ status: 409, body: { error: { code: 'volunteer-request-transition-illegal' } } });
    expect(await ledger.balanceOf(`volunteer:${view.id}`)).toBe(60);
    expect(await ledger.journalSum()).toBe(0);
  });

  it('sends a disputed visit to community staff, who pay what they approve', async () => {
    const { client: volunteer, view } = await approvedVolunteer();
    const asked = await ask(staff, 120);
    await serve(volunteer, asked.body.id, 120);
    const disputed = await family.post<VolunteerRequestView>(`/api/time-bank/requests/${asked.body.id}/dispute`, {
      reason: '只来了半小时',
    });
    expect(disputed.body.status).toBe('disputed');
    const familyTries = await family.post<Refusal>(`/api/time-bank/requests/${asked.body.id}/resolve`, {
      decision: 'uphold',
      note: 'x',
    });
    expect(familyTries.status).toBe(403);
    const upheld = await staff.post<VolunteerRequestView>(`/api/time-bank/requests/${asked.body.id}/resolve`, {
      decision: 'uphold',
      minutes: 30,
      note: '电话核实：服务30分钟',
    });
    expect(upheld.body).toMatchObject({ status: 'confirmed', resolutionNote: '电话核实：服务30分钟' });
    expect(await ledger.balanceOf(`volunteer:${view.id}`)).toBe(30);
    expect(await ledger.balanceOf(`escrow:${asked.body.id}`)).toBe(0);
  });

  it('releases the coins of a cancelled request, and refuses requests out of scope with nothing written', async () => {
    const asked = await ask(staff, 45);
    const cancelled = await staff.post<VolunteerRequestView>(`/api/time-bank/requests/${asked.body.id}/cancel`, {
      reason: '老人住院',
    });
    expect(cancelled.body.status).toBe('cancelled');
    expect(await ledger.balanceOf(`escrow:${asked.body.id}`)).toBe(0);

    const [{ count: before }]: { count: string }[] = await harness.dataSource.query(
      'SELECT count(*) FROM volunteer_requests',
    );
    const foreign = await ask(operatorElsewhere, 60);
    expect(foreign).toMatchObject({ status: 404, body: { error: { code: 'elder-not-found' } } });
    const tooLong = await ask(staff, 600);
    expect(tooLong).toMatchObject({ status: 400, body: { error: { code: 'invalid-request' } } });
    const [{ count: after }]: { count: string }[] = await harness.dataSource.query(
      'SELECT count(*) FROM volunteer_requests',
    );
    expect(after).toBe(before);
  });

  it('closes a request nobody came for once its wait has passed, and gives its coins back', async () => {
    const { client: volunteer } = await approvedVolunteer();
    const asked = await ask(staff, 90);
    await volunteer.post(`/api/time-bank/requests/${asked.body.id}/take`);
    const startsAt = new Date(asked.body.startsAt).getTime();
    await harness.releaseAbandonedVolunteerRequests(startsAt + 47 * 3_600_000);
    expect((await staff.get<VolunteerRequestView>(`/api/time-bank/requests/${asked.body.id}`)).body.status).toBe(
      'taken',
    );
    expect(await harness.releaseAbandonedVolunteerRequests(startsAt + 48 * 3_600_000)).toBeGreaterThanOrEqual(1);
    const closed = await staff.get<VolunteerRequestView>(`/api/time-bank/requests/${asked.body.id}`);
    expect(closed.body).toMatchObject({ status: 'abandoned', closeReason: 'nobody came within 48 hours of the start' });
    expect(await ledger.balanceOf(`escrow:${asked.body.id}`)).toBe(0);
    const late = await volunteer.post<Refusal>(`/api/time-bank/requests/${asked.body.id}/check-in`, {
      lat: 28.68,
      lon: 115.89,
    });
    expect(late).toMatchObject({ status: 409, body: { error: { code: 'volunteer-request-transition-illegal' } } });
  });

  it('lets concurrent gifts spend a balance once: of ten 30-minute gifts from 120 minutes, four go through', async () => {
    const { client: volunteer, view } = await approvedVolunteer();
    const asked = await ask(staff, 120);
    await serve(volunteer, asked.body.id, 120);
    await staff.post(`/api/time-bank/requests/${asked.body.id}/confirm`);
    expect(await ledger.balanceOf(`volunteer:${view.id}`)).toBe(120);

    const answers = await Promise.all(
      Array.from({ length: 10 }, () =>
        volunteer.post<Refusal>('/api/time-bank/me/gifts', {
          elderId: elder.elderId,
          relation: 'parent',
          minutes: 30,
        }),
      ),
    );
    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(4);
    expect(
      answers.filter((answer) => answer.status === 409 && answer.body.error.code === 'time-coins-insufficient'),
    ).toHaveLength(6);
    expect(await ledger.balanceOf(`volunteer:${view.id}`)).toBe(0);
    expect(await ledger.balanceOf(`elder:${elder.elderId}`)).toBeGreaterThanOrEqual(120);
    expect(await ledger.journalSum()).toBe(0);
  });

  it('pays a confirmed visit once however many confirm it at the same moment', async () => {
    const { client: volunteer, view } = await approvedVolunteer();
    const asked = await ask(staff, 60);
    await serve(volunteer, asked.body.id, 60);
    const answers = await Promise.all([
      family.post(`/api/time-bank/requests/${asked.body.id}/confirm`),
      staff.post(`/api/time-bank/requests/${asked.body.id}/confirm`),
      family.post(`/api/time-bank/requests/${asked.body.id}/confirm`),
      staff.post(`/api/time-bank/requests/${asked.body.id}/confirm`),
    ]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409, 409, 409]);
    expect(await ledger.balanceOf(`volunteer:${view.id}`)).toBe(60);
  });

  it('spends the elder’s given coins on the elder’s request, and reverses a payment with reason and author', async () => {
    const { client: volunteer, view } = await approvedVolunteer();
    const given = await ledger.balanceOf(`elder:${elder.elderId}`);
    const asked = await ask(family, 30, { payer: 'elder' });
    expect(asked.body.payer).toBe('elder');
    expect(await ledger.balanceOf(`elder:${elder.elderId}`)).toBe(given - 30);
    await serve(volunteer, asked.body.id, 30);
    await family.post(`/api/time-bank/requests/${asked.body.id}/confirm`);
    const [pay] = (await volunteer.get<TimeCoinMovementView[]>('/api/time-bank/me/movements')).body;
    expect(pay.kind).toBe('pay');

    const elsewhere = await signIn(
      (
        await createTestUser(harness.dataSource, 'supervisor', {
          regionIds: [(await createTestElderInPlace(harness.dataSource)).districtId],
        })
      ).username,
    );
    const foreign = await elsewhere.post<Refusal>(`/api/time-bank/movements/${pay.id}/reversal`, { reason: '越权' });
    expect(foreign).toMatchObject({ status: 404, body: { error: { code: 'time-coin-movement-not-found' } } });
    expect(JSON.stringify(foreign.body)).not.toContain(elder.elderId);
    expect(await ledger.balanceOf(`volunteer:${view.id}`)).toBe(30);

    const reversal = await staff.post<TimeCoinMovementView>(`/api/time-bank/movements/${pay.id}/reversal`, {
      reason: '重复登记',
    });
    expect(reversal).toMatchObject({ status: 201, body: { kind: 'reversal', reversesId: pay.id, reason: '重复登记' } });
    expect(await ledger.balanceOf(`volunteer:${view.id}`)).toBe(0);
    expect(await ledger.balanceOf(`elder:${elder.elderId}`)).toBe(given);
    const twice = await staff.post<Refusal>(`/api/time-bank/movements/${pay.id}/reversal`, { reason: '再来' });
    expect(twice).toMatchObject({ status: 409, body: { error: { code: 'time-coins-not-reversible' } } });
    await expect(harness.dataSource.query(`UPDATE time_coin_entries SET amount = amount * 2`)).rejects.toThrow(
      'append-only',
    );
    expect(await ledger.journalSum()).toBe(0);
  });

  it('reports coins earned, spent, given and outstanding per community, and hours served, to the bureau', async () => {
    const bureau = await signIn((await createTestUser(harness.dataSource, 'bureau')).username);
    const month = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);
    const report = await bureau.get<MonthlyReport>(`/api/reports/monthly?month=${month}&regionId=${elder.districtId}`);
    expect(report.status).toBe(200);
    const table = report.body.tables.find((candidate) => candidate.name === 'time-bank');
    // One community in this district: every volunteer and the elder are in it.
    expect(table?.rows).toHaveLength(1);
    const [district, , community, volunteers, hours, earned, spent, given, outstanding] = table?.rows[0] ?? [];
    expect([district, community]).toEqual(['测试区', '测试社区']);
    expect(volunteers).toBeGreaterThanOrEqual(6);
    // Paid: 60 + 30 + 120 + 60 + 30 minutes, the last reversed; spent: the 30 minutes from the elder's given coins,
    // reversed; given: four gifts of 30 minutes.
    expect({ earned, spent, given }).toEqual({ earned: 4.5, spent: 0, given: 2 });
    expect(hours).toBeGreaterThanOrEqual(4.5);
    const [{ held }]: { held: number }[] = await harness.dataSource.query(
      `SELECT COALESCE(sum(amount), 0)::int AS held FROM time_coin_entries WHERE account LIKE 'volunteer:%' OR account LIKE 'elder:%'`,
    );
    expect(outstanding).toBe(held / 60);
  });

  it('gives one sign-in name to one volunteer when two are approved with it at the same moment', async () => {
    const ids: string[] = [];
    for (const birth of ['19880101', '19890202']) {
      const registered = await staff.post<VolunteerView>('/api/time-bank/volunteers', {
        name: '同名测试',
        idNumber: idNumberBornOn(birth),
        phone: '13900002222',
        communityId: elder.communityId,
        trainedOn: '2026-03-01',
      });
      await staff.post(`/api/time-bank/volunteers/${registered.body.id}/id-check`, {});
      ids.push(registered.body.id);
    }
    const username = `same-${randomBytes(4).toString('hex')}`;
    const answers = await Promise.all(
      ids.map((id) =>
        staff.post<Refusal>(`/api/time-bank/volunteers/${id}/approve`, { username, password: TEST_PASSWORD }),
      ),
    );
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
    expect(answers.find((answer) => answer.status === 409)?.body.error.code).toBe('username-taken');
  });

  it('lets a volunteer spend their own coins only from 60', async () => {
    const young = await approvedVolunteer('19900512');
    const refused = await young.client.post<Refusal>('/api/time-bank/requests', {
      service: 'chat',
      startsAt: new Date(Date.now() + 3_600_000).toISOString(),
      minutes: 30,
    });
    expect(refused).toMatchObject({ status: 409, body: { error: { code: 'time-coins-not-spendable' } } });
  });
});
