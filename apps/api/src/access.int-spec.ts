import type {
  AlertCase,
  AlertView,
  AuditEntryView,
  ElderCard,
  OperationsMapView,
  ProviderView,
  ServiceMapView,
  WallboardView,
} from '@eldercare/contracts';
import { maskIdNumber, maskKeySafeCode, maskPhone, seesInFull, type Role } from '@eldercare/domain';
import { CarePlanRepository, type RegionRecord, type UserRecord } from '@eldercare/persistence';
import {
  ApiClient,
  createTestElderInPlace,
  createTestUser,
  TEST_PASSWORD,
  type ApiAnswer,
  type TestElder,
} from '@eldercare/testing';
import { PlatformUnderTest } from '@eldercare/test/platform/platform-under-test';
import { randomUUID } from 'node:crypto';

/** Two elders in two districts; each person below is placed relative to them. */
type SideName = 'A' | 'B';

interface Side {
  name: SideName;
  elder: TestElder;
  /** The open sos alert of the elder, which no one claims or resolves in this file. */
  alertId: string;
  /** Every alert raised in the side's regions, those made for claims included. */
  alertIds: string[];
  elderName: string;
  firstContact: { name: string; phone: string };
  /** The personal data of the side's elders: none of it may reach someone who does not see the side. */
  personalData: string[];
  /**
   * What a role that may not see the ID number must not get either, in any answer: the ID number itself, the birth
   * date its starred digits hold (in any spelling), and the medical notes unless the role may see them.
   */
  idNumber: string;
  birthDateSpellings: string[];
  medicalNotes: string;
  /** The care provider serving the side's elder (a plan line), and one of its caregivers. */
  provider: { id: string; caregiver: { id: string; displayName: string } };
}

interface PersonSpec {
  who: string;
  role: Role;
  sees: readonly SideName[];
  scope: (
    a: TestElder,
    b: TestElder,
    providers: Record<SideName, string>,
  ) => { regionIds?: string[]; elderIds?: string[]; providerId?: string };
}

const PEOPLE: readonly PersonSpec[] = [
  { who: "the operator of A's street", role: 'operator', sees: ['A'], scope: (a) => ({ regionIds: [a.streetId] }) },
  {
    who: "the supervisor of A's district",
    role: 'supervisor',
    sees: ['A'],
    scope: (a) => ({ regionIds: [a.districtId] }),
  },
  { who: 'the family of elder A', role: 'family', sees: ['A'], scope: (a) => ({ elderIds: [a.elderId] }) },
  { who: 'the family of elder B', role: 'family', sees: ['B'], scope: (_a, b) => ({ elderIds: [b.elderId] }) },
  { who: 'the bureau', role: 'bureau', sees: ['A', 'B'], scope: () => ({}) },
  { who: 'an admin', role: 'admin', sees: ['A', 'B'], scope: () => ({}) },
  {
    who: "the admin of A's provider",
    role: 'provider_admin',
    sees: [],
    scope: (_a, _b, providers) => ({ providerId: providers.A }),
  },
  { who: 'a caregiver', role: 'caregiver', sees: [], scope: () => ({}) },
  { who: "the operator of B's street", role: 'operator', sees: ['B'], scope: (_a, b) => ({ regionIds: [b.streetId] }) },
];

const WHO_READS_ALERTS: readonly Role[] = ['operator', 'supervisor', 'family', 'bureau', 'admin'];
const WHO_WORKS_ALERTS: readonly Role[] = ['operator', 'supervisor'];
const WHO_READS_ELDERS: readonly Role[] = ['operator', 'supervisor', 'family', 'bureau', 'admin'];
const WHO_READS_REGIONS: readonly Role[] = ['operator', 'supervisor', 'provider_admin', 'bureau', 'admin'];
const WHO_READS_THE_AUDIT: readonly Role[] = ['supervisor', 'admin'];
const WHO_READS_CARE_PLANS: readonly Role[] = ['operator', 'supervisor', 'provider_admin', 'family', 'bureau', 'admin'];
const WHO_READS_THE_MAP: readonly Role[] = ['operator', 'supervisor', 'bureau', 'admin'];
const WHO_WATCHES_THE_WALLBOARD: readonly Role[] = ['supervisor', 'admin'];
const EVERYONE: readonly Role[] = [
  'operator',
  'supervisor',
  'provider_admin',
  'caregiver',
  'family',
  'bureau',
  'admin',
];

interface Person extends PersonSpec {
  user: UserRecord;
  client: ApiClient;
}

interface Probe {
  person: Person;
  side: Side;
  /** True when the person's scope covers the side's elder. */
  sees: boolean;
  /** The status this probe must answer. */
  status: number;
}

interface Endpoint {
  name: string;
  allowed: readonly Role[];
  /**
   * `record`: about one of the side's records, 404 outside the scope. `list`: 200 whatever the scope, without what
   * lies outside it. `global`: the same for everyone, once per person.
   */
  kind: 'record' | 'list' | 'global';
  /** The status of an allowed request for a record in scope. */
  success: number;
  /** Sends the request (after any arrangement it needs), checks what only this endpoint knows, returns the answer. */
  probe(probe: Probe): Promise<ApiAnswer>;
}

describe('who may see and do what: roles and scopes over the api', () => {
  let harness: PlatformUnderTest;
  const sides = {} as Record<SideName, Side>;
  const people = new Map<string, Person>();

  beforeAll(async () => {
    harness = await PlatformUnderTest.start();
    const [a, b] = await Promise.all([
      createTestElderInPlace(harness.dataSource, {
        name: '王秀英',
        contacts: [{ name: '李建国', relation: '儿子', phone: '13811112222' }],
      }),
      createTestElderInPlace(harness.dataSource, {
        name: '赵桂兰',
        contacts: [{ name: '赵磊', relation: '儿子', phone: '13700001111' }],
      }),
    ]);
    // Personal data that cannot turn up by chance in ids, times or the other elder's record.
    await harness.dataSource.query(
      `UPDATE elders SET phone = '13907911234', id_number = '360102194103081226', birth_date = '1941-03-08', medical_notes = '高血压，青霉素过敏', key_safe_code = '甲4821', address = '南昌市东湖区八一大道1号3栋501' WHERE id = $1`,
      [a.elderId],
    );
    await harness.dataSource.query(
      `UPDATE elders SET phone = '13607915678', id_number = '360111193805172243', birth_date = '1938-05-17', medical_notes = '糖尿病，每日注射胰岛素', key_safe_code = '乙7395', address = '南昌市青山湖区北京东路88号2栋302' WHERE id = $1`,
      [b.elderId],
    );
    const [alertA, alertB] = await Promise.all([pressSos(a.elderId), pressSos(b.elderId)]);
    const planner = await createTestUser(harness.dataSource, 'admin');
    const [providerA, providerB] = await Promise.all([providerServing(a, planner.id), providerServing(b, planner.id)]);
    for (const [name, elder, alertId, provider] of [
      ['A', a, alertA, providerA],
      ['B', b, alertB, providerB],
    ] as const) {
      sides[name] = { name, elder, alertId, alertIds: [alertId], provider, ...(await personalDataOf(elder.elderId)) };
    }
    const providers = { A: providerA.id, B: providerB.id };
    await Promise.all(
      PEOPLE.map(async (spec, index) => {
        const user = await createTestUser(harness.dataSource, spec.role, {
          ...spec.scope(a, b, providers),
          displayName: `测试用户${index}`,
        });
        people.set(spec.who, {
          ...spec,
          user,
          client: await ApiClient.signedIn(harness.apiUrl, user.username, TEST_PASSWORD),
        });
      }),
    );
  });

  afterAll(async () => {
    await harness?.stop();
  });

  /** A new care provider with a caregiver, serving the elder by a plan line. */
  async function providerServing(elder: TestElder, plannerId: string): Promise<Side['provider']> {
    const plans = new CarePlanRepository(harness.dataSource);
    const id = await plans.insertProvider({ name: `颐康护理-${randomUUID().slice(0, 8)}` });
    const caregiver = await createTestUser(harness.dataSource, 'caregiver', {
      providerId: id,
      displayName: `护理员-${randomUUID().slice(0, 8)}`,
    });
    await plans.insertLine({
      elderId: elder.elderId,
      providerId: id,
      service: 'look-in',
      weekdays: [1],
      times: ['10:00'],
      minutes: null,
      startsOn: '2026-01-01',
      endsOn: null,
      createdBy: plannerId,
    });
    return { id, caregiver: { id: caregiver.id, displayName: caregiver.displayName } };
  }

  /** Presses the sos of a new call button of the elder and waits for the alert in the database. */
  async function pressSos(elderId: string): Promise<string> {
    const device = await harness.deviceOf(elderId, 'call_button');
    await device.send({ kind: 'sos' });
    const [alert] = await harness.firstAlertsOf(elderId);
    return alert.id;
  }

  async function personalDataOf(
    elderId: string,
  ): Promise<
    Pick<Side, 'elderName' | 'firstContact' | 'personalData' | 'idNumber' | 'birthDateSpellings' | 'medicalNotes'>
  > {
    const [row] = await harness.dataSource.query(
      `SELECT name, phone, id_number, key_safe_code, address, emergency_contacts, medical_notes,
              to_char(birth_date, 'YYYY-MM-DD') AS birth_date
         FROM elders WHERE id = $1`,
      [elderId],
    );
    const contacts: { name: string; phone: string }[] = row.emergency_contacts;
    const [year, month, day] = row.birth_date.split('-');
    return {
      idNumber: row.id_number,
      birthDateSpellings: [row.birth_date, `${year}${month}${day}`, `${year}/${Number(month)}/${Number(day)}`],
      medicalNotes: row.medical_notes,
      elderName: row.name,
      firstContact: { name: contacts[0].name, phone: contacts[0].phone },
      personalData: [
        row.name,
        row.phone,
        row.id_number,
        row.key_safe_code,
        row.address,
        row.medical_notes,
        ...contacts.flatMap((contact) => [contact.name, contact.phone]),
      ],
    };
  }

  /** A fresh open alert of a new elder next door to the side's elder (same community, same personal data). */
  async function freshAlertOf(side: Side): Promise<string> {
    const columns =
      'name, gender, birth_date, categories, community_id, address, rule_settings, id_number, phone, key_safe_code, medical_notes, emergency_contacts, home_lat, home_lon';
    const [{ id: elderId }] = await harness.dataSource.query(
      `INSERT INTO elders (${columns}) SELECT ${columns} FROM elders WHERE id = $1 RETURNING id`,
      [side.elder.elderId],
    );
    const alertId = await pressSos(elderId);
    side.alertIds.push(alertId);
    return alertId;
  }

  const count = async (sql: string, params: unknown[]): Promise<number> =>
    Number((await harness.dataSource.query(sql, params))[0].count);
  const alertStateOf = async (alertId: string) =>
    (await harness.dataSource.query('SELECT status, acknowledged_by FROM alerts WHERE id = $1', [alertId]))[0];

  /** Checks a write that may add a row about the alert: one more on success, none on a refusal. */
  async function addsOneRowOnSuccess(
    table: string,
    { side, status }: Probe,
    send: () => Promise<ApiAnswer>,
    success: number,
  ): Promise<ApiAnswer> {
    const rows = () => count(`SELECT count(*) FROM ${table} WHERE alert_id = $1`, [side.alertId]);
    const before = await rows();
    const answer = await send();
    expect(await rows()).toBe(before + (status === success ? 1 : 0));
    return answer;
  }

  const ENDPOINTS: readonly Endpoint[] = [
    {
      name: 'GET /api/alerts/open',
      allowed: WHO_READS_ALERTS,
      kind: 'list',
      success: 200,
      async probe({ person, side, sees, status }) {
        const answer = await person.client.get<AlertView[]>('/api/alerts/open');
        if (status === 200) {
          const ids = answer.body.map((alert) => alert.id);
          if (sees) expect(ids).toContain(side.alertId);
          else for (const id of side.alertIds) expect(ids).not.toContain(id);
        }
        return answer;
      },
    },
    {
      name: 'GET /api/alerts?elderId=…',
      allowed: WHO_READS_ALERTS,
      kind: 'list',
      success: 200,
      async probe({ person, side, sees, status }) {
        const answer = await person.client.get<{ alerts: AlertView[] }>(`/api/alerts?elderId=${side.elder.elderId}`);
        const everything = await person.client.get<{ alerts: AlertView[] }>('/api/alerts?limit=200');
        expect(everything.status).toBe(status);
        if (status === 200) {
          expect(answer.body.alerts.map((alert) => alert.id)).toEqual(sees ? [side.alertId] : []);
          const listed = everything.body.alerts.map((alert) => alert.id);
          if (sees) expect(listed).toContain(side.alertId);
          else for (const id of side.alertIds) expect(listed).not.toContain(id);
        }
        return answer;
      },
    },
    {
      name: 'GET /api/alerts/:id',
      allowed: WHO_READS_ALERTS,
      kind: 'record',
      success: 200,
      async probe({ person, side, status }) {
        const reads = () =>
          count(`SELECT count(*) FROM audit_log WHERE user_id = $1 AND elder_id = $2 AND action = 'alert-case.read'`, [
            person.user.id,
            side.elder.elderId,
          ]);
        const before = await reads();
        const answer = await person.client.get<AlertCase>(`/api/alerts/${side.alertId}`);
        if (status === 200)
          expect(answer.body).toMatchObject({ alert: { id: side.alertId }, elder: { id: side.elder.elderId } });
        if (status === 404) expect(answer.body).toMatchObject({ error: { code: 'alert-not-found' } });
        expect(await reads()).toBe(before + (status === 200 ? 1 : 0));
        return answer;
      },
    },
    {
      name: 'POST /api/alerts/:id/shown',
      allowed: WHO_WORKS_ALERTS,
      kind: 'record',
      success: 204,
      async probe({ person, side, status }) {
        const answer = await person.client.post(`/api/alerts/${side.alertId}/shown`);
        if (status === 404) expect(answer.body).toMatchObject({ error: { code: 'alert-not-found' } });
        return answer;
      },
    },
    {
      name: 'POST /api/alerts/:id/claim',
      allowed: WHO_WORKS_ALERTS,
      kind: 'record',
      success: 200,
      async probe({ person, side, status }) {
        if (status === 200) {
          // A claim is taken once: each allowed claim gets an alert of its own.
          const alertId = await freshAlertOf(side);
          const answer = await person.client.post<AlertView>(`/api/alerts/${alertId}/claim`);
          expect(answer.body).toMatchObject({
            id: alertId,
            status: 'acknowledged',
            claimedBy: { id: person.user.id, displayName: person.user.displayName },
          });
          expect(await alertStateOf(alertId)).toEqual({ status: 'acknowledged', acknowledged_by: person.user.id });
          return answer;
        }
        const answer = await person.client.post(`/api/alerts/${side.alertId}/claim`);
        if (status === 404) expect(answer.body).toMatchObject({ error: { code: 'alert-not-found' } });
        expect(await alertStateOf(side.alertId)).toEqual({ status: 'raised', acknowledged_by: null });
        return answer;
      },
    },
    {
      name: 'POST /api/alerts/:id/calls',
      allowed: WHO_WORKS_ALERTS,
      kind: 'record',
      success: 201,
      async probe(probe) {
        const { person, side, status } = probe;
        const answer = await addsOneRowOnSuccess(
          'alert_calls',
          probe,
          () => person.client.post(`/api/alerts/${side.alertId}/calls`, { contactIndex: 0, answered: false, note: '' }),
          201,
        );
        if (status === 201)
          expect(answer.body).toMatchObject({
            callee: side.firstContact.name,
            phone: side.firstContact.phone,
            by: { id: person.user.id },
          });
        if (status === 404) expect(answer.body).toMatchObject({ error: { code: 'alert-not-found' } });
        return answer;
      },
    },
    {
      name: 'POST /api/alerts/:id/dispatches',
      allowed: WHO_WORKS_ALERTS,
      kind: 'record',
      success: 201,
      async probe(probe) {
        const { person, side, status } = probe;
        const answer = await addsOneRowOnSuccess(
          'alert_dispatches',
          probe,
          () =>
            person.client.post(`/api/alerts/${side.alertId}/dispatches`, {
              kind: 'responder',
              to: '社区网格员',
              note: '',
            }),
          201,
        );
        if (status === 201)
          expect(answer.body).toMatchObject({ kind: 'responder', to: '社区网格员', by: { id: person.user.id } });
        if (status === 404) expect(answer.body).toMatchObject({ error: { code: 'alert-not-found' } });
        return answer;
      },
    },
    {
      name: 'GET /api/elders/:id',
      allowed: WHO_READS_ELDERS,
      kind: 'record',
      success: 200,
      async probe({ person, side, status }) {
        const reads = () =>
          count(`SELECT count(*) FROM audit_log WHERE user_id = $1 AND elder_id = $2 AND action = 'elder.read'`, [
            person.user.id,
            side.elder.elderId,
          ]);
        const before = await reads();
        const answer = await person.client.get<ElderCard>(`/api/elders/${side.elder.elderId}`);
        if (status === 200) expect(answer.body).toMatchObject({ id: side.elder.elderId, name: side.elderName });
        if (status === 404) expect(answer.body).toMatchObject({ error: { code: 'elder-not-found' } });
        expect(await reads()).toBe(before + (status === 200 ? 1 : 0));
        return answer;
      },
    },
    {
      name: 'GET /api/regions',
      allowed: WHO_READS_REGIONS,
      kind: 'list',
      success: 200,
      async probe({ person, side, sees, status }) {
        const answer = await person.client.get<RegionRecord[]>('/api/regions');
        if (status === 200) {
          const ids = answer.body.map((region) => region.id);
          const { communityId, streetId, districtId } = side.elder;
          if (sees) expect(ids).toContain(communityId);
          else expect(ids.filter((id) => [communityId, streetId, districtId].includes(id))).toEqual([]);
        }
        return answer;
      },
    },
    {
      name: 'GET /api/audit?elderId=…',
      allowed: WHO_READS_THE_AUDIT,
      kind: 'list',
      success: 200,
      async probe({ person, side, sees, status }) {
        // Someone has read the elder's record, so there is something to list.
        await people.get('an admin')!.client.get(`/api/elders/${side.elder.elderId}`);
        const answer = await person.client.get<AuditEntryView[]>(`/api/audit?elderId=${side.elder.elderId}&limit=500`);
        if (status === 200) {
          const about = answer.body.map((entry) => entry.elder?.id);
          if (sees) expect(about.length).toBeGreaterThan(0);
          expect(new Set(about)).toEqual(new Set(sees ? [side.elder.elderId] : []));
        }
        return answer;
      },
    },
    {
      name: 'GET /api/providers',
      allowed: WHO_READS_CARE_PLANS,
      kind: 'list',
      success: 200,
      async probe({ person, side, sees, status }) {
        const answer = await person.client.get<ProviderView[]>('/api/providers');
        if (status === 200) {
          const own = person.user.providerId === side.provider.id;
          // The city's staff list every provider; a provider's admin their own; a family those serving their elder.
          const listed = person.role === 'family' ? sees : person.role === 'provider_admin' ? own : true;
          expect(answer.body.some((provider) => provider.id === side.provider.id)).toBe(listed);
          // Caregivers' names and ids go to their own provider's admin, who assigns them, and to no one else.
          const text = JSON.stringify(answer.body);
          for (const value of Object.values(side.provider.caregiver))
            expect(text.includes(value)).toBe(person.role === 'provider_admin' && own);
        }
        return answer;
      },
    },
    {
      name: 'GET /api/map',
      allowed: WHO_READS_THE_MAP,
      kind: 'list',
      success: 200,
      async probe({ person, side, sees, status }) {
        const answer = await person.client.get<OperationsMapView>('/api/map');
        if (status === 200) {
          const elder = answer.body.elders.find((point) => point.id === side.elder.elderId);
          expect(elder !== undefined).toBe(sees);
          // A home placed exactly only for a role that may see the address.
          if (elder) expect(answer.body.coarse).toBe(!seesInFull(person.role, 'address'));
        }
        return answer;
      },
    },
    {
      name: 'GET /api/wallboard',
      allowed: WHO_WATCHES_THE_WALLBOARD,
      kind: 'global',
      success: 200,
      async probe({ person, status }) {
        const answer = await person.client.get<WallboardView>('/api/wallboard');
        if (status === 200) expect(answer.body.hours).toHaveLength(24);
        return answer;
      },
    },
    {
      name: 'GET /api/family/elders/:id/service-map',
      allowed: ['family'],
      kind: 'record',
      success: 200,
      async probe({ person, side, status }) {
        const answer = await person.client.get<ServiceMapView>(`/api/family/elders/${side.elder.elderId}/service-map`);
        if (status === 200) expect(answer.body.elder).toEqual({ id: side.elder.elderId, name: side.elderName });
        if (status === 404) expect(answer.body).toMatchObject({ error: { code: 'elder-not-found' } });
        return answer;
      },
    },
    {
      name: 'GET /api/console/settings',
      allowed: EVERYONE,
      kind: 'global',
      success: 200,
      async probe({ person, status }) {
        const answer = await person.client.get<Record<string, unknown>>('/api/console/settings');
        if (status === 200)
          expect(answer.body).toEqual({
            answerTargetSec: expect.any(Number),
            answerWorstSec: expect.any(Number),
            tileUrl: expect.any(String),
            tileAttribution: expect.any(String),
          });
        return answer;
      },
    },
  ];

  const cases = PEOPLE.flatMap((person) =>
    ENDPOINTS.flatMap((endpoint) =>
      (endpoint.kind === 'global' ? (['A'] as const) : (['A', 'B'] as const)).map((side) => {
        const sees = person.sees.includes(side);
        const status = !endpoint.allowed.includes(person.role)
          ? 403
          : endpoint.kind === 'record' && !sees
            ? 404
            : endpoint.success;
        const about = endpoint.kind === 'global' ? '' : ` about elder ${side} (${sees ? 'in scope' : 'out of scope'})`;
        return {
          who: person.who,
          endpoint: endpoint.name,
          side,
          sees,
          status,
          title: `${person.who}: ${endpoint.name}${about} answers ${status}`,
        };
      }),
    ),
  );

  it.each(cases)('$title', async ({ who, endpoint: name, side: sideName, sees, status }) => {
    const person = people.get(who)!;
    const endpoint = ENDPOINTS.find((candidate) => candidate.name === name)!;

    const answer = await endpoint.probe({ person, side: sides[sideName], sees, status });

    expect(answer.status).toBe(status);
    if (status === 403) expect(answer.body).toMatchObject({ error: { code: 'forbidden' } });
    // Nothing of an elder outside the person's scope, in any answer, refusals included.
    const text = JSON.stringify(answer.body ?? '');
    for (const hidden of Object.values(sides).filter((side) => !person.sees.includes(side.name))) {
      for (const value of hidden.personalData) expect(text).not.toContain(value);
      for (const id of [hidden.elder.elderId, ...hidden.alertIds]) expect(text).not.toContain(id);
    }
    // Of an elder in scope, the whole answer tells no more than the role may see: a masked ID number comes without
    // the birth date that would fill its stars back in.
    for (const seen of Object.values(sides).filter((side) => person.sees.includes(side.name))) {
      if (!seesInFull(person.role, 'idNumber'))
        for (const value of [seen.idNumber, ...seen.birthDateSpellings]) expect(text).not.toContain(value);
      if (!seesInFull(person.role, 'medicalNotes')) expect(text).not.toContain(seen.medicalNotes);
    }
  });

  describe("an elder's record", () => {
    it('shows the bureau every personal field masked, and says which', async () => {
      const raw = await harness.dataSource.query('SELECT phone, id_number, key_safe_code FROM elders WHERE id = $1', [
        sides.A.elder.elderId,
      ]);

      const { status, body: card } = await people
        .get('the bureau')!
        .client.get<ElderCard>(`/api/elders/${sides.A.elder.elderId}`);

      expect(status).toBe(200);
      expect(card).toMatchObject({
        phone: maskPhone(raw[0].phone),
        idNumber: maskIdNumber(raw[0].id_number),
        keySafeCode: maskKeySafeCode(raw[0].key_safe_code),
        home: null,
      });
      expect([card.phone, card.idNumber, card.keySafeCode]).not.toEqual(
        expect.arrayContaining([raw[0].phone, raw[0].id_number, raw[0].key_safe_code]),
      );
      expect(card.masked).toEqual(
        expect.arrayContaining(['birthDate', 'idNumber', 'phone', 'keySafeCode', 'medicalNotes']),
      );
      expect(card).toMatchObject({ birthDate: null, medicalNotes: null, age: expect.any(Number) });
      expect(card.contacts.map((contact) => contact.phone)).toEqual([maskPhone(sides.A.firstContact.phone)]);
    });

    it('shows an operator the phone, contacts, key safe and notes to send help, but not the ID number nor the birth date it holds', async () => {
      const raw = await harness.dataSource.query(
        'SELECT phone, id_number, key_safe_code, medical_notes FROM elders WHERE id = $1',
        [sides.A.elder.elderId],
      );

      const { status, body: card } = await people
        .get("the operator of A's street")!
        .client.get<ElderCard>(`/api/elders/${sides.A.elder.elderId}`);

      expect(status).toBe(200);
      expect(card).toMatchObject({
        phone: raw[0].phone,
        keySafeCode: raw[0].key_safe_code,
        idNumber: maskIdNumber(raw[0].id_number),
        birthDate: null,
        medicalNotes: raw[0].medical_notes,
        masked: ['birthDate', 'idNumber'],
      });
      expect(card.contacts).toEqual([{ ...sides.A.firstContact, relation: '儿子' }]);
    });

    it('leaves exactly one audit entry per read, which the supervisor sees and the operator may not ask for', async () => {
      const operator = people.get("the operator of A's street")!;
      const supervisor = people.get("the supervisor of A's district")!;
      const auditOfA = `/api/audit?elderId=${sides.A.elder.elderId}&limit=500`;
      const readsBy = (entries: AuditEntryView[]) =>
        entries.filter((entry) => entry.user.id === operator.user.id && entry.action === 'elder.read');
      const before = readsBy((await supervisor.client.get<AuditEntryView[]>(auditOfA)).body);

      expect((await operator.client.get(`/api/elders/${sides.A.elder.elderId}`)).status).toBe(200);

      const { status, body: after } = await supervisor.client.get<AuditEntryView[]>(auditOfA);
      expect(status).toBe(200);
      expect(readsBy(after)).toHaveLength(before.length + 1);
      expect(readsBy(after)[0]).toMatchObject({
        user: { id: operator.user.id, displayName: operator.user.displayName },
        action: 'elder.read',
        elder: { id: sides.A.elder.elderId, name: sides.A.elderName },
        subject: `elder:${sides.A.elder.elderId}`,
      });
      expect(await operator.client.get(auditOfA)).toMatchObject({
        status: 403,
        body: { error: { code: 'forbidden' } },
      });
    });

    it("shows a supervisor no audit entry about an elder outside the supervisor's regions", async () => {
      const supervisor = people.get("the supervisor of A's district")!;
      await people.get('an admin')!.client.get(`/api/elders/${sides.B.elder.elderId}`);

      const filtered = await supervisor.client.get<AuditEntryView[]>(`/api/audit?elderId=${sides.B.elder.elderId}`);
      const everything = await supervisor.client.get<AuditEntryView[]>('/api/audit?limit=500');

      expect([200, 404]).toContain(filtered.status);
      expect(JSON.stringify(filtered.body)).not.toContain(sides.B.elder.elderId);
      expect(everything.body.filter((entry) => entry.elder?.id === sides.B.elder.elderId)).toEqual([]);
    });
  });
});
