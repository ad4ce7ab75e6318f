import type { MonthlyReport, WorkOrderView } from '@eldercare/contracts';
import { localMonthOf } from '@eldercare/domain';
import { CarePlanRepository } from '@eldercare/persistence';
import { ApiClient, createTestElderInPlace, createTestUser, TEST_PASSWORD, type TestElder } from '@eldercare/testing';
import { mkdir } from 'node:fs/promises';
import { type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { PlatformUnderTest } from '@eldercare/test/platform/platform-under-test';
import { DESKTOP, launchChromium, signInToConsole } from '@eldercare/test/console/console-browser';

const ARTIFACTS = 'test-artifacts/e2e';
const PHONE: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  locale: 'zh-CN',
};

describe('home care in Chromium', () => {
  let harness: PlatformUnderTest;
  let browser: Browser;
  let elder: TestElder;
  let providerName: string;
  let order: WorkOrderView;
  let family: { username: string };
  let caregiverName: string;

  beforeAll(async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    harness = await PlatformUnderTest.start();
    browser = await launchChromium();
    elder = await createTestElderInPlace(harness.dataSource, { name: '贺素芬' });
    providerName = '夕阳红居家养老服务中心';
    const providerId = await new CarePlanRepository(harness.dataSource).insertProvider({ name: providerName });
    const caregiver = await createTestUser(harness.dataSource, 'caregiver', { providerId, displayName: '刘芳' });
    family = await createTestUser(harness.dataSource, 'family', { elderIds: [elder.elderId], displayName: '王丽' });
    const supervisor = await ApiClient.signedIn(
      harness.apiUrl,
      (await createTestUser(harness.dataSource, 'supervisor', { regionIds: [elder.districtId] })).username,
      TEST_PASSWORD,
    );
    const providerAdmin = await ApiClient.signedIn(
      harness.apiUrl,
      (await createTestUser(harness.dataSource, 'provider_admin', { providerId })).username,
      TEST_PASSWORD,
    );
    order = (
      await supervisor.post<WorkOrderView>('/api/work-orders', {
        elderId: elder.elderId,
        providerId,
        service: 'personal-care',
        startsAt: new Date(Date.now() + 10 * 60_000).toISOString(),
      })
    ).body;
    await providerAdmin.post(`/api/work-orders/${order.id}/assign`, { caregiverId: caregiver.id });
    caregiverName = caregiver.username;
  });

  /** What the api's Content-Security-Policy made Chromium refuse, on any page: the console must need none of it. */
  const blocked: string[] = [];
  const watchForBlockedContent = (page: Page) =>
    page.on('console', (message) => {
      if (message.type() === 'error' && message.text().includes('Content Security Policy'))
        blocked.push(message.text());
    });

  afterEach(() => {
    expect(blocked.splice(0)).toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
    await harness?.stop();
  });

  async function signedInPage(username: string, options: BrowserContextOptions): Promise<Page> {
    return signInToConsole(browser, harness.apiUrl, username, {
      context: options,
      watch: watchForBlockedContent,
    });
  }

  it('lets a caregiver check in and out at the home on a phone, the family see and rate the visit, no other family see it, and the bureau count it', async () => {
    const phone = await signedInPage(caregiverName, {
      ...PHONE,
      geolocation: { latitude: 28.6801, longitude: 115.8902, accuracy: 12 },
      permissions: ['geolocation'],
    });
    const card = phone.locator(`[data-testid="visit-card"][data-work-order-id="${order.id}"]`);
    await card.getByTestId('visit-accept').click();
    await phone
      .locator(`[data-testid="visit-card"][data-work-order-id="${order.id}"][data-status="accepted"]`)
      .waitFor();
    await card.getByTestId('visit-check-in').click();
    await phone
      .locator(`[data-testid="visit-card"][data-work-order-id="${order.id}"][data-status="checked-in"]`)
      .waitFor();
    expect(await card.getByTestId('visit-exception').count()).toBe(0);
    // An hour of care needs 45 minutes at the home to count: the caregiver has been there 50, from 10 minutes before
    // the start, as the test cannot wait them out.
    await harness.dataSource.query(
      `UPDATE work_orders SET starts_at = starts_at - interval '50 minutes', checked_in_at = checked_in_at - interval '50 minutes' WHERE id = $1`,
      [order.id],
    );
    const startsAt = Date.parse(order.startsAt) - 50 * 60_000;
    await card.getByTestId('visit-check-out').click();
    await card.getByTestId('visit-note').fill('协助洗漱、翻身，老人精神好');
    const confirmedBy = card.getByTestId('visit-confirmed-by');
    if ((await confirmedBy.evaluate((element) => element.tagName)) === 'SELECT')
      await confirmedBy.selectOption('elder');
    else await confirmedBy.first().check();
    await card.getByTestId('visit-submit-check-out').click();
    await phone
      .locator(`[data-testid="visit-card"][data-work-order-id="${order.id}"][data-status="checked-out"]`)
      .waitFor();
    expect(await card.getByTestId('visit-exception').count()).toBe(0);
    await phone.screenshot({ path: `${ARTIFACTS}/caregiver-phone.png`, fullPage: true });

    const familyPage = await signedInPage(family.username, DESKTOP);
    const visit = familyPage.locator(`[data-testid="family-visit"][data-work-order-id="${order.id}"]`);
    await visit.waitFor();
    expect(await visit.getAttribute('data-status')).toBe('checked-out');
    await visit.locator('[data-testid="visit-rating-stars"][data-stars="5"]').click();
    await visit.getByTestId('visit-rating-comment').fill('刘芳很细心');
    await visit.getByTestId('visit-rating-submit').click();
    await visit.getByTestId('visit-rating').waitFor();
    await familyPage.screenshot({ path: `${ARTIFACTS}/family.png`, fullPage: true });

    const stranger = await createTestUser(harness.dataSource, 'family', {
      elderIds: [(await createTestElderInPlace(harness.dataSource)).elderId],
    });
    const strangerPage = await signedInPage(stranger.username, DESKTOP);
    await strangerPage.getByTestId('family-page').waitFor();
    expect(await strangerPage.locator(`[data-testid="family-visit"][data-work-order-id="${order.id}"]`).count()).toBe(
      0,
    );
    expect((await strangerPage.request.get(`${harness.apiUrl}/api/work-orders/${order.id}`)).status()).toBe(404);

    const bureau = await createTestUser(harness.dataSource, 'bureau');
    const bureauPage = await signedInPage(bureau.username, DESKTOP);
    await bureauPage.goto(`${harness.apiUrl}/reports`);
    const visits = bureauPage.locator('[data-testid="report-table"][data-table="visits"]');
    await visits.filter({ hasText: providerName }).waitFor();
    const report = await bureauPage.request.get(
      `${harness.apiUrl}/api/reports/monthly?month=${localMonthOf(startsAt)}`,
    );
    const table = ((await report.json()) as MonthlyReport).tables.find((candidate) => candidate.name === 'visits')!;
    const row = table.rows.find((candidate) => candidate.includes(providerName))!;
    expect(row[table.columns.indexOf('已完成')]).toBe(1);
    await bureauPage.screenshot({ path: `${ARTIFACTS}/bureau-report.png`, fullPage: true });
  });
});
