import {
  ELDER_CSV_COLUMNS,
  type AlertCase,
  type AlertSnapshot,
  type AlertView,
  type AuditEntryView,
  type ElderCard,
  type ProviderView,
  type ServerToClientEvents,
} from '@eldercare/contracts';
import {
  ROLES,
  addLocalDays,
  localDateOf,
  localDateTime,
  maskIdNumber,
  maskKeySafeCode,
  maskPhone,
  residentIdCheckCharacter,
  seesInFull,
  type PersonalField,
  type Role,
} from '@eldercare/domain';
import {
  CarePlanRepository,
  DeviceRepository,
  ReportArchiveRepository,
  type RegionRecord,
  type UserRecord,
} from '@eldercare/persistence';
import {
  ApiClient,
  createTestElderInPlace,
  createTestUser,
  eventually,
  expectEventually,
  ONE_PIXEL_PNG,
  TEST_PASSWORD,
  type ApiAnswer,
  type TestElder,
} from '@eldercare/testing';
import { cameraView, jpegOf, sampleFaces } from '@eldercare/sample-faces';
import { PlatformUnderTest } from '@eldercare/test/platform/platform-under-test';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { io, type Socket } from 'socket.io-client';
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
  /** Each personal field as stored, to check that a role that may not see it in full never gets it. */
  fields: { phone: string; address: string; keySafeCode: string; contactPhones: string[] };
  /** The care provider serving the side's elder (a plan line), and one of its caregivers. */
  provider: { id: string; caregiver: { id: string; displayName: string } };
  /** The call button whose press raised the side's alert. */
  deviceId: string;
  /** A work order of the elder's provider, assigned to a caregiver of that provider. */
  orderId: string;
  /** An open time-bank request for the elder, which no volunteer takes in this file. */
  volunteerRequestId: string;
  /** A canteen of the side's provider in the elder's community, open all day. */
  canteenId: string;
  /** A home adaptation case of the elder, planned, given to the side's contractor company. */
  adaptationCaseId: string;
  /** The company building the side's adaptation cases. */
  contractorId: string;
  /** A booking of the elder, in three days, with an offer of the side's provider. */
  bookingId: string;
  /** The offer of the side's provider the booking was made with, bookable at any hour of any day. */
  offerId: string;
  /** A photo of the side's adaptation case. */
  photoId: string;
  /** A volunteer registered in the elder's community, neither checked nor approved. */
  volunteerId: string;
  /** The payment of a time-bank visit to the elder, which no one reverses in this file. */
  paymentId: string;
}

/** An offer bookable at any hour of any day, an hour long, by the provider's caregivers. */
const AN_OFFER = {
  service: 'bathing',
  minutes: 60,
  priceCents: 8000,
  capacity: 'caregivers',
  weekdays: [1, 2, 3, 4, 5, 6, 7],
  opens: '00:00',
  closes: '24:00',
  cancelCutoffMinutes: 60,
  lateCancelShare: 0.5,
};

interface PersonSpec {
  who: string;
  role: Role;
  /** The elders the person's scope covers. */
  sees: readonly SideName[];
  /** The elders the person's provider serves (their work orders, with what the role may see of the elder). */
  serves?: readonly SideName[];
  /** The elders whose open volunteer requests the person may take: their name, never their door or phone. */
  meets?: readonly SideName[];
  /** The sides whose canteen the person works the counter of: any diner there by name, never more. */
  counter?: readonly SideName[];
  /** The sides whose adaptation case the person's company builds: that case and no other record of the elder. */
  builds?: readonly SideName[];
  scope: (
    a: TestElder,
    b: TestElder,
    providers: Record<SideName, string>,
    contractors: Record<SideName, string>,
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
    serves: ['A'],
    scope: (_a, _b, providers) => ({ providerId: providers.A }),
  },
  {
    who: "a caregiver of A's provider",
    role: 'caregiver',
    sees: [],
    serves: ['A'],
    scope: (_a, _b, providers) => ({ providerId: providers.A }),
  },
  { who: "the operator of B's street", role: 'operator', sees: ['B'], scope: (_a, b) => ({ regionIds: [b.streetId] }) },
  // The cashier of a canteen of A's provider: a name and what to pay at the counter, never an elder's record.
  {
    who: "a cashier of A's provider",
    role: 'cashier',
    sees: [],
    counter: ['A'],
    scope: (_a, _b, providers) => ({ providerId: providers.A }),
  },
  // A volunteer of the time bank sees no elder's record: only the requests it may take or serves.
  { who: "a volunteer of A's community", role: 'volunteer', sees: [], meets: ['A'], scope: () => ({}) },
  // Home adaptation's own people: an inspector watches a region's cases, a contractor its company's cases only.
  {
    who: "the inspector of A's district",
    role: 'inspector',
    sees: ['A'],
    scope: (a) => ({ regionIds: [a.districtId] }),
  },
  {
    who: "a contractor of the company building A's case",
    role: 'contractor',
    sees: [],
    builds: ['A'],
    scope: (_a, _b, _providers, contractors) => ({ providerId: contractors.A }),
  },
];

const WHO_READS_ALERTS: readonly Role[] = ['operator', 'supervisor', 'family', 'bureau', 'admin'];
const WHO_WORKS_ALERTS: readonly Role[] = ['operator', 'supervisor'];
const WHO_READS_ELDERS: readonly Role[] = ['operator', 'supervisor', 'family', 'bureau', 'admin'];
const WHO_READS_REGIONS: readonly Role[] = ['operator', 'supervisor', 'provider_admin', 'bureau', 'admin'];
const WHO_READS_THE_AUDIT: readonly Role[] = ['supervisor', 'admin'];
const WHO_READS_CARE_PLANS: readonly Role[] = ['operator', 'supervisor', 'provider_admin', 'family', 'bureau', 'admin'];
const WHO_WRITES_ELDERS: readonly Role[] = ['supervisor', 'admin'];
const WHO_WRITES_ABSENCES: readonly Role[] = ['operator', 'supervisor', 'family', 'admin'];
const WHO_WRITES_CARE_PLANS: readonly Role[] = ['supervisor', 'admin'];
const WHO_SETS_ENTITLEMENTS: readonly Role[] = ['bureau', 'admin'];
const WHO_DISPATCHES_ORDERS: readonly Role[] = ['operator', 'supervisor', 'admin'];
const WHO_READS_REPORTS: readonly Role[] = ['supervisor', 'bureau', 'admin'];
const WHO_READS_ORDERS: readonly Role[] = [
  'operator',
  'supervisor',
  'provider_admin',
  'caregiver',
  'family',
  'bureau',
  'admin',
];
const WHO_READS_BOOKINGS = WHO_READS_ORDERS;
const WHO_MAKES_BOOKINGS: readonly Role[] = ['operator', 'supervisor', 'caregiver', 'family', 'admin'];
/** An admin passes the offers' role gate but has no provider to publish for or withdraw from: 403 from the service. */
const WHO_MANAGES_OFFERS: readonly Role[] = ['provider_admin'];
const WHO_READS_CANTEENS: readonly Role[] = ['operator', 'supervisor', 'provider_admin', 'bureau', 'admin', 'cashier'];
const WHO_SETS_MEAL_SUBSIDIES: readonly Role[] = ['bureau', 'admin'];
const WHO_SERVES_MEALS: readonly Role[] = ['cashier'];
const WHO_ORDERS_MEALS: readonly Role[] = ['family'];
const WHO_READS_FACES: readonly Role[] = ['supervisor', 'family', 'admin'];
const WHO_ENROLS_FACES: readonly Role[] = ['supervisor', 'admin'];
const WHO_READS_THE_WALLBOARD: readonly Role[] = ['supervisor', 'admin'];
const WHO_READS_THE_MAP: readonly Role[] = ['operator', 'supervisor', 'bureau', 'admin'];
const WHO_ASKS_VOLUNTEERS: readonly Role[] = ['operator', 'supervisor', 'family', 'admin'];
const WHO_MANAGES_THE_TIME_BANK: readonly Role[] = ['supervisor', 'admin'];
const WHO_VOLUNTEERS: readonly Role[] = ['volunteer'];
const WHO_READS_VOLUNTEER_REQUESTS: readonly Role[] = [...WHO_ASKS_VOLUNTEERS, 'volunteer'];
const WHO_VISITS_ELDERS_AT_RISK: readonly Role[] = ['operator', 'supervisor', 'admin'];
const WHO_NAMES_PAIRS: readonly Role[] = ['supervisor', 'admin'];
const WHO_SETS_CITY_SETTINGS: readonly Role[] = ['bureau', 'admin'];
const WHO_READS_ADAPTATIONS: readonly Role[] = [
  'operator',
  'supervisor',
  'family',
  'bureau',
  'admin',
  'inspector',
  'contractor',
];
const WHO_MANAGES_ADAPTATIONS: readonly Role[] = ['supervisor', 'admin'];
const WHO_ADDS_ADAPTATION_PHOTOS: readonly Role[] = [...WHO_MANAGES_ADAPTATIONS, 'contractor'];
// Who takes the steps of the case in general: each step's own actor is refused any other (the works and the
// acceptance have rows of their own, by the contractor and the inspector).
const WHO_STEPS_ADAPTATIONS: readonly Role[] = ['supervisor', 'family', 'bureau', 'admin'];
const EVERYONE: readonly Role[] = ROLES;

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
  /** The route as the api declares it (`METHOD /path/:param`), which every route must have in this matrix. */
  route: string;
  /** Whose request reaches the side's record; by default those whose scope covers the elder. */
  reaches?: (person: PersonSpec, side: SideName) => boolean;
  allowed: readonly Role[];
  /**
   * `record`: about one of the side's records, 404 outside the scope. `list`: 200 whatever the scope, without what
   * lies outside it. `global`: the same for everyone, once per person.
   */
  kind: 'record' | 'list' | 'global';
  /** The status of an allowed request for a record in scope. */
  success: number;
  /** The status of an allowed request for a record out of reach, when not 404 (a report of problems, say). */
  outOfReach?: number;
  /** Whether an allowed answer is of a visit the person took: a volunteer then sees the elder's door and phone. */
  visit?: boolean;
  /** The status for a person and side the rules above do not decide, with the reason in the row. */
  answers?: (person: PersonSpec, side: SideName) => number | undefined;
  /** Sends the request (after any arrangement it needs), checks what only this endpoint knows, returns the answer. */
  probe(probe: Probe): Promise<ApiAnswer>;
}

describe('who may see and do what: roles and scopes over the api', () => {
  let harness: PlatformUnderTest;
  const sides = {} as Record<SideName, Side>;
  const people = new Map<string, Person>();
  /** An admin outside the matrix who arranges what a probe needs (orders in a state, fresh records). */
  let arranger: ApiClient;
  /** A face's enrolment photo and two camera frames of it turning a little, as base64 JPEGs. */
  const face = { photo: '', frames: [] as string[] };
  type Worker = { id: string; client: ApiClient };
  const staff = {} as Record<SideName, { providerAdmin: Worker; caregiver: Worker }>;

  beforeAll(async () => {
    // Made before the platform starts: drawing them holds the event loop for seconds.
    const [sample] = await sampleFaces(1);
    face.photo = jpegOf(cameraView(sample, { width: 480, height: 480 })).toString('base64');
    face.frames = [0, 0.08].map((narrower) =>
      jpegOf(cameraView(sample, { width: 320, height: 240, narrower })).toString('base64'),
    );
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
    const [pressA, pressB] = await Promise.all([pressSosOn(a.elderId), pressSosOn(b.elderId)]);
    const planner = await createTestUser(harness.dataSource, 'admin');
    arranger = await ApiClient.signedIn(harness.apiUrl, planner.username, TEST_PASSWORD);
    const [providerA, providerB] = await Promise.all([providerServing(a, planner.id), providerServing(b, planner.id)]);
    for (const [name, elder, press, provider] of [
      ['A', a, pressA, providerA],
      ['B', b, pressB, providerB],
    ] as const) {
      sides[name] = {
        name,
        elder,
        alertId: press.alertId,
        alertIds: [press.alertId],
        deviceId: press.deviceId,
        orderId: '',
        volunteerRequestId: '',
        canteenId: '',
        adaptationCaseId: '',
        contractorId: '',
        bookingId: '',
        offerId: '',
        volunteerId: '',
        paymentId: '',
        photoId: '',
        provider,
        ...(await personalDataOf(elder.elderId)),
      };
    }
    const providers = { A: providerA.id, B: providerB.id };
    const plans = new CarePlanRepository(harness.dataSource);
    const contractors = {
      A: await plans.insertProvider({ name: `适老化改造-A-${randomUUID().slice(0, 8)}` }),
      B: await plans.insertProvider({ name: `适老化改造-B-${randomUUID().slice(0, 8)}` }),
    };
    await Promise.all(
      PEOPLE.map(async (spec, index) => {
        const user = await createTestUser(harness.dataSource, spec.role, {
          ...spec.scope(a, b, providers, contractors),
          displayName: `测试用户${index}`,
        });
        people.set(spec.who, {
          ...spec,
          user,
          client: await ApiClient.signedIn(harness.apiUrl, user.username, TEST_PASSWORD),
        });
      }),
    );
    // Who works the orders of each side: for A the people above, for B its provider's own staff.
    const staffOfB = await Promise.all(
      (['provider_admin', 'caregiver'] as const).map(async (role) => {
        const user = await createTestUser(harness.dataSource, role, { providerId: providers.B });
        return { id: user.id, client: await ApiClient.signedIn(harness.apiUrl, user.username, TEST_PASSWORD) };
      }),
    );
    const person = (who: string) => ({ id: people.get(who)!.user.id, client: people.get(who)!.client });
    staff.A = { providerAdmin: person("the admin of A's provider"), caregiver: person("a caregiver of A's provider") };
    staff.B = { providerAdmin: staffOfB[0], caregiver: staffOfB[1] };
    for (const side of Object.values(sides)) {
      side.orderId = await orderOf(side, 'assigned');
      side.volunteerRequestId = await volunteerRequestOf(side);
      side.canteenId = await canteenOf(side);
      side.contractorId = contractors[side.name];
      side.adaptationCaseId = await adaptationCaseOf(side, 'planned');
      side.photoId = await photoOf(side.adaptationCaseId);
      side.bookingId = await bookingOf(side);
      side.volunteerId = await volunteerOf(side);
    }
    volunteerOfA = await approveAsVolunteer(people.get("a volunteer of A's community")!, a);
    // Coins for the volunteer to give: a visit to an elder outside the matrix (a door and phone of its own), served
    // and confirmed.
    const outside = await createTestElderInPlace(harness.dataSource, { name: '孙玉珍' });
    await harness.dataSource.query(`UPDATE elders SET phone = '13300000000', address = '九江市浔阳区' WHERE id = $1`, [
      outside.elderId,
    ]);
    const earned = await requestServed(outside.elderId, 'checked-out', volunteerOfA);
    expect((await arranger.post(`/api/time-bank/requests/${earned}/confirm`)).status).toBe(200);
    for (const side of Object.values(sides)) side.paymentId = await paymentFor(side);
  }, 120_000);

  /** A canteen of the side's provider in its elder's community, serving a meal at any hour. */
  async function canteenOf(side: Side): Promise<string> {
    const created = await arranger.post<{ id: string }>('/api/canteens', {
      name: `社区长者食堂-${side.name}`,
      providerId: side.provider.id,
      communityId: side.elder.communityId,
      address: `${side.name}社区活动中心一楼`,
      position: { lat: 28.68, lon: 115.89 },
      priceCents: 1500,
      periods: [
        { period: 'breakfast', opens: '00:00', closes: '08:00' },
        { period: 'lunch', opens: '08:00', closes: '16:00' },
        { period: 'dinner', opens: '16:00', closes: '24:00' },
      ],
    });
    expect(created.status).toBe(201);
    return created.body.id;
  }

  /** A booking of the side's elder by the arranger, with an offer its provider's admin publishes. */
  async function bookingOf(side: Side): Promise<string> {
    const offer = await staff[side.name].providerAdmin.client.post<{ id: string }>('/api/offers', AN_OFFER);
    expect(offer.status).toBe(201);
    side.offerId = offer.body.id;
    const booked = await arranger.post<{ id: string }>('/api/bookings', {
      offerId: offer.body.id,
      elderId: side.elder.elderId,
      startsAt: new Date(localDateTime(addLocalDays(localDateOf(Date.now()), 3), '09:00')).toISOString(),
    });
    expect(booked.status).toBe(201);
    // The provider picks one of its caregivers; the matrix's own caregiver of the side is the one who sees it.
    await harness.dataSource.query('UPDATE bookings SET caregiver_id = $2 WHERE id = $1', [
      booked.body.id,
      staff[side.name].caregiver.id,
    ]);
    return booked.body.id;
  }

  /**
   * A home adaptation case of the side's elder (of a new elder next door for a fresh one, as a household has one
   * subsidised case), taken to `stage` by the arranger, the side's contractor building the works.
   */
  async function adaptationCaseOf(side: Side, stage: 'planned' | 'agreed' | 'works-done', fresh = false) {
    const opened = await arranger.post<{ id: string }>('/api/adaptation-cases', {
      elderId: fresh ? await freshElderOf(side) : side.elder.elderId,
      subsidised: !fresh,
      needs: '卫生间加装扶手',
    });
    expect(opened.status).toBe(201);
    const id = opened.body.id;
    const take = async (client: ApiClient, step: string, body: Record<string, unknown> = {}) =>
      expect((await client.post(`/api/adaptation-cases/${id}/steps/${step}`, body)).status).toBe(200);
    await take(arranger, 'assess');
    await take(arranger, 'plan', { plan: [{ item: 'grab-bars', quantity: 2 }], contractorId: side.contractorId });
    if (stage === 'planned') return id;
    await take(arranger, 'agree');
    for (const kind of ['before', 'after']) {
      const sent = await arranger.request(
        'POST',
        `/api/adaptation-cases/${id}/photos?kind=${kind}`,
        undefined,
        ONE_PIXEL_PNG as unknown as string,
        {
          'content-type': 'image/png',
        },
      );
      expect(sent.status).toBe(201);
    }
    if (stage === 'agreed') return id;
    await take(people.get("a contractor of the company building A's case")!.client, 'complete-works');
    return id;
  }

  /** A photo of the case, added by the arranger. */
  async function photoOf(caseId: string): Promise<string> {
    const added = await arranger.request<{ id: string }>(
      'POST',
      `/api/adaptation-cases/${caseId}/photos?kind=assessment`,
      undefined,
      ONE_PIXEL_PNG,
      { 'content-type': 'image/png' },
    );
    expect(added.status).toBe(201);
    return added.body.id;
  }

  /** Who reaches a side's adaptation case: whose scope covers its elder, and the contractors of its company. */
  const reachesCase = (person: PersonSpec, side: SideName) =>
    person.sees.includes(side) || (person.builds ?? []).includes(side);

  /** An open time-bank request for the side's elder, asked by the arranger. */
  async function volunteerRequestOf(side: Side): Promise<string> {
    const asked = await arranger.post<{ id: string }>('/api/time-bank/requests', {
      elderId: side.elder.elderId,
      service: 'companionship',
      startsAt: new Date(Date.now() + 3600_000).toISOString(),
      minutes: 30,
    });
    expect(asked.status).toBe(201);
    return asked.body.id;
  }

  let volunteerNumbers = 0;
  /** A new volunteer's registration in the side's community, with an ID number of its own. */
  function volunteerInput(side: Side) {
    const first17 = `36010219900512${String(++volunteerNumbers).padStart(3, '0')}`;
    return {
      name: '张志愿',
      idNumber: first17 + residentIdCheckCharacter(first17),
      phone: '13900001111',
      communityId: side.elder.communityId,
    };
  }

  /** A volunteer registered by the arranger in the side's community, and with `checked` their ID card seen. */
  async function volunteerOf(side: Side, checked = false): Promise<string> {
    const registered = await arranger.post<{ id: string }>('/api/time-bank/volunteers', volunteerInput(side));
    expect(registered.status).toBe(201);
    if (checked)
      expect(
        (await arranger.post(`/api/time-bank/volunteers/${registered.body.id}/id-check`, { trainedOn: '2026-03-01' }))
          .status,
      ).toBe(200);
    return registered.body.id;
  }

  /** The matrix's volunteer's record (of A's community). */
  let volunteerOfA = '';

  const VISIT_STEPS = ['open', 'taken', 'checked-in', 'checked-out', 'disputed'] as const;
  /**
   * A new request for the side's elder by the arranger, taken to `state` in the database as if `visitor` had served
   * it: by default the side's registered volunteer, so that the matrix's volunteer is given no door nor phone.
   */
  const freshRequestOf = (side: Side, state: (typeof VISIT_STEPS)[number], visitor = side.volunteerId) =>
    requestServed(side.elder.elderId, state, visitor);

  async function requestServed(elderId: string, state: (typeof VISIT_STEPS)[number], visitor: string): Promise<string> {
    const asked = await arranger.post<{ id: string }>('/api/time-bank/requests', {
      elderId,
      service: 'companionship',
      startsAt: new Date(Date.now() + 3600_000).toISOString(),
      minutes: 30,
    });
    expect(asked.status).toBe(201);
    const reached = VISIT_STEPS.indexOf(state);
    if (reached > 0)
      await harness.dataSource.query(
        `UPDATE volunteer_requests SET status = $2, volunteer_id = $3, taken_at = now(),
           checked_in_at = CASE WHEN $4 >= 2 THEN now() END, checked_out_at = CASE WHEN $4 >= 3 THEN now() END,
           served_minutes = CASE WHEN $4 >= 3 THEN 30 END, disputed_by = CASE WHEN $4 >= 4 THEN requested_by END,
           disputed_at = CASE WHEN $4 >= 4 THEN now() END, dispute_reason = CASE WHEN $4 >= 4 THEN '没来' END
         WHERE id = $1`,
        [asked.body.id, state, visitor, reached],
      );
    return asked.body.id;
  }

  /** A visit to the side's elder served by the matrix's volunteer and confirmed: the id of its payment. */
  async function paymentFor(side: Side): Promise<string> {
    const requestId = await freshRequestOf(side, 'checked-out');
    expect((await arranger.post(`/api/time-bank/requests/${requestId}/confirm`)).status).toBe(200);
    const [{ id }] = await harness.dataSource.query(
      `SELECT id FROM time_coin_movements WHERE request_id = $1 AND kind = 'pay'`,
      [requestId],
    );
    return id;
  }

  /** Registers, checks and approves the person as a volunteer of the elder's community, under a sign-in of its own. */
  async function approveAsVolunteer(person: Person, elder: TestElder): Promise<string> {
    const registered = await arranger.post<{ id: string }>('/api/time-bank/volunteers', {
      ...volunteerInput(sides.A),
      communityId: elder.communityId,
    });
    expect(registered.status).toBe(201);
    const checked = await arranger.post(`/api/time-bank/volunteers/${registered.body.id}/id-check`, {
      trainedOn: '2026-03-01',
    });
    expect(checked.status).toBe(200);
    const username = `vol-${randomUUID().slice(0, 8)}`;
    const approved = await arranger.post(`/api/time-bank/volunteers/${registered.body.id}/approve`, {
      username,
      password: TEST_PASSWORD,
    });
    expect(approved.status).toBe(200);
    const client = await ApiClient.signedIn(harness.apiUrl, username, TEST_PASSWORD);
    const me = await client.get<{ id: string }>('/api/auth/me');
    people.set(person.who, { ...person, user: { ...person.user, id: me.body.id, username }, client });
    return registered.body.id;
  }

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
  async function pressSosOn(elderId: string): Promise<{ alertId: string; deviceId: string }> {
    const device = await harness.deviceOf(elderId, 'call_button');
    await device.send({ kind: 'sos' });
    const [alert] = await harness.firstAlertsOf(elderId);
    return { alertId: alert.id, deviceId: device.deviceId };
  }

  const pressSos = async (elderId: string) => (await pressSosOn(elderId)).alertId;

  async function personalDataOf(
    elderId: string,
  ): Promise<
    Pick<
      Side,
      'elderName' | 'firstContact' | 'personalData' | 'idNumber' | 'birthDateSpellings' | 'medicalNotes' | 'fields'
    >
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
      fields: {
        phone: row.phone,
        address: row.address,
        keySafeCode: row.key_safe_code,
        contactPhones: contacts.map((contact) => contact.phone),
      },
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

  /** A new elder next door to the side's elder, with the same personal data, and no alert. */
  async function freshElderOf(side: Side): Promise<string> {
    const columns =
      'name, gender, birth_date, categories, community_id, address, rule_settings, id_number, phone, key_safe_code, medical_notes, emergency_contacts, home_lat, home_lon';
    const [{ id }] = await harness.dataSource.query(
      `INSERT INTO elders (${columns}) SELECT ${columns} FROM elders WHERE id = $1 RETURNING id`,
      [side.elder.elderId],
    );
    return id;
  }

  /** Registers a bed-sensor mat for the elder, once. */
  async function matOf(elderId: string): Promise<void> {
    await harness.dataSource.query(
      `INSERT INTO devices (id, type, elder_id, secret_hash) VALUES ($1, 'bed_mat', $2, 'x') ON CONFLICT (id) DO NOTHING`,
      [`mat-${elderId}`, elderId],
    );
  }
  const CARE_BED = { careLevel: 'severe', assessedOn: '2026-01-05', adaptationCaseId: null, startsOn: '2026-02-01' };

  let idNumbers = 0;
  /** A new elder's record in the side's community, with an ID number of its own. */
  function elderInput(side: Side) {
    const first17 = `360102${'19400506'}${String(++idNumbers * 2)
      .padStart(3, '0')
      .slice(-3)}`;
    return {
      name: '陈秀珍',
      gender: 'female',
      birthDate: '1940-05-06',
      idNumber: first17 + residentIdCheckCharacter(first17),
      phone: '13907915555',
      address: '东湖区公园路8号',
      communityId: side.elder.communityId,
      categories: ['living_alone'],
      medicalNotes: '',
      contacts: [],
      keySafeCode: null,
      home: null,
    };
  }

  const anAbsence = () => ({
    reason: 'hospital',
    startsAt: '2027-03-01T08:00:00+08:00',
    endsAt: '2027-03-05T08:00:00+08:00',
  });

  const ORDER_STEPS = ['created', 'assigned', 'accepted', 'checked-in', 'checked-out'] as const;
  type OrderState = (typeof ORDER_STEPS)[number];

  /**
   * A new one-off work order of the side's elder and provider, taken to `state` by the side's own staff; `early`
   * starts it two hours from now, so a visit made at once is checked in early and leaves an exception to resolve.
   */
  async function orderOf(side: Side, state: OrderState, early = false): Promise<string> {
    const startsAt = new Date(Date.now() + (early ? 2 * 3600_000 : 10 * 60_000)).toISOString();
    const created = await arranger.post<{ id: string }>('/api/work-orders', {
      elderId: side.elder.elderId,
      providerId: side.provider.id,
      service: 'personal-care',
      startsAt,
    });
    expect(created.status).toBe(201);
    const { providerAdmin, caregiver } = staff[side.name];
    const steps: [OrderState, () => Promise<ApiAnswer>][] = [
      [
        'assigned',
        () => providerAdmin.client.post(`/api/work-orders/${created.body.id}/assign`, { caregiverId: caregiver.id }),
      ],
      ['accepted', () => caregiver.client.post(`/api/work-orders/${created.body.id}/accept`)],
      [
        'checked-in',
        () => caregiver.client.post(`/api/work-orders/${created.body.id}/check-in`, { lat: 28.68, lon: 115.89 }),
      ],
      [
        'checked-out',
        () => caregiver.client.post(`/api/work-orders/${created.body.id}/check-out`, { lat: 28.68, lon: 115.89 }),
      ],
    ];
    for (const [step, take] of steps.slice(0, ORDER_STEPS.indexOf(state))) {
      const answer = await take();
      if (answer.status !== 200) throw new Error(`order to ${step}: ${answer.status} ${JSON.stringify(answer.body)}`);
    }
    return created.body.id;
  }

  /**
   * The order a probe acts on: one in the state the step starts from, unless the role is refused outright, which
   * the api decides before it looks at any record (the side's standing order does then).
   */
  const orderFor = ({ side, status }: Probe, state: OrderState, early = false) =>
    status === 403 ? side.orderId : orderOf(side, state, early);

  /** Who reaches a side's canteen: the cashiers of its provider. */
  const worksCounter = (person: PersonSpec, side: SideName) => (person.counter ?? []).includes(side);
  /** Today's date in Nanchang. */
  const localToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

  /** Who reaches a side's open volunteer request: whose scope covers its elder, and the volunteers who may take it. */
  const reachesRequest = (person: PersonSpec, side: SideName) =>
    person.sees.includes(side) || (person.meets ?? []).includes(side);

  /** Who reaches a side's work order: whose scope covers its elder, and its provider's staff. */
  const reachesOrder = (person: PersonSpec, side: SideName) =>
    person.sees.includes(side) || (person.serves ?? []).includes(side);

  type Request = { path: string; body?: unknown; csv?: string; image?: Buffer };

  /** An endpoint whose probe is one request, with what only it needs checked in `check`. */
  function call(
    spec: Omit<Endpoint, 'probe' | 'name'> & {
      name?: string;
      /** The request (path, body) for the probe, made after any arrangement it needs. */
      request(probe: Probe): Promise<Request> | Request;
      /** The error code a record out of reach answers with. */
      notFound?: string;
      check?(answer: ApiAnswer<unknown>, probe: Probe): Promise<void> | void;
    },
  ): Endpoint {
    const [method] = spec.route.split(' ');
    return {
      ...spec,
      name: spec.name ?? spec.route,
      async probe(probe) {
        const { path, body, csv, image } = await spec.request(probe);
        const answer = csv
          ? await probe.person.client.request<unknown>(method, path, undefined, csv, { 'content-type': 'text/csv' })
          : image
            ? await probe.person.client.request<unknown>(method, path, undefined, image, {
                'content-type': 'image/png',
              })
            : await probe.person.client.request<unknown>(method, path, body);
        if (probe.status === 404 && spec.notFound)
          expect(answer.body).toMatchObject({ error: { code: spec.notFound } });
        await spec.check?.(answer, probe);
        return answer;
      },
    };
  }

  /**
   * A write whose refusal changes nothing and tells nothing: `snapshot` (read straight from the database, before the
   * request and after it) is the same after a refused request, and a refusal holds its error and nothing else.
   */
  function write(spec: Parameters<typeof call>[0] & { snapshot(probe: Probe): Promise<unknown> }): Endpoint {
    const endpoint = call(spec);
    return {
      ...endpoint,
      async probe(probe) {
        const before = await spec.snapshot(probe);
        const answer = await endpoint.probe(probe);
        if (probe.status !== spec.success) {
          expect(await spec.snapshot(probe)).toEqual(before);
          expect(Object.keys(answer.body as object)).toEqual(['error']);
        }
        return answer;
      },
    };
  }

  const rowsOf = (sql: string, ...params: unknown[]) => harness.dataSource.query(sql, params);

  let bookingStarts = 0;
  /** A bookable start no other probe has taken: a new hour each time, from four days out on. */
  const nextBookingStart = () => {
    const n = bookingStarts++;
    const hour = String(1 + (n % 20)).padStart(2, '0');
    return new Date(
      localDateTime(addLocalDays(localDateOf(Date.now()), 4 + Math.floor(n / 20)), `${hour}:00`),
    ).toISOString();
  };

  /**
   * A new booking of the side's elder with its offer, made by `booker` (the arranger unless given), its visit given to
   * the side's caregiver of the matrix, and, when `visited`, checked out (so that the family may confirm it).
   */
  async function freshBookingOf(side: Side, { booker = arranger, visited = false } = {}): Promise<string> {
    const booked = await booker.post<{ id: string; workOrder: { id: string } }>('/api/bookings', {
      offerId: side.offerId,
      elderId: side.elder.elderId,
      startsAt: nextBookingStart(),
    });
    expect(booked.status).toBe(201);
    await harness.dataSource.query('UPDATE bookings SET caregiver_id = $2 WHERE id = $1', [
      booked.body.id,
      staff[side.name].caregiver.id,
    ]);
    await harness.dataSource.query('UPDATE work_orders SET caregiver_id = $2 WHERE id = $1', [
      booked.body.workOrder.id,
      staff[side.name].caregiver.id,
    ]);
    if (visited)
      await harness.dataSource.query(
        `UPDATE work_orders SET status = 'checked-out', checked_in_at = now(), checked_out_at = now() WHERE id = $1`,
        [booked.body.workOrder.id],
      );
    return booked.body.id;
  }

  /** A booking and its visit as stored, with what a confirmation or dispute would add. */
  const bookingState = async (bookingId: string) => ({
    booking: await rowsOf(
      `SELECT b.status, b.confirmation, b.cancelled_at, w.status AS order_status FROM bookings b
         JOIN work_orders w ON w.id = b.work_order_id WHERE b.id = $1`,
      bookingId,
    ),
    complaints: await count('SELECT count(*) FROM complaints', []),
  });

  /** The step each role takes of an adaptation case, and the stage it is taken from. */
  const ADAPTATION_STEP_OF: Partial<Record<Role, [string, string]>> = {
    family: ['agree', 'planned'],
    bureau: ['settle', 'accepted'],
  };

  /** A case as stored, with its steps and photos. */
  const adaptationCaseState = async (caseId: string) => ({
    case: await rowsOf('SELECT * FROM adaptation_cases WHERE id = $1', caseId),
    steps: await count('SELECT count(*) FROM adaptation_case_steps WHERE case_id = $1', [caseId]),
    photos: await count('SELECT count(*) FROM adaptation_photos WHERE case_id = $1', [caseId]),
  });

  /** How many faces are enrolled, and how many were once a withdrawal probe had one to take back. */
  const faceEnrolments = () => count('SELECT count(*) FROM face_enrolments', []);
  let enrolledFaces = 0;

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
      route: 'GET /api/alerts/open',
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
      route: 'GET /api/alerts',
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
      route: 'GET /api/alerts/:id',
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
      route: 'POST /api/alerts/:id/shown',
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
      route: 'POST /api/alerts/:id/claim',
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
      route: 'POST /api/alerts/:id/calls',
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
      route: 'POST /api/alerts/:id/dispatches',
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
      route: 'GET /api/elders/:id',
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
      route: 'GET /api/regions',
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
      route: 'GET /api/audit',
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
      route: 'GET /api/providers',
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
      name: 'GET /api/console/settings',
      route: 'GET /api/console/settings',
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
    call({
      route: 'POST /api/alerts/:id/resolve',
      allowed: WHO_WORKS_ALERTS,
      kind: 'record',
      success: 200,
      notFound: 'alert-not-found',
      async request({ person, side, status }) {
        if (status !== 200)
          return { path: `/api/alerts/${side.alertId}/resolve`, body: { outcome: 'false-alarm-pressed-by-mistake' } };
        // A resolve ends the alert: each allowed one gets an alert of its own, claimed by the person first.
        const alertId = await freshAlertOf(side);
        expect((await person.client.post(`/api/alerts/${alertId}/claim`)).status).toBe(200);
        return { path: `/api/alerts/${alertId}/resolve`, body: { outcome: 'false-alarm-pressed-by-mistake' } };
      },
      async check(answer, { side, status }) {
        if (status !== 200) expect((await alertStateOf(side.alertId)).status).toBe('raised');
        else expect(answer.body).toMatchObject({ status: 'resolved' });
      },
    }),
    call({
      route: 'GET /api/elders',
      allowed: WHO_READS_ELDERS,
      kind: 'list',
      success: 200,
      request: () => ({ path: '/api/elders?limit=200' }),
      check(answer, { side, sees, status }) {
        if (status === 200) expect(JSON.stringify(answer.body).includes(side.elder.elderId)).toBe(sees);
      },
    }),
    call({
      route: 'POST /api/elders',
      allowed: WHO_WRITES_ELDERS,
      kind: 'record',
      success: 201,
      request: ({ side }) => ({ path: '/api/elders', body: elderInput(side) }),
    }),
    call({
      route: 'PUT /api/elders/:id',
      allowed: WHO_WRITES_ELDERS,
      kind: 'record',
      success: 200,
      notFound: 'elder-not-found',
      request: async ({ side }) => ({ path: `/api/elders/${await freshElderOf(side)}`, body: elderInput(side) }),
    }),
    call({
      route: 'POST /api/elders/import',
      allowed: WHO_WRITES_ELDERS,
      kind: 'record',
      success: 200,
      // Every row is checked and its problems reported by line: a community out of scope is one, as if unknown.
      outOfReach: 422,
      async request({ side }) {
        const [{ code }] = await harness.dataSource.query('SELECT code FROM regions WHERE id = $1', [
          side.elder.communityId,
        ]);
        const { name, birthDate, idNumber, phone, address } = elderInput(side);
        const row: Record<string, string> = {
          name,
          birthDate,
          idNumber,
          phone,
          address,
          medicalNotes: '',
          gender: '女',
          communityCode: code,
          categories: '独居',
          contacts: '',
          keySafeCode: '',
          homeLat: '',
          homeLon: '',
        };
        const csv = `${ELDER_CSV_COLUMNS.join(',')}\n${ELDER_CSV_COLUMNS.map((column) => row[column] ?? '').join(',')}`;
        return { path: '/api/elders/import', csv };
      },
    }),
    call({
      route: 'GET /api/elders/:elderId/rule-settings',
      allowed: WHO_READS_ELDERS,
      kind: 'record',
      success: 200,
      notFound: 'elder-not-found',
      request: ({ side }) => ({ path: `/api/elders/${side.elder.elderId}/rule-settings` }),
    }),
    call({
      route: 'PUT /api/elders/:elderId/rule-settings',
      allowed: WHO_WRITES_ELDERS,
      kind: 'record',
      success: 200,
      notFound: 'elder-not-found',
      request: ({ side }) => ({
        path: `/api/elders/${side.elder.elderId}/rule-settings`,
        body: { vitals: { heartRate: { min: 45, max: 110 } } },
      }),
    }),
    call({
      route: 'GET /api/elders/:elderId/absences',
      allowed: WHO_READS_ELDERS,
      kind: 'record',
      success: 200,
      notFound: 'elder-not-found',
      request: ({ side }) => ({ path: `/api/elders/${side.elder.elderId}/absences` }),
    }),
    call({
      route: 'POST /api/elders/:elderId/absences',
      allowed: WHO_WRITES_ABSENCES,
      kind: 'record',
      success: 201,
      notFound: 'elder-not-found',
      request: ({ side }) => ({ path: `/api/elders/${side.elder.elderId}/absences`, body: anAbsence() }),
    }),
    call({
      route: 'DELETE /api/elders/:elderId/absences/:absenceId',
      allowed: WHO_WRITES_ABSENCES,
      kind: 'record',
      success: 204,
      async request({ side }) {
        const added = await arranger.post<{ id: string }[]>(`/api/elders/${side.elder.elderId}/absences`, anAbsence());
        expect(added.status).toBe(201);
        return { path: `/api/elders/${side.elder.elderId}/absences/${added.body.at(-1)!.id}` };
      },
    }),
    call({
      route: 'GET /api/elders/:elderId/care-plan',
      allowed: WHO_READS_CARE_PLANS,
      kind: 'record',
      success: 200,
      reaches: reachesOrder,
      notFound: 'elder-not-found',
      request: ({ side }) => ({ path: `/api/elders/${side.elder.elderId}/care-plan` }),
    }),
    call({
      route: 'POST /api/elders/:elderId/care-plan/lines',
      allowed: WHO_WRITES_CARE_PLANS,
      kind: 'record',
      success: 201,
      notFound: 'elder-not-found',
      request: async ({ side }) => ({
        // A new elder each time, so that no line asks for more than the elder is owed.
        path: `/api/elders/${await freshElderOf(side)}/care-plan/lines`,
        body: {
          service: 'look-in',
          providerId: side.provider.id,
          weekdays: [2],
          times: ['09:00'],
          startsOn: '2026-01-01',
          endsOn: null,
        },
      }),
    }),
    call({
      route: 'POST /api/elders/:elderId/care-plan/lines/:lineId/end',
      allowed: WHO_WRITES_CARE_PLANS,
      kind: 'record',
      success: 200,
      async request({ side }) {
        const lineId = await new CarePlanRepository(harness.dataSource).insertLine({
          elderId: side.elder.elderId,
          providerId: side.provider.id,
          service: 'look-in',
          weekdays: [3],
          times: ['15:00'],
          minutes: null,
          startsOn: '2026-01-01',
          endsOn: null,
          createdBy: people.get('an admin')!.user.id,
        });
        return {
          path: `/api/elders/${side.elder.elderId}/care-plan/lines/${lineId}/end`,
          body: { endsOn: '2026-12-31' },
        };
      },
    }),
    call({
      route: 'GET /api/entitlements',
      allowed: WHO_READS_CARE_PLANS,
      kind: 'global',
      success: 200,
      request: () => ({ path: '/api/entitlements' }),
    }),
    call({
      route: 'PUT /api/entitlements',
      allowed: WHO_SETS_ENTITLEMENTS,
      kind: 'global',
      success: 200,
      // The rules as they are: allowed or not, nothing changes for the other probes.
      request: async () => ({ path: '/api/entitlements', body: (await arranger.get('/api/entitlements')).body }),
    }),
    call({
      route: 'GET /api/family/elders/:id',
      allowed: ['family'],
      kind: 'record',
      success: 200,
      notFound: 'elder-not-found',
      request: ({ side }) => ({ path: `/api/family/elders/${side.elder.elderId}` }),
    }),
    call({
      route: 'GET /api/work-orders',
      allowed: WHO_READS_ORDERS,
      kind: 'list',
      success: 200,
      reaches: reachesOrder,
      request: () => ({ path: '/api/work-orders?limit=1000' }),
      check(answer, { person, side, status }) {
        if (status === 200)
          expect((answer.body as { id: string }[]).some((order) => order.id === side.orderId)).toBe(
            reachesOrder(person, side.name),
          );
      },
    }),
    call({
      route: 'GET /api/work-orders/:id',
      allowed: WHO_READS_ORDERS,
      kind: 'record',
      success: 200,
      reaches: reachesOrder,
      notFound: 'work-order-not-found',
      request: ({ side }) => ({ path: `/api/work-orders/${side.orderId}` }),
    }),
    call({
      route: 'POST /api/work-orders',
      allowed: WHO_DISPATCHES_ORDERS,
      kind: 'record',
      success: 201,
      request: ({ side }) => ({
        path: '/api/work-orders',
        body: {
          elderId: side.elder.elderId,
          providerId: side.provider.id,
          service: 'look-in',
          startsAt: new Date(Date.now() + 3600_000).toISOString(),
        },
      }),
    }),
    ...(
      [
        ['assign', 'created', ['provider_admin'], (side: Side) => ({ caregiverId: staff[side.name].caregiver.id })],
        ['accept', 'assigned', ['caregiver'], () => undefined],
        ['check-in', 'accepted', ['caregiver'], () => ({ lat: 28.68, lon: 115.89 })],
        ['check-out', 'checked-in', ['caregiver'], () => ({ lat: 28.68, lon: 115.89 })],
        ['cancel', 'created', [...WHO_DISPATCHES_ORDERS, 'provider_admin'], () => ({ reason: '老人住院' })],
      ] as const
    ).map(([step, from, allowed, body]) =>
      call({
        route: `POST /api/work-orders/:id/${step}`,
        allowed,
        kind: 'record',
        success: 200,
        reaches: reachesOrder,
        notFound: 'work-order-not-found',
        request: async (probe) => ({
          path: `/api/work-orders/${await orderFor(probe, from)}/${step}`,
          body: body(probe.side),
        }),
      }),
    ),
    call({
      route: 'POST /api/work-orders/:id/resolve-exceptions',
      allowed: ['provider_admin'],
      kind: 'record',
      success: 200,
      reaches: reachesOrder,
      notFound: 'work-order-not-found',
      request: async (probe) => ({
        path: `/api/work-orders/${await orderFor(probe, 'checked-out', true)}/resolve-exceptions`,
        body: { resolution: 'approved', note: '家属确认' },
      }),
    }),
    call({
      route: 'POST /api/work-orders/:id/rating',
      allowed: ['family'],
      kind: 'record',
      success: 204,
      reaches: reachesOrder,
      notFound: 'work-order-not-found',
      request: async (probe) => ({
        path: `/api/work-orders/${await orderFor(probe, 'checked-out')}/rating`,
        body: { stars: 4, comment: '' },
      }),
    }),
    call({
      route: 'POST /api/complaints',
      allowed: ['family'],
      kind: 'record',
      success: 201,
      request: ({ side }) => ({ path: '/api/complaints', body: { elderId: side.elder.elderId, text: '护理员迟到' } }),
    }),
    call({
      route: 'GET /api/devices',
      allowed: WHO_READS_ELDERS,
      kind: 'list',
      success: 200,
      request: () => ({ path: '/api/devices?limit=200' }),
      check(answer, { side, sees, status }) {
        if (status === 200) expect(JSON.stringify(answer.body).includes(side.deviceId)).toBe(sees);
      },
    }),
    call({
      route: 'POST /api/devices',
      allowed: WHO_WRITES_ELDERS,
      kind: 'record',
      success: 201,
      request: ({ side }) => ({
        path: '/api/devices',
        body: { id: `btn-${randomUUID().slice(0, 8)}`, type: 'call_button', elderId: side.elder.elderId },
      }),
    }),
    call({
      route: 'POST /api/devices/:id/retire',
      allowed: WHO_WRITES_ELDERS,
      kind: 'record',
      success: 204,
      async request({ side }) {
        const id = `btn-${randomUUID().slice(0, 8)}`;
        await new DeviceRepository(harness.dataSource).insert([
          { id, type: 'call_button', elderId: side.elder.elderId, secretHash: 'x' },
        ]);
        return { path: `/api/devices/${id}/retire` };
      },
    }),
    call({
      route: 'GET /api/care-calls',
      allowed: WHO_WORKS_ALERTS,
      kind: 'list',
      success: 200,
      request: () => ({ path: '/api/care-calls' }),
    }),
    call({
      route: 'POST /api/care-calls',
      allowed: WHO_WORKS_ALERTS,
      kind: 'record',
      success: 201,
      request: ({ side }) => ({
        path: '/api/care-calls',
        body: { elderId: side.elder.elderId, outcome: 'answered-well', note: '' },
      }),
    }),
    call({
      route: 'GET /api/reports/monthly',
      allowed: WHO_READS_REPORTS,
      kind: 'list',
      success: 200,
      request: () => ({ path: '/api/reports/monthly?month=2026-12' }),
    }),
    call({
      name: 'GET /api/reports/monthly?regionId=…',
      route: 'GET /api/reports/monthly',
      allowed: WHO_READS_REPORTS,
      kind: 'record',
      success: 200,
      request: ({ side }) => ({ path: `/api/reports/monthly?month=2026-12&regionId=${side.elder.districtId}` }),
    }),
    // Lists filtered by another region's, elder's or provider's id: the filter narrows the scope, never widens it.
    ...(
      [
        ['GET /api/alerts', WHO_READS_ALERTS, 'regionId', (side: Side) => side.elder.districtId],
        ['GET /api/elders', WHO_READS_ELDERS, 'regionId', (side: Side) => side.elder.districtId],
        ['GET /api/devices', WHO_READS_ELDERS, 'elderId', (side: Side) => side.elder.elderId],
        ['GET /api/work-orders', WHO_READS_ORDERS, 'elderId', (side: Side) => side.elder.elderId, reachesOrder],
        ['GET /api/work-orders', WHO_READS_ORDERS, 'providerId', (side: Side) => side.provider.id, reachesOrder],
        ['GET /api/bookings', WHO_READS_BOOKINGS, 'providerId', (side: Side) => side.provider.id, reachesOrder],
        [
          'GET /api/time-bank/requests',
          WHO_READS_VOLUNTEER_REQUESTS,
          'elderId',
          (side: Side) => side.elder.elderId,
          reachesRequest,
        ],
      ] as const
    ).map(([route, allowed, parameter, value, reaches]) =>
      call({
        name: `${route}?${parameter}=…`,
        route,
        allowed,
        kind: 'list',
        success: 200,
        reaches,
        request: ({ side }) => ({ path: `${route.split(' ')[1]}?${parameter}=${value(side)}` }),
        check(answer, { side, sees, status }) {
          if (status === 200) expect(JSON.stringify(answer.body).includes(side.elder.elderId)).toBe(sees);
        },
      }),
    ),
    // Bookings, canteens and meals.
    call({
      route: 'GET /api/offers',
      allowed: WHO_READS_BOOKINGS,
      kind: 'global',
      success: 200,
      request: () => ({ path: '/api/offers' }),
    }),
    write({
      route: 'POST /api/offers',
      allowed: WHO_MANAGES_OFFERS,
      kind: 'global',
      success: 201,
      request: () => ({ path: '/api/offers', body: AN_OFFER }),
      snapshot: () => count('SELECT count(*) FROM service_offers', []),
      check(answer, { person, status }) {
        if (status === 201) expect(answer.body).toMatchObject({ provider: { id: person.user.providerId } });
      },
    }),
    write({
      route: 'POST /api/offers/:id/withdraw',
      allowed: WHO_MANAGES_OFFERS,
      kind: 'record',
      success: 204,
      reaches: reachesOrder,
      notFound: 'offer-not-found',
      async request({ side, status }) {
        if (status !== 204) return { path: `/api/offers/${side.offerId}/withdraw` };
        const published = await staff[side.name].providerAdmin.client.post<{ id: string }>('/api/offers', AN_OFFER);
        return { path: `/api/offers/${published.body.id}/withdraw` };
      },
      snapshot: ({ side }) => rowsOf('SELECT active FROM service_offers WHERE id = $1', side.offerId),
    }),
    // Offers are the city's catalogue: every reader of bookings sees them, and their free slots.
    call({
      route: 'GET /api/offers/:id/slots',
      allowed: WHO_READS_BOOKINGS,
      kind: 'global',
      success: 200,
      request: ({ side }) => ({
        path: `/api/offers/${side.offerId}/slots?date=${addLocalDays(localDateOf(Date.now()), 3)}`,
      }),
      check(answer, { status }) {
        if (status === 200) expect((answer.body as unknown[]).length).toBeGreaterThan(0);
      },
    }),
    call({
      route: 'GET /api/bookings',
      allowed: WHO_READS_BOOKINGS,
      kind: 'list',
      success: 200,
      reaches: reachesOrder,
      request: () => ({ path: '/api/bookings' }),
      check(answer, { side, sees, status }) {
        if (status === 200)
          expect((answer.body as { id: string }[]).some((booking) => booking.id === side.bookingId)).toBe(sees);
      },
    }),
    call({
      route: 'GET /api/bookings/:id',
      allowed: WHO_READS_BOOKINGS,
      kind: 'record',
      success: 200,
      reaches: reachesOrder,
      notFound: 'booking-not-found',
      request: ({ side }) => ({ path: `/api/bookings/${side.bookingId}` }),
    }),
    call({
      name: 'GET /api/bookings?elderId=…',
      route: 'GET /api/bookings',
      allowed: WHO_READS_BOOKINGS,
      // A read of the elder's record: an elder out of reach is not found, for a provider's staff as for anyone.
      kind: 'record',
      success: 200,
      reaches: reachesOrder,
      notFound: 'elder-not-found',
      request: ({ side }) => ({ path: `/api/bookings?elderId=${side.elder.elderId}` }),
      check(answer, { side, status }) {
        if (status !== 200) return;
        const listed = answer.body as { id: string; elder: { id: string } }[];
        expect(listed.map((booking) => booking.id)).toContain(side.bookingId);
        expect(new Set(listed.map((booking) => booking.elder.id))).toEqual(new Set([side.elder.elderId]));
      },
    }),
    // Booking for an elder: in scope, or for a caregiver an elder they visit (the matrix's caregiver of A visits A).
    call({
      route: 'POST /api/bookings/quote',
      allowed: WHO_MAKES_BOOKINGS,
      kind: 'record',
      success: 200,
      reaches: reachesOrder,
      notFound: 'elder-not-found',
      request: ({ side }) => ({
        path: '/api/bookings/quote',
        body: { offerId: side.offerId, elderId: side.elder.elderId, startsAt: nextBookingStart() },
      }),
    }),
    write({
      route: 'POST /api/bookings',
      allowed: WHO_MAKES_BOOKINGS,
      kind: 'record',
      success: 201,
      reaches: reachesOrder,
      notFound: 'elder-not-found',
      request: ({ side }) => ({
        path: '/api/bookings',
        body: { offerId: side.offerId, elderId: side.elder.elderId, startsAt: nextBookingStart() },
      }),
      snapshot: ({ side }) => count('SELECT count(*) FROM bookings WHERE elder_id = $1', [side.elder.elderId]),
      check(answer, { side, status }) {
        if (status === 201) expect(answer.body).toMatchObject({ elder: { id: side.elder.elderId }, status: 'booked' });
      },
    }),
    // The booker's side or the provider's admin; a caregiver cancels only what they booked themselves.
    write({
      route: 'POST /api/bookings/:id/cancel',
      allowed: [...WHO_MAKES_BOOKINGS, 'provider_admin'],
      kind: 'record',
      success: 200,
      reaches: reachesOrder,
      notFound: 'booking-not-found',
      async request({ person, side, status }) {
        const booker = WHO_MAKES_BOOKINGS.includes(person.role) ? person.client : arranger;
        const bookingId = status === 200 ? await freshBookingOf(side, { booker }) : side.bookingId;
        return { path: `/api/bookings/${bookingId}/cancel`, body: { reason: '老人住院' } };
      },
      snapshot: ({ side }) => bookingState(side.bookingId),
      check(answer, { status }) {
        if (status === 200) expect(answer.body).toMatchObject({ status: 'cancelled' });
      },
    }),
    ...(
      [
        ['confirm', undefined, 'confirmed'],
        ['dispute', { text: '护理员只待了十分钟' }, 'disputed'],
      ] as const
    ).map(([step, body, confirmation]) =>
      write({
        route: `POST /api/bookings/:id/${step}`,
        allowed: ['family'],
        kind: 'record',
        success: 200,
        notFound: 'booking-not-found',
        request: async ({ side, status }) => ({
          path: `/api/bookings/${status === 200 ? await freshBookingOf(side, { visited: true }) : side.bookingId}/${step}`,
          body,
        }),
        snapshot: ({ side }) => bookingState(side.bookingId),
        check(answer, { status }) {
          if (status === 200) expect(answer.body).toMatchObject({ confirmation });
        },
      }),
    ),
    call({
      route: 'GET /api/canteens',
      allowed: WHO_READS_CANTEENS,
      kind: 'global',
      success: 200,
      request: () => ({ path: '/api/canteens' }),
    }),
    write({
      route: 'POST /api/canteens',
      allowed: ['admin'],
      kind: 'record',
      success: 201,
      request: ({ side }) => ({
        path: '/api/canteens',
        body: {
          name: `社区长者食堂-${randomUUID().slice(0, 8)}`,
          providerId: side.provider.id,
          communityId: side.elder.communityId,
          address: `${side.name}社区服务中心`,
          position: { lat: 28.68, lon: 115.89 },
          priceCents: 1500,
          periods: [{ period: 'lunch', opens: '11:00', closes: '13:00' }],
        },
      }),
      snapshot: () => count('SELECT count(*) FROM canteens', []),
    }),
    call({
      route: 'GET /api/meal-subsidies',
      allowed: WHO_READS_CANTEENS,
      kind: 'global',
      success: 200,
      request: () => ({ path: '/api/meal-subsidies' }),
    }),
    // The city's rules: a subsidy from a day far ahead, which changes no meal served here.
    write({
      route: 'POST /api/meal-subsidies',
      allowed: WHO_SETS_MEAL_SUBSIDIES,
      kind: 'global',
      success: 200,
      request: () => ({
        path: '/api/meal-subsidies',
        body: { category: 'living_alone', subsidyCents: 500, effectiveFrom: '2099-01-01' },
      }),
      snapshot: () => rowsOf('SELECT * FROM meal_subsidy_rules ORDER BY 1, 2'),
    }),
    call({
      name: 'POST /api/canteens/:id/diner by ID card',
      route: 'POST /api/canteens/:id/diner',
      allowed: WHO_SERVES_MEALS,
      kind: 'record',
      success: 200,
      reaches: worksCounter,
      notFound: 'canteen-not-found',
      request: ({ side }) => ({
        path: `/api/canteens/${side.canteenId}/diner`,
        body: { by: 'id-card', value: side.idNumber, reason: '刷脸未通过' },
      }),
      check(answer, { side, status }) {
        // The elders next door made by other probes share the ID number: any of them is the side's elder by name.
        if (status === 200) expect(answer.body).toMatchObject({ elder: { name: side.elderName } });
      },
    }),
    call({
      route: 'POST /api/canteens/:id/face',
      allowed: WHO_SERVES_MEALS,
      kind: 'record',
      success: 200,
      reaches: worksCounter,
      notFound: 'canteen-not-found',
      // A face enrolled from a photo as the side's elder's: the counter of the side's canteen finds the elder by the
      // camera's moving frames of it, by name only.
      async request({ side, status }) {
        if (status === 200)
          expect((await arranger.put(`/api/elders/${side.elder.elderId}/face`, { photo: face.photo })).status).toBe(
            204,
          );
        return { path: `/api/canteens/${side.canteenId}/face`, body: { frames: face.frames } };
      },
      check(answer, { side, status }) {
        if (status === 200) expect(answer.body).toMatchObject({ elder: { name: side.elderName } });
      },
    }),
    call({
      route: 'POST /api/canteens/:id/meals',
      allowed: WHO_SERVES_MEALS,
      kind: 'record',
      success: 201,
      reaches: worksCounter,
      notFound: 'canteen-not-found',
      request: ({ side }) => ({
        path: `/api/canteens/${side.canteenId}/meals`,
        body: { elderId: side.elder.elderId, terminal: '收银台1', identifiedBy: 'id-card', reason: '刷脸未通过' },
      }),
    }),
    call({
      route: 'GET /api/canteens/:id/meals',
      allowed: WHO_SERVES_MEALS,
      kind: 'record',
      success: 200,
      reaches: worksCounter,
      notFound: 'canteen-not-found',
      request: ({ side }) => ({ path: `/api/canteens/${side.canteenId}/meals?date=${localToday()}` }),
    }),
    call({
      route: 'PUT /api/elders/:id/meal-card',
      allowed: WHO_ENROLS_FACES,
      kind: 'record',
      success: 200,
      notFound: 'elder-not-found',
      request: ({ side }) => ({ path: `/api/elders/${side.elder.elderId}/meal-card` }),
    }),
    call({
      route: 'POST /api/meal-orders',
      allowed: WHO_ORDERS_MEALS,
      kind: 'record',
      success: 201,
      notFound: 'elder-not-found',
      // Collected, not delivered (no work order joins the side's), at the full price if ordered twice.
      request: ({ side }) => ({
        path: '/api/meal-orders',
        body: {
          elderId: side.elder.elderId,
          canteenId: side.canteenId,
          date: addLocalDays(localToday(), 2),
          period: 'lunch',
          delivery: false,
          fullPrice: true,
        },
      }),
    }),
    call({
      route: 'GET /api/meal-orders',
      allowed: WHO_ORDERS_MEALS,
      kind: 'record',
      success: 200,
      notFound: 'elder-not-found',
      request: ({ side }) => ({ path: `/api/meal-orders?elderId=${side.elder.elderId}` }),
    }),
    write({
      route: 'POST /api/meal-orders/:id/cancel',
      allowed: WHO_ORDERS_MEALS,
      kind: 'record',
      success: 200,
      notFound: 'meal-order-not-found',
      // Each probe cancels an order of its own, made by the family of the side's elder; a refusal cancels nothing.
      async request({ side }) {
        const family = people.get(`the family of elder ${side.name}`)!.client;
        const ordered = await family.post<{ id: string }>('/api/meal-orders', {
          elderId: side.elder.elderId,
          canteenId: side.canteenId,
          date: addLocalDays(localToday(), 3),
          period: 'lunch',
          delivery: false,
          fullPrice: true,
        });
        expect(ordered.status).toBe(201);
        return { path: `/api/meal-orders/${ordered.body.id}/cancel` };
      },
      snapshot: ({ side }) =>
        rowsOf(
          'SELECT count(*)::int AS cancelled FROM meal_transactions WHERE elder_id = $1 AND cancelled_at IS NOT NULL',
          side.elder.elderId,
        ),
      check(answer, { status }) {
        if (status === 200) expect(answer.body).toMatchObject({ cancelledAt: expect.any(String) });
      },
    }),
    call({
      route: 'GET /api/elders/:id/face',
      allowed: WHO_READS_FACES,
      kind: 'record',
      success: 200,
      notFound: 'elder-not-found',
      request: ({ side }) => ({ path: `/api/elders/${side.elder.elderId}/face` }),
      check(answer, { status }) {
        if (status === 200) expect(Object.keys(answer.body as object).sort()).toEqual(['enrolled', 'enrolledAt']);
      },
    }),
    call({
      route: 'PUT /api/elders/:id/face',
      allowed: WHO_ENROLS_FACES,
      kind: 'record',
      success: 204,
      notFound: 'elder-not-found',
      request: async ({ side }) => ({
        path: `/api/elders/${await freshElderOf(side)}/face`,
        body: { embedding: Array.from({ length: 128 }, (_, index) => Math.sin(index)) },
      }),
    }),
    call({
      route: 'DELETE /api/elders/:id/face',
      allowed: WHO_READS_FACES,
      kind: 'record',
      success: 204,
      notFound: 'elder-not-found',
      // The side's elder, whose face the arranger enrolls first, so that there is something to withdraw.
      async request({ side }) {
        const path = `/api/elders/${side.elder.elderId}/face`;
        const enrolled = await arranger.put(path, {
          embedding: Array.from({ length: 128 }, (_, index) => Math.cos(index)),
        });
        expect(enrolled.status).toBe(204);
        enrolledFaces = await faceEnrolments();
        return { path };
      },
      async check(_answer, { status }) {
        expect(await faceEnrolments()).toBe(enrolledFaces - (status === 204 ? 1 : 0));
      },
    }),
    // The operations map, the wallboard, the families' service map and the report archive.
    call({
      route: 'GET /api/map',
      allowed: WHO_READS_THE_MAP,
      kind: 'list',
      success: 200,
      request: () => ({ path: '/api/map' }),
      check(answer, { side, sees, status }) {
        if (status === 200) expect(JSON.stringify(answer.body).includes(side.elder.elderId)).toBe(sees);
      },
    }),
    write({
      route: 'POST /api/map/outlines',
      allowed: ['admin'],
      kind: 'record',
      success: 201,
      async request({ side }) {
        const [{ code }] = await rowsOf('SELECT code FROM regions WHERE id = $1', side.elder.districtId);
        const ring = [
          [115.8, 28.6],
          [115.9, 28.6],
          [115.9, 28.7],
          [115.8, 28.6],
        ];
        return {
          path: '/api/map/outlines',
          body: {
            type: 'FeatureCollection',
            features: [{ type: 'Feature', properties: { code }, geometry: { type: 'Polygon', coordinates: [ring] } }],
          },
        };
      },
      snapshot: ({ side }) => rowsOf('SELECT outline FROM regions WHERE id = $1', side.elder.districtId),
    }),
    call({
      route: 'GET /api/wallboard',
      allowed: WHO_READS_THE_WALLBOARD,
      kind: 'list',
      success: 200,
      request: () => ({ path: '/api/wallboard' }),
    }),
    call({
      route: 'GET /api/family/elders/:id/service-map',
      allowed: ['family'],
      kind: 'record',
      success: 200,
      notFound: 'elder-not-found',
      request: ({ side }) => ({ path: `/api/family/elders/${side.elder.elderId}/service-map` }),
    }),
    call({
      name: 'GET /api/reports/monthly?format=xlsx',
      route: 'GET /api/reports/monthly',
      allowed: WHO_READS_REPORTS,
      kind: 'record',
      success: 200,
      request: ({ side }) => ({
        path: `/api/reports/monthly?month=2026-12&format=xlsx&regionId=${side.elder.districtId}`,
      }),
    }),
    call({
      route: 'GET /api/reports/archive',
      allowed: WHO_READS_REPORTS,
      kind: 'global',
      success: 200,
      request: () => ({ path: '/api/reports/archive' }),
    }),
    // The archive holds the city's workbooks: only those who see the whole city get one, others as if there were none.
    call({
      route: 'GET /api/reports/archive/:month',
      allowed: WHO_READS_REPORTS,
      kind: 'global',
      success: 200,
      answers: (person) => (person.role === 'supervisor' ? 404 : undefined),
      notFound: 'archived-report-not-found',
      async request() {
        await new ReportArchiveRepository(harness.dataSource).store('2026-10', new Date(), Buffer.from('PK-workbook'));
        return { path: '/api/reports/archive/2026-10' };
      },
    }),
    // The time bank.
    call({
      route: 'GET /api/time-bank/volunteers',
      allowed: WHO_MANAGES_THE_TIME_BANK,
      kind: 'global',
      success: 200,
      request: () => ({ path: '/api/time-bank/volunteers' }),
    }),
    // Volunteers belong to a community: staff register, check and approve those of their regions.
    write({
      route: 'POST /api/time-bank/volunteers',
      allowed: WHO_MANAGES_THE_TIME_BANK,
      kind: 'record',
      success: 201,
      notFound: 'region-not-found',
      request: ({ side }) => ({ path: '/api/time-bank/volunteers', body: volunteerInput(side) }),
      snapshot: () => count('SELECT count(*) FROM volunteers', []),
    }),
    write({
      route: 'POST /api/time-bank/volunteers/:id/id-check',
      allowed: WHO_MANAGES_THE_TIME_BANK,
      kind: 'record',
      success: 200,
      notFound: 'volunteer-not-found',
      request: async ({ side, status }) => ({
        path: `/api/time-bank/volunteers/${status === 200 ? await volunteerOf(side) : side.volunteerId}/id-check`,
        body: { trainedOn: '2026-03-01' },
      }),
      snapshot: ({ side }) => rowsOf('SELECT * FROM volunteers WHERE id = $1', side.volunteerId),
    }),
    write({
      route: 'POST /api/time-bank/volunteers/:id/approve',
      allowed: WHO_MANAGES_THE_TIME_BANK,
      kind: 'record',
      success: 200,
      notFound: 'volunteer-not-found',
      request: async ({ side, status }) => ({
        path: `/api/time-bank/volunteers/${status === 200 ? await volunteerOf(side, true) : side.volunteerId}/approve`,
        body: { username: `vol-${randomUUID().slice(0, 8)}`, password: TEST_PASSWORD },
      }),
      snapshot: async ({ side }) => ({
        volunteer: await rowsOf('SELECT * FROM volunteers WHERE id = $1', side.volunteerId),
        users: await count('SELECT count(*) FROM users', []),
      }),
    }),
    ...['GET /api/time-bank/me', 'GET /api/time-bank/me/movements'].map((route) =>
      call({
        route,
        allowed: WHO_VOLUNTEERS,
        kind: 'global',
        success: 200,
        request: () => ({ path: route.split(' ')[1] }),
      }),
    ),
    // A volunteer gives coins to a parent or grandparent anywhere in the city: the gift names the elder, and reads
    // nothing of the record (the answer is the volunteer's own account).
    write({
      route: 'POST /api/time-bank/me/gifts',
      allowed: WHO_VOLUNTEERS,
      kind: 'record',
      success: 200,
      reaches: (person) => person.role === 'volunteer',
      request: ({ side }) => ({
        path: '/api/time-bank/me/gifts',
        body: { elderId: side.elder.elderId, relation: 'parent', minutes: 1 },
      }),
      snapshot: ({ side }) =>
        count(`SELECT count(*) FROM time_coin_entries WHERE account = $1`, [`elder:${side.elder.elderId}`]),
    }),
    call({
      route: 'GET /api/time-bank/requests',
      allowed: WHO_READS_VOLUNTEER_REQUESTS,
      kind: 'list',
      success: 200,
      reaches: reachesRequest,
      request: () => ({ path: '/api/time-bank/requests' }),
      check(answer, { side, sees, status }) {
        if (status === 200)
          expect((answer.body as { id: string }[]).some((request) => request.id === side.volunteerRequestId)).toBe(
            sees,
          );
      },
    }),
    call({
      route: 'GET /api/time-bank/requests/:id',
      allowed: WHO_READS_VOLUNTEER_REQUESTS,
      kind: 'record',
      success: 200,
      reaches: reachesRequest,
      notFound: 'volunteer-request-not-found',
      request: ({ side }) => ({ path: `/api/time-bank/requests/${side.volunteerRequestId}` }),
    }),
    write({
      route: 'POST /api/time-bank/requests',
      allowed: WHO_READS_VOLUNTEER_REQUESTS,
      kind: 'record',
      success: 201,
      notFound: 'elder-not-found',
      // A volunteer asks only for the elder they are themselves, and spends their own coins; this one is no elder.
      answers: (person) => (person.role === 'volunteer' ? 409 : undefined),
      request: ({ side }) => ({
        path: '/api/time-bank/requests',
        body: {
          elderId: side.elder.elderId,
          service: 'chat',
          startsAt: new Date(Date.now() + 3600_000).toISOString(),
          minutes: 30,
        },
      }),
      snapshot: ({ side }) =>
        count('SELECT count(*) FROM volunteer_requests WHERE elder_id = $1', [side.elder.elderId]),
    }),
    // The volunteer takes an open request near home, then makes the visit of a request they took.
    ...(
      [
        ['take', 'open', undefined],
        ['check-in', 'taken', { lat: 28.68, lon: 115.89 }],
        ['check-out', 'checked-in', { lat: 28.68, lon: 115.89, note: '' }],
      ] as const
    ).map(([step, from, body]) =>
      write({
        route: `POST /api/time-bank/requests/:id/${step}`,
        allowed: WHO_VOLUNTEERS,
        kind: 'record',
        success: 200,
        reaches: reachesRequest,
        notFound: 'volunteer-request-not-found',
        visit: true,
        request: async ({ side, status }) => ({
          path: `/api/time-bank/requests/${status === 200 ? await freshRequestOf(side, from, volunteerOfA) : side.volunteerRequestId}/${step}`,
          body,
        }),
        snapshot: ({ side }) => rowsOf('SELECT * FROM volunteer_requests WHERE id = $1', side.volunteerRequestId),
      }),
    ),
    // The elder's side says the visit happened or disputes it, staff settle a dispute, the asker cancels: each for
    // a request of an elder in scope, each refused one left as it was, its coins where they were.
    ...(
      [
        ['confirm', 'checked-out', WHO_ASKS_VOLUNTEERS, undefined],
        ['dispute', 'checked-out', WHO_ASKS_VOLUNTEERS, { reason: '志愿者没来' }],
        ['resolve', 'disputed', WHO_MANAGES_THE_TIME_BANK, { decision: 'reject', note: '核实未服务' }],
        ['cancel', 'open', WHO_ASKS_VOLUNTEERS, { reason: '老人住院' }],
      ] as const
    ).map(([step, from, allowed, body]) =>
      write({
        route: `POST /api/time-bank/requests/:id/${step}`,
        allowed,
        kind: 'record',
        success: 200,
        notFound: 'volunteer-request-not-found',
        request: async ({ side, status }) => ({
          path: `/api/time-bank/requests/${status === 200 ? await freshRequestOf(side, from) : side.volunteerRequestId}/${step}`,
          body,
        }),
        snapshot: async ({ side }) => ({
          request: await rowsOf('SELECT * FROM volunteer_requests WHERE id = $1', side.volunteerRequestId),
          entries: await count(`SELECT count(*) FROM time_coin_entries WHERE account = $1`, [
            `escrow:${side.volunteerRequestId}`,
          ]),
        }),
      }),
    ),
    write({
      route: 'POST /api/time-bank/movements/:id/reversal',
      allowed: WHO_MANAGES_THE_TIME_BANK,
      kind: 'record',
      success: 201,
      notFound: 'time-coin-movement-not-found',
      request: async ({ side, status }) => ({
        path: `/api/time-bank/movements/${status === 201 ? await paymentFor(side) : side.paymentId}/reversal`,
        body: { reason: '重复登记' },
      }),
      snapshot: ({ side }) =>
        count('SELECT count(*) FROM time_coin_movements WHERE reverses_id = $1', [side.paymentId]),
    }),
    call({
      route: 'GET /api/time-bank/elders/:id/account',
      allowed: WHO_ASKS_VOLUNTEERS,
      kind: 'record',
      success: 200,
      notFound: 'elder-not-found',
      request: ({ side }) => ({ path: `/api/time-bank/elders/${side.elder.elderId}/account` }),
    }),
    // Care beds at home.
    call({
      route: 'GET /api/elders/:id/care-bed',
      allowed: WHO_READS_CARE_PLANS,
      kind: 'record',
      success: 200,
      // A provider serving the elder delivers the bed's package, as it reads the care plan.
      reaches: reachesOrder,
      notFound: 'elder-not-found',
      async request({ side }) {
        await matOf(side.elder.elderId);
        const opened = await arranger.post(`/api/elders/${side.elder.elderId}/care-bed`, CARE_BED);
        expect([201, 409]).toContain(opened.status);
        return { path: `/api/elders/${side.elder.elderId}/care-bed` };
      },
    }),
    call({
      route: 'POST /api/elders/:id/care-bed',
      allowed: WHO_WRITES_CARE_PLANS,
      kind: 'record',
      success: 201,
      notFound: 'elder-not-found',
      async request({ side }) {
        // A new elder each time, as an elder has one care bed.
        const elderId = await freshElderOf(side);
        await matOf(elderId);
        return { path: `/api/elders/${elderId}/care-bed`, body: CARE_BED };
      },
    }),
    // Visits to elders at risk, with their pairs.
    call({
      route: 'GET /api/visit-frequencies',
      allowed: WHO_READS_ELDERS,
      kind: 'global',
      success: 200,
      request: () => ({ path: '/api/visit-frequencies' }),
    }),
    write({
      route: 'PUT /api/visit-frequencies',
      allowed: WHO_SETS_CITY_SETTINGS,
      kind: 'global',
      success: 200,
      // The frequencies as they are: allowed or not, nothing changes for the other probes.
      request: async () => ({
        path: '/api/visit-frequencies',
        body: (await arranger.get('/api/visit-frequencies')).body,
      }),
      snapshot: async () => (await arranger.get('/api/visit-frequencies')).body,
    }),
    call({
      route: 'GET /api/elders/:id/pair',
      allowed: WHO_READS_ELDERS,
      kind: 'record',
      success: 200,
      notFound: 'elder-not-found',
      async request({ side }) {
        const pair = {
          riskLevel: 'high',
          pairKind: 'community-worker',
          pairName: '网格员周敏',
          pairPhone: '13512345678',
        };
        expect((await arranger.put(`/api/elders/${side.elder.elderId}/pair`, pair)).status).toBe(200);
        return { path: `/api/elders/${side.elder.elderId}/pair` };
      },
    }),
    call({
      route: 'PUT /api/elders/:id/pair',
      allowed: WHO_NAMES_PAIRS,
      kind: 'record',
      success: 200,
      notFound: 'elder-not-found',
      request: ({ side }) => ({
        path: `/api/elders/${side.elder.elderId}/pair`,
        body: { riskLevel: 'key', pairKind: 'neighbour', pairName: '邻居刘阿姨', pairPhone: '13512340000' },
      }),
    }),
    call({
      route: 'POST /api/elders/:id/risk-visits',
      allowed: WHO_VISITS_ELDERS_AT_RISK,
      kind: 'record',
      success: 201,
      notFound: 'elder-not-found',
      request: ({ side }) => ({
        path: `/api/elders/${side.elder.elderId}/risk-visits`,
        body: { mode: 'phone', findings: '' },
      }),
    }),
    call({
      route: 'GET /api/risk-visits/overdue',
      allowed: WHO_VISITS_ELDERS_AT_RISK,
      kind: 'list',
      success: 200,
      request: () => ({ path: '/api/risk-visits/overdue' }),
    }),
    // Home adaptation.
    ...['GET /api/adaptation/catalogue', 'GET /api/adaptation/caps'].map((route) =>
      call({
        route,
        allowed: WHO_READS_ADAPTATIONS,
        kind: 'global',
        success: 200,
        request: () => ({ path: route.split(' ')[1] }),
      }),
    ),
    call({
      route: 'PUT /api/adaptation/caps',
      allowed: WHO_SETS_CITY_SETTINGS,
      kind: 'global',
      success: 200,
      // The caps as they are: allowed or not, nothing changes for the other probes.
      request: async () => ({ path: '/api/adaptation/caps', body: (await arranger.get('/api/adaptation/caps')).body }),
    }),
    call({
      name: 'PUT /api/adaptation/caps with an empty table',
      route: 'PUT /api/adaptation/caps',
      allowed: WHO_SETS_CITY_SETTINGS,
      kind: 'global',
      // An empty table would erase every cap: refused, whoever sends it, and the caps stay as they were.
      success: 400,
      request: () => ({ path: '/api/adaptation/caps', body: {} }),
      async check() {
        expect(Object.keys((await arranger.get<object>('/api/adaptation/caps')).body).length).toBeGreaterThan(0);
      },
    }),
    write({
      route: 'PUT /api/adaptation/budgets/:year',
      allowed: WHO_SETS_CITY_SETTINGS,
      kind: 'global',
      success: 204,
      request: () => ({ path: '/api/adaptation/budgets/2099', body: { budgetYuan: 1_000_000 } }),
      snapshot: () => rowsOf('SELECT budget_yuan FROM adaptation_budgets WHERE year = 2099'),
    }),
    call({
      route: 'GET /api/adaptation/budgets/:year',
      allowed: WHO_SETS_CITY_SETTINGS,
      kind: 'global',
      success: 200,
      request: () => ({ path: '/api/adaptation/budgets/2026' }),
    }),
    call({
      route: 'GET /api/adaptation-cases',
      reaches: reachesCase,
      allowed: WHO_READS_ADAPTATIONS,
      kind: 'list',
      success: 200,
      request: () => ({ path: '/api/adaptation-cases?limit=1000' }),
      check(answer, { side, sees, status }) {
        if (status === 200)
          expect((answer.body as { id: string }[]).some((one) => one.id === side.adaptationCaseId)).toBe(sees);
      },
    }),
    call({
      route: 'GET /api/adaptation-cases/late',
      allowed: WHO_MANAGES_ADAPTATIONS,
      kind: 'list',
      success: 200,
      request: () => ({ path: '/api/adaptation-cases/late' }),
    }),
    call({
      route: 'POST /api/adaptation-cases',
      allowed: WHO_MANAGES_ADAPTATIONS,
      kind: 'record',
      success: 201,
      notFound: 'elder-not-found',
      request: async ({ side }) => ({
        path: '/api/adaptation-cases',
        body: { elderId: await freshElderOf(side), subsidised: false, needs: '' },
      }),
    }),
    call({
      route: 'GET /api/adaptation-cases/:id',
      reaches: reachesCase,
      allowed: WHO_READS_ADAPTATIONS,
      kind: 'record',
      success: 200,
      notFound: 'adaptation-case-not-found',
      request: ({ side }) => ({ path: `/api/adaptation-cases/${side.adaptationCaseId}` }),
    }),
    // Each role takes its own step of a case in scope: staff assess, the family agrees to the plan, the bureau settles.
    write({
      route: 'POST /api/adaptation-cases/:id/steps/:step',
      allowed: WHO_STEPS_ADAPTATIONS,
      kind: 'record',
      success: 200,
      notFound: 'adaptation-case-not-found',
      async request({ person, side, status }) {
        const [step, from] = ADAPTATION_STEP_OF[person.role] ?? ['assess', 'applied'];
        if (status !== 200) return { path: `/api/adaptation-cases/${side.adaptationCaseId}/steps/${step}`, body: {} };
        // A self-paid case, of which a household may have several, at the stage the step is taken from.
        const opened = await arranger.post<{ id: string }>('/api/adaptation-cases', {
          elderId: side.elder.elderId,
          subsidised: false,
        });
        expect(opened.status).toBe(201);
        await harness.dataSource.query('UPDATE adaptation_cases SET stage = $2 WHERE id = $1', [opened.body.id, from]);
        return { path: `/api/adaptation-cases/${opened.body.id}/steps/${step}`, body: {} };
      },
      snapshot: ({ side }) => adaptationCaseState(side.adaptationCaseId),
    }),
    write({
      route: 'POST /api/adaptation-cases/:id/photos',
      reaches: reachesCase,
      allowed: WHO_ADDS_ADAPTATION_PHOTOS,
      kind: 'record',
      success: 201,
      notFound: 'adaptation-case-not-found',
      request: ({ side }) => ({
        path: `/api/adaptation-cases/${side.adaptationCaseId}/photos?kind=before`,
        image: ONE_PIXEL_PNG,
      }),
      snapshot: ({ side }) => adaptationCaseState(side.adaptationCaseId),
    }),
    call({
      route: 'GET /api/adaptation-cases/:id/photos/:photoId',
      reaches: reachesCase,
      allowed: WHO_READS_ADAPTATIONS,
      kind: 'record',
      success: 200,
      notFound: 'adaptation-case-not-found',
      request: ({ side }) => ({ path: `/api/adaptation-cases/${side.adaptationCaseId}/photos/${side.photoId}` }),
      check(answer, { status }) {
        if (status === 200) expect(answer.headers.get('content-type')).toBe('image/png');
      },
    }),
    // Each step's own actor, on a case of their reach in the stage the step starts from; any other role is refused
    // before the case is looked up.
    call({
      name: 'POST /api/adaptation-cases/:id/steps/complete-works',
      route: 'POST /api/adaptation-cases/:id/steps/:step',
      reaches: (person, side) => (person.builds ?? []).includes(side),
      allowed: ['contractor'],
      kind: 'record',
      success: 200,
      notFound: 'adaptation-case-not-found',
      request: async ({ side, status }) => ({
        path: `/api/adaptation-cases/${status === 200 ? await adaptationCaseOf(side, 'agreed', true) : side.adaptationCaseId}/steps/complete-works`,
        body: { note: '施工完成' },
      }),
    }),
    call({
      name: 'POST /api/adaptation-cases/:id/steps/accept',
      route: 'POST /api/adaptation-cases/:id/steps/:step',
      allowed: ['inspector'],
      kind: 'record',
      success: 200,
      notFound: 'adaptation-case-not-found',
      request: async ({ side, status }) => ({
        path: `/api/adaptation-cases/${status === 200 ? await adaptationCaseOf(side, 'works-done', true) : side.adaptationCaseId}/steps/accept`,
        body: { note: '按方案验收合格' },
      }),
    }),
    call({
      route: 'GET /api/users',
      allowed: ['admin'],
      kind: 'global',
      success: 200,
      request: () => ({ path: '/api/users' }),
    }),
    call({
      route: 'POST /api/users',
      allowed: ['admin'],
      kind: 'record',
      // An admin places users anywhere.
      reaches: () => true,
      success: 201,
      request: ({ side }) => ({
        path: '/api/users',
        body: {
          username: `op-${randomUUID().slice(0, 8)}`,
          displayName: '新调度员',
          password: 'a-long-password',
          role: 'operator',
          regionIds: [side.elder.streetId],
        },
      }),
    }),
    call({
      route: 'POST /api/users/:id/disable',
      allowed: ['admin'],
      kind: 'global',
      success: 204,
      request: async ({ status }) => ({
        path: `/api/users/${status === 403 ? randomUUID() : (await createTestUser(harness.dataSource, 'operator')).id}/disable`,
      }),
    }),
    {
      name: 'POST /api/auth/login',
      route: 'POST /api/auth/login',
      allowed: EVERYONE,
      kind: 'global',
      success: 200,
      probe: ({ person }) =>
        new ApiClient(harness.apiUrl).post('/api/auth/login', {
          username: person.user.username,
          password: TEST_PASSWORD,
        }),
    },
    {
      name: 'POST /api/auth/logout',
      route: 'POST /api/auth/logout',
      allowed: EVERYONE,
      kind: 'global',
      success: 204,
      // A session of its own, so that the person's stays signed in for the other probes.
      async probe({ person }) {
        const other = await ApiClient.signedIn(harness.apiUrl, person.user.username, TEST_PASSWORD);
        const answer = await other.post('/api/auth/logout');
        expect((await other.get('/api/auth/me')).status).toBe(401);
        return answer;
      },
    },
    call({
      route: 'GET /api/auth/me',
      allowed: EVERYONE,
      kind: 'global',
      success: 200,
      request: () => ({ path: '/api/auth/me' }),
      check: (answer, { person }) => expect(answer.body).toMatchObject({ id: person.user.id, role: person.role }),
    }),
    call({
      route: 'GET /health',
      allowed: EVERYONE,
      kind: 'global',
      success: 200,
      request: () => ({ path: '/health' }),
    }),
    call({
      route: 'GET /metrics',
      // Nobody reads the metrics with a session: a scraper's token, or nothing.
      allowed: [],
      kind: 'global',
      success: 200,
      request: () => ({ path: '/metrics' }),
    }),
    // The OpenAPI page and its files: public, the same for everyone, and about no one.
    ...[
      'GET /api/docs',
      'GET /api/docs/',
      'GET /api/docs/index.html',
      'GET /api/docs/swagger-ui-init.js',
      'GET /api/docs/docs/swagger-ui-init.js',
      'GET /api/docs-json',
      'GET /api/docs-yaml',
    ].map((route) =>
      call({
        route,
        allowed: EVERYONE,
        kind: 'global',
        success: 200,
        request: () => ({ path: route.split(' ')[1] }),
      }),
    ),
    // A route the OpenAPI module declares only to answer that there is nothing there.
    call({
      route: 'GET /api/docs/LICENSE',
      allowed: EVERYONE,
      kind: 'global',
      success: 404,
      request: () => ({ path: '/api/docs/LICENSE' }),
    }),
  ];

  const cases = PEOPLE.flatMap((person) =>
    ENDPOINTS.flatMap((endpoint) =>
      (endpoint.kind === 'global' ? (['A'] as const) : (['A', 'B'] as const)).map((side) => {
        const sees = (endpoint.reaches ?? ((who, name) => who.sees.includes(name)))(person, side);
        const status =
          endpoint.answers?.(person, side) ??
          (!endpoint.allowed.includes(person.role)
            ? 403
            : endpoint.kind === 'record' && !sees
              ? (endpoint.outOfReach ?? 404)
              : endpoint.success);
        const about = endpoint.kind === 'global' ? '' : ` about elder ${side} (${sees ? 'own' : 'foreign'})`;
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
    const served = endpoint.visit && status === endpoint.success ? sides[sideName] : undefined;
    expectNothingHidden(person, answer.body, served && [served.fields.address, served.fields.phone]);
  });

  /**
   * Nothing of an elder the person neither has in scope nor serves, in any answer, refusals included. Of an elder in
   * scope or served, the whole answer tells no more than the role may see (`personalDataFor`): no field it sees
   * masked in full, and with a masked ID number no birth date to fill its stars back in. `visiting`: the door and
   * phone of the elder whose visit a volunteer took, which the answers about that visit give them.
   */
  function expectNothingHidden(person: PersonSpec, body: unknown, visiting: readonly string[] = []): void {
    const text = JSON.stringify(body ?? '');
    for (const side of Object.values(sides)) {
      const inScope = person.sees.includes(side.name);
      if ([...(person.meets ?? []), ...(person.counter ?? [])].includes(side.name)) {
        for (const value of side.personalData.filter((value) => value !== side.elderName && !visiting.includes(value)))
          expect(text).not.toContain(value);
        for (const id of side.alertIds) expect(text).not.toContain(id);
        continue;
      }
      if (!inScope && ![...(person.serves ?? []), ...(person.builds ?? [])].includes(side.name)) {
        for (const value of side.personalData) expect(text).not.toContain(value);
        for (const id of [side.elder.elderId, ...side.alertIds]) expect(text).not.toContain(id);
        continue;
      }
      const full = (field: PersonalField) => seesInFull(person.role, field);
      const hidden = [
        ...(full('idNumber') ? [] : [side.idNumber, ...side.birthDateSpellings]),
        ...(full('birthDate') ? [] : side.birthDateSpellings),
        ...(full('medicalNotes') ? [] : [side.medicalNotes]),
        ...(full('phone') ? [] : [side.fields.phone]),
        ...(full('address') ? [] : [side.fields.address]),
        ...(full('keySafeCode') ? [] : [side.fields.keySafeCode]),
        ...(full('contacts') ? [] : side.fields.contactPhones),
        // A provider's staff see the elder through work orders, never the elder's alerts.
        ...(inScope ? [] : side.alertIds),
      ];
      for (const value of hidden) expect(text).not.toContain(value);
    }
  }

  /** What a request without a session gets from the routes that need none; every other route answers 401. */
  const WITHOUT_A_SESSION: Record<string, number> = {
    // An empty body is no sign-in.
    'POST /api/auth/login': 400,
    'GET /health': 200,
    'GET /metrics': 403,
    'GET /api/docs/LICENSE': 404,
  };

  it.each([...new Set(ENDPOINTS.map((endpoint) => endpoint.route))])('nobody signed in: %s', async (route) => {
    const [method, pattern] = route.split(' ');
    const path = pattern.replace(/:[A-Za-z]+/g, () => randomUUID());
    const expected = WITHOUT_A_SESSION[route] ?? (pattern.startsWith('/api/docs') ? 200 : 401);

    const answer = await new ApiClient(harness.apiUrl).request(method, path, method === 'GET' ? undefined : {});

    expect(answer.status).toBe(expected);
    if (expected === 401) expect(answer.body).toMatchObject({ error: { code: 'unauthenticated' } });
    for (const side of Object.values(sides))
      for (const value of [...side.personalData, side.elder.elderId])
        expect(JSON.stringify(answer.body ?? '')).not.toContain(value);
  });

  it('declares every route the api serves, and no route it does not: a route added later must be given its row', () => {
    const served = routesServedBy(harness.platform as NestExpressApplication);
    const declared = new Set(ENDPOINTS.map((endpoint) => endpoint.route));

    expect(served.filter((route) => !declared.has(route))).toEqual([]);
    expect([...declared].filter((route) => !served.includes(route))).toEqual([]);
    expect(served.length).toBeGreaterThanOrEqual(50);
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

  /**
   * Who hears each live event, for which elder. Typed by the events the server may send, so an event added later
   * cannot be left out of this table.
   */
  const LIVE_EVENTS: Record<keyof ServerToClientEvents, (person: PersonSpec, side: SideName) => boolean> = {
    'alert.snapshot': (person, side) => WHO_READS_ALERTS.includes(person.role) && person.sees.includes(side),
    'alert.raised': (person, side) => WHO_READS_ALERTS.includes(person.role) && person.sees.includes(side),
    'alert.updated': (person, side) => WHO_READS_ALERTS.includes(person.role) && person.sees.includes(side),
    // The order's region, the city, the family, its provider, and its caregiver (the one of A's provider, for A); an
    // adaptation inspector watches a region for its adaptation cases only.
    'work-order.updated': (person, side) => WHO_READS_ORDERS.includes(person.role) && reachesOrder(person, side),
  };
  type LiveEvent = keyof ServerToClientEvents;

  describe('live events on socket.io', () => {
    const heard = new Map<string, { event: LiveEvent; body: unknown }[]>();
    /** What each side's elder got while every console listened: an alert raised and claimed, an order assigned. */
    const subjects = {} as Record<SideName, { alertId: string; orderId: string }>;

    /** Whether the event is about the side's elder: its open alert in a snapshot, the alert or order made here. */
    function isAbout(event: LiveEvent, body: unknown, side: Side): boolean {
      if (event === 'alert.snapshot')
        return (body as AlertSnapshot).open.some((alert) => side.alertIds.includes(alert.id));
      if (event === 'work-order.updated') return (body as { id: string }).id === subjects[side.name].orderId;
      return side.alertIds.includes((body as AlertView).id);
    }

    /** A fall of the side's own elder (its sos is open, and a second press would only merge into it). */
    async function fallOf(side: Side): Promise<string> {
      const watch = await harness.deviceOf(side.elder.elderId, 'wearable');
      await watch.send({ kind: 'fall' });
      const fall = await eventually(async () =>
        (await harness.alertsOf(side.elder.elderId)).find((alert) => alert.rule === 'fall'),
      );
      side.alertIds.push(fall.id);
      return fall.id;
    }

    beforeAll(async () => {
      const listeners = await Promise.all(
        [...people.values()].map(async (person) => {
          // A session of its own, whose end closes the socket after everything sent before it.
          const session = await ApiClient.signedIn(harness.apiUrl, person.user.username, TEST_PASSWORD);
          const socket: Socket = io(harness.apiUrl, {
            transports: ['websocket'],
            extraHeaders: { cookie: session.cookieHeader },
            reconnection: false,
          });
          const events: { event: LiveEvent; body: unknown }[] = [];
          heard.set(person.who, events);
          for (const event of Object.keys(LIVE_EVENTS) as LiveEvent[])
            socket.on(event, (body: unknown) => events.push({ event, body }));
          await new Promise((resolve, reject) => {
            socket.once('connect', () => resolve(undefined));
            socket.once('connect_error', reject);
          });
          if (WHO_READS_ALERTS.includes(person.role))
            await eventually(async () => events.find(({ event }) => event === 'alert.snapshot'));
          return { person, session, socket };
        }),
      );
      const claimer = await createTestUser(harness.dataSource, 'supervisor', {
        regionIds: [sides.A.elder.districtId, sides.B.elder.districtId],
      });
      const claims = await ApiClient.signedIn(harness.apiUrl, claimer.username, TEST_PASSWORD);
      for (const side of Object.values(sides)) {
        const alertId = await fallOf(side);
        expect((await claims.post(`/api/alerts/${alertId}/claim`)).status).toBe(200);
        subjects[side.name] = { alertId, orderId: await orderOf(side, 'assigned') };
      }
      // Everyone hears what they should; then each session ends, and its socket closes after what was sent before.
      await expectEventually(async () => {
        for (const { person } of listeners)
          for (const side of Object.values(sides))
            for (const [event, hears] of Object.entries(LIVE_EVENTS) as [LiveEvent, typeof reachesOrder][])
              if (hears(person, side.name))
                expect(
                  heard.get(person.who)!.some((one) => one.event === event && isAbout(event, one.body, side)),
                ).toBe(true);
      });
      await Promise.all(
        listeners.map(async ({ session, socket }) => {
          const closed = new Promise((resolve) => socket.once('disconnect', resolve));
          expect((await session.post('/api/auth/logout')).status).toBe(204);
          await closed;
        }),
      );
    });

    const liveCases = PEOPLE.flatMap((person) =>
      (Object.keys(LIVE_EVENTS) as LiveEvent[]).flatMap((event) =>
        (['A', 'B'] as const).map((side) => ({
          who: person.who,
          event,
          side,
          hears: LIVE_EVENTS[event](person, side),
          title: `${person.who} ${LIVE_EVENTS[event](person, side) ? 'hears' : 'does not hear'} ${event} about elder ${side}`,
        })),
      ),
    );

    it('lets no socket in without a session', async () => {
      const socket: Socket = io(harness.apiUrl, { transports: ['websocket'], reconnection: false });

      const refusal = await new Promise<Error>((resolve) => socket.once('connect_error', resolve));

      expect(refusal.message).toBe('unauthenticated');
      expect(socket.connected).toBe(false);
    });

    it.each(liveCases)('$title', ({ who, event, side, hears }) => {
      const events = heard.get(who)!;

      expect(events.some((one) => one.event === event && isAbout(one.event, one.body, sides[side]))).toBe(hears);
      for (const { body } of events) expectNothingHidden(people.get(who)!, body);
    });
  });
});

/** `METHOD /path` of every route in the app's Express router, as Nest registered them. */
function routesServedBy(app: NestExpressApplication): string[] {
  type Layer = { route?: { path: string; methods: Record<string, boolean> } };
  const router = (app.getHttpAdapter().getInstance() as { router: { stack: Layer[] } }).router;
  return router.stack.flatMap(({ route }) =>
    route
      ? Object.keys(route.methods)
          .filter((method) => route.methods[method] && method !== '_all')
          .map((method) => `${method.toUpperCase()} ${route.path}`)
      : [],
  );
}
