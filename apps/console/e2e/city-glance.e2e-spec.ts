import {
  ApiClient,
  createTestElderInPlace,
  createTestUser,
  eventually,
  TEST_PASSWORD,
  type TestElder,
} from '@eldercare/testing';
import type { Role } from '@eldercare/contracts';
import { BookingRepository, CanteenRepository } from '@eldercare/persistence';
import { type Browser, type Page } from 'playwright-core';
import { PlatformUnderTest } from '@eldercare/test/platform/platform-under-test';
import { launchChromium, signInToConsole } from '@eldercare/test/console/console-browser';

/** The wallboard and the operations map, driven in Chromium against the whole platform. */
describe('the city at a glance in Chromium', () => {
  let harness: PlatformUnderTest;
  let browser: Browser;
  /** A in the supervisor's district; B in another. */
  let a: TestElder;
  let b: TestElder;

  beforeAll(async () => {
    harness = await PlatformUnderTest.start();
    browser = await launchChromium();
    [a, b] = await Promise.all([
      createTestElderInPlace(harness.dataSource, { name: '王秀英' }),
      createTestElderInPlace(harness.dataSource, { name: '赵桂兰' }),
    ]);
  });

  afterAll(async () => {
    await browser?.close();
    await harness?.stop();
  });

  async function signedInPage(
    role: Role,
    regionIds: string[],
    elderIds: string[] = [],
  ): Promise<{ page: Page; api: ApiClient }> {
    const user = await createTestUser(harness.dataSource, role, { regionIds, elderIds });
    const page = await signInToConsole(browser, harness.apiUrl, user.username);
    return { page, api: await ApiClient.signedIn(harness.apiUrl, user.username, TEST_PASSWORD) };
  }

  async function pressedSos(elderId: string): Promise<string> {
    await (await harness.deviceOf(elderId, 'call_button')).send({ kind: 'sos' });
    return eventually(
      async () =>
        (await harness.alertsOf(elderId)).find((alert) => alert.rule === 'sos' && alert.status === 'raised')?.id,
    );
  }

  it("moves the wallboard's 60-second share when an alert of the district is acknowledged late, and counts none of another district", async () => {
    const { page, api } = await signedInPage('supervisor', [a.districtId]);
    await page.goto(`${harness.apiUrl}/wallboard`);
    const share = page.getByTestId('wallboard-share-target');
    await share.waitFor();
    expect(await share.getAttribute('data-percent')).toBe('');
    const critical = page.locator('[data-severity="critical"] [data-testid="wallboard-open-count"]');

    const prompt = await pressedSos(a.elderId);
    await pressedSos(b.elderId);
    await page.locator('[data-severity="critical"] [data-testid="wallboard-open-count"]', { hasText: '1' }).waitFor();
    expect((await api.post(`/api/alerts/${prompt}/claim`)).status).toBe(200);
    await page.locator('[data-testid="wallboard-share-target"][data-percent="100"]').waitFor();
    expect((await api.post(`/api/alerts/${prompt}/resolve`, { outcome: 'family-went' })).status).toBe(200);
    await page.locator('[data-severity="critical"] [data-testid="wallboard-open-count"]', { hasText: '0' }).waitFor();

    const late = await pressedSos(a.elderId);
    await harness.dataSource.query(`UPDATE alerts SET raised_at = now() - interval '90 seconds' WHERE id = $1`, [late]);
    expect((await api.post(`/api/alerts/${late}/claim`)).status).toBe(200);
    await page.locator('[data-testid="wallboard-share-target"][data-percent="50"]').waitFor();
    expect(await page.getByTestId('wallboard-share-worst').getAttribute('data-percent')).toBe('100');
    // The late one is open, claimed; B's is open too, in the other district, and the supervisor's board never counts it.
    expect(await critical.textContent()).toBe('1');
    await page.screenshot({ path: 'test-artifacts/e2e/wallboard.png' });
  });

  /** An elder of `communityId` at `lat`, `lon`, with a call button's worth of nothing: enough for the map. */
  async function elderAt(communityId: string, name: string, lat: number, lon: number): Promise<string> {
    const [{ id }] = await harness.dataSource.query(
      `INSERT INTO elders (name, gender, birth_date, categories, community_id, address, home_lat, home_lon)
       VALUES ($1, 'female', '1940-01-01', '{living_alone}', $2, '南昌市东湖区八一大道1号', $3, $4) RETURNING id`,
      [name, communityId, lat, lon],
    );
    return id;
  }

  describe('the operations map', () => {
    /** Near: an elder and two neighbours in one community; far: two elders 12 km away, in another district. */
    let near: TestElder;
    let far: TestElder;

    beforeAll(async () => {
      [near, far] = await Promise.all([
        createTestElderInPlace(harness.dataSource, { name: '孙玉珍' }),
        createTestElderInPlace(harness.dataSource, { name: '钱淑华' }),
      ]);
      await elderAt(near.communityId, '李桂芳', 28.6801, 115.8901);
      // Same address as the neighbour above: spread apart at the closest zoom.
      await elderAt(near.communityId, '周玉兰', 28.6801, 115.8901);
      await harness.dataSource.query(`UPDATE elders SET home_lat = 28.6, home_lon = 115.8 WHERE id = $1`, [
        far.elderId,
      ]);
      await elderAt(far.communityId, '吴秀兰', 28.6002, 115.8002);
      const [{ id: providerId }] = await harness.dataSource.query(
        `INSERT INTO providers (name, phone) VALUES ('社区助餐', '0791-5555') RETURNING id`,
      );
      await new CanteenRepository(harness.dataSource).insertCanteen({
        name: '孙家巷长者食堂',
        providerId,
        communityId: near.communityId,
        address: '孙家巷 2 号',
        lat: 28.6805,
        lon: 115.8905,
        priceCents: 1500,
        periods: [{ period: 'lunch', opens: '11:00', closes: '13:00' }],
      });
    });

    const cluster = (page: Page, count: number, alerts: number) =>
      page.locator(`[data-testid="map-cluster"][data-count="${count}"][data-alerts="${alerts}"]`);

    it('shows an alert raised while it is open in the cluster of the elder, on top and coloured by severity', async () => {
      const { page } = await signedInPage('supervisor', [near.districtId, far.districtId]);
      await page.goto(`${harness.apiUrl}/map`);
      await cluster(page, 3, 0).waitFor();
      await cluster(page, 2, 0).waitFor();

      const alertId = await pressedSos(near.elderId);
      await page.locator(`[data-testid="map-alert"][data-alert-id="${alertId}"][data-severity="critical"]`).waitFor();
      await page
        .locator('[data-testid="map-cluster"][data-count="3"][data-alerts="1"][data-severity="critical"]')
        .waitFor();
      expect(await cluster(page, 2, 0).count()).toBe(1);
      await page.screenshot({ path: 'test-artifacts/e2e/operations-map.png' });

      await page.getByTestId('map-filter-alerts').selectOption('open');
      await page.locator('[data-testid="map-shown-count"]', { hasText: '1' }).waitFor();
      await page.locator(`[data-testid="map-alert"][data-alert-id="${alertId}"]`).click();
      await page.waitForURL(`**/alerts/${alertId}`);
    });

    it('gives a street operator nothing outside their street, and draws the markers with no tile server reachable', async () => {
      const { page } = await signedInPage('operator', [near.streetId]);
      // The tiles fail because nothing answers, never because the api's Content-Security-Policy refused their origin.
      const refused: string[] = [];
      page.on('console', (message) => {
        if (message.text().includes('Content Security Policy')) refused.push(message.text());
      });
      await page.goto(`${harness.apiUrl}/map`);
      await page.getByTestId('map-tiles-missing').waitFor();
      await page.locator('[data-testid="map-cluster"][data-count="3"]').waitFor();
      const counts = await page
        .locator('[data-testid="map-cluster"]')
        .evaluateAll((clusters) => clusters.map((element) => Number(element.getAttribute('data-count'))));
      const single = await page.getByTestId('map-elder').count();
      expect(counts.reduce((total, count) => total + count, 0) + single).toBe(3);
      expect(await page.getByTestId('map-shown-count').textContent()).toContain('3');
      // Canteens are public places: drawn as service points beside the stations.
      expect(await page.getByTestId('map-canteen').count()).toBe(1);

      // Zoomed all the way in, the two at one address are two markers.
      // Dispatched, not clicked: the elder's open alert from the test before may sit on top of the cluster. A cluster
      // may split into an elder and a smaller cluster first, and each redraw replaces the markers: whatever cluster is
      // drawn now is clicked until the elders stand alone.
      await eventually(async () => {
        if ((await page.getByTestId('map-elder').count()) >= 3) return true;
        await page
          .locator('[data-testid="map-cluster"]')
          .first()
          .dispatchEvent('click', undefined, { timeout: 1000 })
          .catch(() => undefined);
        return undefined;
      });
      expect(refused).toEqual([]);
    });
  });

  it("shows a family the canteens and stations around their elder's home, nearest first, to call or book from", async () => {
    const elder = await createTestElderInPlace(harness.dataSource, { name: '郑玉梅' });
    const [{ id: providerId }] = await harness.dataSource.query(
      `INSERT INTO providers (name, phone) VALUES ('颐康护理', '0791-6666') RETURNING id`,
    );
    await harness.dataSource.query(
      `INSERT INTO provider_stations (provider_id, name, phone, lat, lon, services) VALUES
         ($1, '城东站', '0791-1001', 28.70, 115.89, '{cleaning}'), ($1, '社区站', '0791-1002', 28.681, 115.89, '{look-in}')`,
      [providerId],
    );
    await new CanteenRepository(harness.dataSource).insertCanteen({
      name: '楼下长者食堂',
      providerId,
      communityId: elder.communityId,
      address: '楼下 1 号',
      lat: 28.6805,
      lon: 115.89,
      priceCents: 1500,
      periods: [{ period: 'lunch', opens: '11:00', closes: '13:00' }],
    });
    const cleaning = await new BookingRepository(harness.dataSource).insertOffer(providerId, {
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
    const { page } = await signedInPage('family', [], [elder.elderId]);
    const rows = page.getByTestId('service-map-row');
    await rows.first().waitFor();
    expect(await rows.allTextContents()).toEqual([
      expect.stringContaining('社区站'),
      expect.stringContaining('城东站'),
    ]);
    expect(await rows.first().getByTestId('service-map-call').getAttribute('href')).toBe('tel:0791-1002');
    expect(await page.getByTestId('service-map-station').count()).toBe(2);
    const canteen = page.getByTestId('service-map-canteen-row');
    // The operations map's canteen, 74 m away in another district, is the second nearest, at the full price there.
    expect(await canteen.allTextContents()).toEqual([
      expect.stringMatching(/楼下长者食堂.*56 米.*午餐 11:00–13:00/),
      expect.stringMatching(/孙家巷长者食堂.*74 米.*自付 ¥15\.00/),
    ]);
    // 65 and over: the migration's 5 yuan off a 15-yuan meal in the elder's own district.
    expect(await canteen.first().getByTestId('service-map-meal-price').textContent()).toBe(
      '今日套餐 ¥15.00，补贴后自付 ¥10.00',
    );
    expect(await page.getByTestId('service-map-canteen').count()).toBe(2);

    await rows.first().getByTestId('service-map-book').click();
    await eventually(async () => (await page.getByTestId('booking-offer').inputValue()) === cleaning || undefined);
  });
});
