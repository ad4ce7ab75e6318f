import { CanteenRepository, CarePlanRepository } from '@eldercare/persistence';
import { ApiClient, createTestElderInPlace, createTestUser, TEST_PASSWORD, type TestElder } from '@eldercare/testing';
import { mkdir } from 'node:fs/promises';
import { type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { PlatformUnderTest } from '@eldercare/test/platform/platform-under-test';
import { launchChromium, signInToConsole } from '@eldercare/test/console/console-browser';

const ARTIFACTS = 'test-artifacts/e2e';
/** A 10-inch tablet on the counter, held upright. */
const TABLET: BrowserContextOptions = {
  viewport: { width: 800, height: 1280 },
  deviceScaleFactor: 2,
  hasTouch: true,
  locale: 'zh-CN',
};

describe('the canteen counter in Chromium', () => {
  let harness: PlatformUnderTest;
  let browser: Browser;
  let elder: TestElder;
  let cashier: { username: string };
  /** The code on the elder's QR card. */
  let cardCode: string;

  beforeAll(async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    harness = await PlatformUnderTest.start();
    browser = await launchChromium();
    elder = await createTestElderInPlace(harness.dataSource, { name: '贺素芬' });
    await harness.dataSource.query(`UPDATE elders SET categories = '{living_alone,extreme_poverty}' WHERE id = $1`, [
      elder.elderId,
    ]);
    const providerId = await new CarePlanRepository(harness.dataSource).insertProvider({ name: '颐康助餐服务社' });
    await new CanteenRepository(harness.dataSource).insertCanteen({
      name: '测试社区长者食堂',
      providerId,
      communityId: elder.communityId,
      address: '测试路 1 号',
      lat: 28.681,
      lon: 115.89,
      priceCents: 1500,
      // The whole day, so a meal is being served whenever the spec runs.
      periods: [
        { period: 'breakfast', opens: '00:00', closes: '08:00' },
        { period: 'lunch', opens: '08:00', closes: '16:00' },
        { period: 'dinner', opens: '16:00', closes: '24:00' },
      ],
    });
    cashier = await createTestUser(harness.dataSource, 'cashier', { providerId, displayName: '食堂收银' });
    const desk = await ApiClient.signedIn(
      harness.apiUrl,
      (await createTestUser(harness.dataSource, 'admin')).username,
      TEST_PASSWORD,
    );
    cardCode = (await desk.request<{ code: string }>('PUT', `/api/elders/${elder.elderId}/meal-card`)).body.code;
  });

  afterAll(async () => {
    await browser?.close();
    await harness?.stop();
  });

  async function signedInPage(username: string): Promise<Page> {
    return signInToConsole(browser, harness.apiUrl, username, { context: TABLET });
  }

  it('finds the elder by QR card with a reason, records a 1-yuan meal, and takes a second only at the full price', async () => {
    const page = await signedInPage(cashier.username);
    await page.getByTestId('canteen-page').waitFor();
    const find = async () => {
      await page.getByTestId('canteen-value').fill(cardCode);
      await page.getByTestId('canteen-reason').fill('老人未录入人脸');
      await page.getByTestId('canteen-find').click();
      await page.getByTestId('canteen-diner').waitFor();
    };

    await find();
    expect(await page.getByTestId('canteen-diner').getAttribute('data-subsidy')).toBe('1400');
    expect(await page.getByTestId('canteen-pay').textContent()).toContain('1.00');
    await page.getByTestId('canteen-serve').click();
    await page.getByTestId('canteen-served').waitFor();
    await page.locator(`[data-testid="canteen-meal"][data-elder-id="${elder.elderId}"]`).waitFor();

    await find();
    const diner = page.getByTestId('canteen-diner');
    expect(await diner.getAttribute('data-already-subsidised')).toBe('true');
    expect(await page.getByTestId('canteen-pay').textContent()).toContain('15.00');
    expect(await page.getByTestId('canteen-serve').count()).toBe(0);
    await page.screenshot({ path: `${ARTIFACTS}/canteen-second-meal.png`, fullPage: true });
    await page.getByTestId('canteen-serve-full-price').click();
    await page.getByTestId('canteen-served').waitFor();
    await page.locator(`[data-testid="canteen-meal"][data-elder-id="${elder.elderId}"]`).nth(1).waitFor();

    const rows: { subsidy_cents: number; self_pay_cents: number; identified_by: string }[] =
      await harness.dataSource.query(
        'SELECT subsidy_cents, self_pay_cents, identified_by FROM meal_transactions WHERE elder_id = $1 ORDER BY served_at',
        [elder.elderId],
      );
    expect(rows).toEqual([
      { subsidy_cents: 1400, self_pay_cents: 100, identified_by: 'qr' },
      { subsidy_cents: 0, self_pay_cents: 1500, identified_by: 'qr' },
    ]);
  });
});
