import type { OperationsMapView, ServiceMapView } from '@eldercare/contracts';
import { BookingRepository, CanteenRepository, CarePlanRepository, type UserRecord } from '@eldercare/persistence';
import { ApiClient, createTestElderInPlace, createTestUser, TEST_PASSWORD, type TestElder } from '@eldercare/testing';
import { PlatformUnderTest } from '@eldercare/test/platform/platform-under-test';

/** A square around a point, as a GeoJSON polygon ring. */
const square = (lon: number, lat: number, half = 0.01) => [
  [
    [lon - half, lat - half],
    [lon + half, lat - half],
    [lon + half, lat + half],
    [lon - half, lat + half],
    [lon - half, lat - half],
  ],
];

describe('the maps', () => {
  let harness: PlatformUnderTest;
  let a: TestElder;
  let b: TestElder;
  let operatorOfA: ApiClient;
  let admin: ApiClient;
  let family: ApiClient;
  let mealProviderId: string;

  beforeAll(async () => {
    harness = await PlatformUnderTest.start();
    [a, b] = await Promise.all([
      createTestElderInPlace(harness.dataSource, { name: '王秀英' }),
      createTestElderInPlace(harness.dataSource, { name: '赵桂兰' }),
    ]);
    const adminUser = await createTestUser(harness.dataSource, 'admin');
    [operatorOfA, admin, family] = await Promise.all([
      signedIn(await createTestUser(harness.dataSource, 'operator', { regionIds: [a.streetId] })),
      signedIn(adminUser),
      signedIn(await createTestUser(harness.dataSource, 'family', { elderIds: [a.elderId] })),
    ]);
    // Two canteens with a position (one in the elder's district, one in another), one opened before positions.
    mealProviderId = await new CarePlanRepository(harness.dataSource).insertProvider({ name: '颐康助餐' });
    const canteens = new CanteenRepository(harness.dataSource);
    const lunch = [{ period: 'lunch' as const, opens: '11:00', closes: '13:00' }];
    const canteen = (name: string, communityId: string, lat: number) =>
      canteens.insertCanteen({
        name,
        providerId: mealProviderId,
        communityId,
        address: `${name}门口`,
        lat,
        lon: 115.89,
        priceCents: 1500,
        periods: lunch,
      });
    await Promise.all([canteen('楼下食堂', a.communityId, 28.6805), canteen('邻区食堂', b.communityId, 28.69)]);
    const unplaced = await canteen('老食堂', a.communityId, 28.68);
    await harness.dataSource.query(`UPDATE canteens SET lat = NULL, lon = NULL, address = NULL WHERE id = $1`, [
      unplaced,
    ]);
    await canteens.setSubsidyRule(
      { category: 'living_alone', subsidyCents: 600, effectiveFrom: '2020-01-01' },
      adminUser.id,
    );
  });

  afterAll(async () => {
    await harness?.stop();
  });

  function signedIn(user: UserRecord): Promise<ApiClient> {
    return ApiClient.signedIn(harness.apiUrl, user.username, TEST_PASSWORD);
  }

  const codeOf = async (regionId: string): Promise<string> =>
    (await harness.dataSource.query(`SELECT code FROM regions WHERE id = $1`, [regionId]))[0].code;

  it("gives an operator the elders of their street at home, and the bureau every elder's home to 500 m", async () => {
    const { status, body } = await operatorOfA.get<OperationsMapView>('/api/map');
    expect(status).toBe(200);
    expect(body.coarse).toBe(false);
    expect(body.elders).toEqual([
      expect.objectContaining({
        id: a.elderId,
        name: '王秀英',
        lat: 28.68,
        lon: 115.89,
        regionIds: [a.communityId, a.streetId, a.districtId],
      }),
    ]);

    await harness.dataSource.query(`UPDATE elders SET home_lat = 28.681234, home_lon = 115.893456 WHERE id = $1`, [
      b.elderId,
    ]);
    const bureau = await signedIn(await createTestUser(harness.dataSource, 'bureau'));
    const city = (await bureau.get<OperationsMapView>('/api/map')).body;
    expect(city.coarse).toBe(true);
    expect(city.elders.find((elder) => elder.id === b.elderId)).toMatchObject({ lat: 28.68, lon: 115.895 });
    expect(city.canteens.map((canteen) => [canteen.name, canteen.address, canteen.lat, canteen.priceCents])).toEqual([
      ['楼下食堂', '楼下食堂门口', 28.6805, 1500],
      ['邻区食堂', '邻区食堂门口', 28.69, 1500],
    ]);
    expect((await family.get('/api/map')).status).toBe(403);
  });

  it('imports region outlines from GeoJSON all or nothing, and draws those of the viewer’s regions only', async () => {
    const [community, otherDistrict] = await Promise.all([codeOf(a.communityId), codeOf(b.districtId)]);
    const collection = (codes: string[]) => ({
      type: 'FeatureCollection',
      features: codes.map((code) => ({
        type: 'Feature',
        properties: { code, name: '边界' },
        geometry: { type: 'Polygon', coordinates: square(115.89, 28.68) },
      })),
    });

    const refused = await admin.post('/api/map/outlines', collection([community, 'no-such-code']));
    expect(refused).toMatchObject({
      status: 422,
      body: { error: { code: 'import-invalid', details: { unknownCodes: ['no-such-code'] } } },
    });
    expect((await operatorOfA.get<OperationsMapView>('/api/map')).body.outlines).toEqual([]);
    const open = collection([community]);
    open.features[0].geometry.coordinates[0].pop();
    expect((await admin.post('/api/map/outlines', open)).status).toBe(400);
    expect((await operatorOfA.post('/api/map/outlines', collection([community]))).status).toBe(403);

    expect(await admin.post('/api/map/outlines', collection([community, otherDistrict]))).toMatchObject({
      status: 201,
      body: { regions: 2 },
    });
    expect((await operatorOfA.get<OperationsMapView>('/api/map')).body.outlines).toEqual([
      {
        regionId: a.communityId,
        name: '测试社区',
        level: 'community',
        geometry: { type: 'Polygon', coordinates: square(115.89, 28.68) },
      },
    ]);
  });

  it("gives a family the canteens and stations around their own elder's home, nearest first, and nothing of another elder", async () => {
    const [{ id: providerId }] = await harness.dataSource.query(
      `INSERT INTO providers (name, phone) VALUES ('幸福家政', '0791-8888') RETURNING id`,
    );
    const bookings = new BookingRepository(harness.dataSource);
    const cleaning = await bookings.insertOffer(providerId, {
      service: 'cleaning',
      minutes: 60,
      priceCents: 5000,
      capacity: 'caregivers',
      places: null,
      weekdays: [1, 2, 3, 4, 5, 6, 7],
      opens: '08:00',
      closes: '18:00',
      cancelCutoffMinutes: 60,
      lateCancelShare: 0.5,
    });
    await harness.dataSource.query(
      `INSERT INTO provider_stations (provider_id, name, phone, lat, lon, services) VALUES
         ($1, '远处站点', '0791-1', 28.70, 115.89, '{cleaning}'), ($1, '社区站点', '0791-2', 28.681, 115.89, '{look-in,meals}')`,
      [providerId],
    );
    const { status, body } = await family.get<ServiceMapView>(`/api/family/elders/${a.elderId}/service-map`);
    expect(status).toBe(200);
    expect(body.home).toEqual({ lat: 28.68, lon: 115.89 });
    expect(body.stations.map((station) => [station.name, station.distanceM, station.services])).toEqual([
      ['社区站点', 111, ['look-in', 'meals']],
      ['远处站点', 2224, ['cleaning']],
    ]);
    expect(body.stations[0].provider).toEqual({ id: providerId, name: '幸福家政' });
    expect(body.stations[0].offers).toEqual([{ id: cleaning, service: 'cleaning', minutes: 60, priceCents: 5000 }]);
    // The elder lives alone in the first canteen's district: 6 yuan off there, the full price in the other district.
    expect(
      body.canteens.map((canteen) => [canteen.name, canteen.distanceM, canteen.subsidyCents, canteen.selfPayCents]),
    ).toEqual([
      ['楼下食堂', 56, 600, 900],
      ['邻区食堂', 1112, 0, 1500],
    ]);
    expect(body.canteens[0]).toMatchObject({
      provider: { id: mealProviderId, name: '颐康助餐' },
      periods: [{ period: 'lunch', opens: '11:00', closes: '13:00' }],
    });
    expect((await family.get(`/api/family/elders/${b.elderId}/service-map`)).status).toBe(404);
    const [{ count }] = await harness.dataSource.query(
      `SELECT count(*)::int AS count FROM audit_log WHERE action = 'family.service-map-read' AND elder_id = $1`,
      [a.elderId],
    );
    expect(count).toBe(1);
  });
});
