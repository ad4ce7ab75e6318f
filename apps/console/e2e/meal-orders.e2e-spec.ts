import { DEFAULT_MEAL_PERIODS } from '@eldercare/domain';
import { CanteenRepository, CarePlanRepository } from '@eldercare/persistence';
import { createTestElderInPlace, createTestUser } from '@eldercare/testing';
import { mkdir } from 'node:fs/promises';
import { type Browser } from 'playwright-core';
import { PlatformUnderTest } from '@eldercare/test/platform/platform-under-test';
import { launchChromium, signInToConsole } from '@eldercare/test/console/console-browser';

const ARTIFACTS = 'test-artifacts/e2e';

describe('a family orders a canteen meal in Chromium', () => {
  let harness: PlatformUnderTest;
  let browser: Browser;
  let family: { username: string };
  let providerAdmin: { username: string };
  let elderId: string;

  beforeAll(async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    harness = await PlatformUnderTest.start();
    browser = await launchChromium();
    const elder = await createTestElderInPlace(harness.dataSource, { name: '贺素芬' });
    elderId = elder.elderId;
    await harness.dataSource.query(`UPDATE elders SET categories = '{extreme_poverty}' WHERE id = $1`, [elderId]);
    const providerId = await new CarePlanRepository(harness.dataSource).insertProvider({
      name: '百花洲颐康助餐服务社',
    });
    await new CanteenRepository(harness.dataSource).insertCanteen({
      name: '公园社区长者食堂',
      providerId,
      communityId: elder.communityId,
      address: '公园社区活动中心一楼',
      lat: 28.681,
      lon: 115.89,
      priceCents: 1500,
      periods: DEFAULT_MEAL_PERIODS,
    });
    family = await createTestUser(harness.dataSource, 'family', { elderIds: [elderId], displayName: '王丽' });
    providerAdmin = await createTestUser(harness.dataSource, 'provider_admin', { providerId, displayName: '赵敏' });
  });

  afterAll(async () => {
    await browser?.close();
    await harness?.stop();
  });

  it('orders tomorrow’s lunch delivered and paid, and the canteen’s provider finds the delivery among its work orders', async () => {
    const familyPage = await signInToConsole(browser, harness.apiUrl, family.username);
    const panel = familyPage.getByTestId('meal-orders');
    await panel.getByTestId('meal-order-form').waitFor();
    await panel.getByTestId('meal-order-period').selectOption('lunch');
    await panel.getByTestId('meal-order-submit').click();
    const line = panel.locator('[data-testid="meal-order"][data-cancelled="false"]');
    await line.waitFor();
    expect(await line.textContent()).toContain('送餐');
    expect(await line.textContent()).toContain('1.00');
    await familyPage.screenshot({ path: `${ARTIFACTS}/family-meal-order.png`, fullPage: true });

    const [{ work_order_id: workOrderId }]: { work_order_id: string }[] = await harness.dataSource.query(
      `SELECT work_order_id FROM meal_transactions WHERE elder_id = $1 AND identified_by = 'order'`,
      [elderId],
    );
    const providerPage = await signInToConsole(browser, harness.apiUrl, providerAdmin.username);
    const row = providerPage.locator(`[data-testid="provider-order"][data-work-order-id="${workOrderId}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain('助餐（送餐）');
    expect(await row.textContent()).toContain('贺素芬');

    // Cancelled before the cut-off, the order and its delivery go.
    await line.getByTestId('meal-order-cancel').click();
    await line.getByTestId('meal-order-cancel-yes').click();
    await panel.locator('[data-testid="meal-order"][data-cancelled="true"]').waitFor();
    const [{ status }]: { status: string }[] = await harness.dataSource.query(
      'SELECT status FROM work_orders WHERE id = $1',
      [workOrderId],
    );
    expect(status).toBe('cancelled');
  });
});
