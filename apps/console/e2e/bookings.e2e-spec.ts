import type { OfferView } from '@eldercare/contracts';
import { addLocalDays, localDateOf } from '@eldercare/domain';
import { CarePlanRepository } from '@eldercare/persistence';
import { ApiClient, createTestElderInPlace, createTestUser, TEST_PASSWORD } from '@eldercare/testing';
import { mkdir } from 'node:fs/promises';
import { type Browser, type Page } from 'playwright-core';
import { PlatformUnderTest } from '@eldercare/test/platform/platform-under-test';
import { launchChromium, signInToConsole } from '@eldercare/test/console/console-browser';

const ARTIFACTS = 'test-artifacts/e2e';

describe('booking a service in Chromium', () => {
  let harness: PlatformUnderTest;
  let browser: Browser;
  let family: { username: string };
  let providerAdmin: { username: string };
  let operator: { username: string };
  let elderId: string;
  let bath: OfferView;

  beforeAll(async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    harness = await PlatformUnderTest.start();
    browser = await launchChromium();
    const elder = await createTestElderInPlace(harness.dataSource, { name: '贺素芬' });
    elderId = elder.elderId;
    operator = await createTestUser(harness.dataSource, 'operator', { regionIds: [elder.districtId] });
    const providerId = await new CarePlanRepository(harness.dataSource).insertProvider({ name: '康乐助浴服务中心' });
    await createTestUser(harness.dataSource, 'caregiver', { providerId, displayName: '刘芳' });
    family = await createTestUser(harness.dataSource, 'family', { elderIds: [elder.elderId], displayName: '王丽' });
    providerAdmin = await createTestUser(harness.dataSource, 'provider_admin', { providerId, displayName: '赵敏' });
    const admin = await ApiClient.signedIn(harness.apiUrl, providerAdmin.username, TEST_PASSWORD);
    bath = (
      await admin.post<OfferView>('/api/offers', {
        service: 'bathing',
        minutes: 60,
        priceCents: 8000,
        capacity: 'caregivers',
        weekdays: [1, 2, 3, 4, 5, 6, 7],
        opens: '08:00',
        closes: '18:00',
        cancelCutoffMinutes: 120,
        lateCancelShare: 0.5,
      })
    ).body;
  });

  afterAll(async () => {
    await browser?.close();
    await harness?.stop();
  });

  async function signedInPage(username: string): Promise<Page> {
    return signInToConsole(browser, harness.apiUrl, username);
  }

  it('lets a family book a bath, seeing who pays first, and the provider find it in the calendar', async () => {
    const familyPage = await signedInPage(family.username);
    const panel = familyPage.getByTestId('elder-bookings');
    await panel.getByTestId('booking-offer').selectOption(bath.id);
    const tomorrow = addLocalDays(localDateOf(Date.now()), 1);
    await panel.getByTestId('booking-date').fill(tomorrow);
    await panel.locator('[data-testid="booking-slot"]').first().waitFor();
    expect(await panel.getByTestId('booking-slot').count()).toBe(19);
    const slot = panel.getByTestId('booking-slot').nth(2);
    const startsAt = await slot.getAttribute('data-starts-at');
    await slot.click();
    const quote = panel.getByTestId('booking-quote');
    await quote.waitFor();
    // 独居 and 高龄, as the test elder is, are owed no baths: self-paid at the provider's price.
    expect(await quote.getAttribute('data-paid-by')).toBe('self');
    expect(await quote.textContent()).toContain('80.00');
    await panel.getByTestId('booking-confirm').click();

    const line = panel.locator('[data-testid="booking"][data-status="booked"]');
    await line.waitFor();
    expect(await line.getByTestId('booking-visit-code').textContent()).toMatch(/\d{6}/);
    const bookingId = (await line.getAttribute('data-booking-id'))!;
    // The slot is gone from the day: one caregiver, one bath at a time.
    await panel.locator(`[data-testid="booking-slot"][data-starts-at="${startsAt}"]`).waitFor({ state: 'detached' });
    await familyPage.screenshot({ path: `${ARTIFACTS}/family-booking.png`, fullPage: true });

    const providerPage = await signedInPage(providerAdmin.username);
    const entry = providerPage.locator(`[data-testid="calendar-booking"][data-booking-id="${bookingId}"]`);
    await entry.waitFor();
    expect(await entry.textContent()).toContain('贺素芬');
    expect(await entry.textContent()).toContain('刘芳');
    expect(await providerPage.locator(`[data-testid="calendar-day"][data-date="${tomorrow}"]`).count()).toBe(1);

    // The provider publishes cleaning, two hours at 60 yuan, from the calendar; a 45-minute one is refused.
    await providerPage.getByTestId('offer-open').click();
    await providerPage.getByTestId('offer-service').selectOption('cleaning');
    await providerPage.getByTestId('offer-minutes').fill('45');
    await providerPage.getByTestId('offer-submit').click();
    await providerPage.getByTestId('offer-error').waitFor();
    await providerPage.getByTestId('offer-minutes').fill('120');
    await providerPage.getByTestId('offer-yuan').fill('60');
    await providerPage.getByTestId('offer-submit').click();
    await providerPage.getByTestId('provider-offers').filter({ hasText: '60.00' }).waitFor();
    await providerPage.screenshot({ path: `${ARTIFACTS}/provider-calendar.png`, fullPage: true });
  });

  it('lets an operator on a call book for the elder from the elder’s page', async () => {
    const page = await signedInPage(operator.username);
    await page.goto(`${harness.apiUrl}/elders/${elderId}`);
    const panel = page.getByTestId('elder-bookings');
    await panel.getByTestId('booking-offer').selectOption(bath.id);
    await panel.getByTestId('booking-date').fill(addLocalDays(localDateOf(Date.now()), 2));
    await panel.getByTestId('booking-slot').first().click();
    await panel.getByTestId('booking-quote').waitFor();
    await panel.getByTestId('booking-confirm').click();
    // The family's bath of the first test, and now the operator's.
    await panel.locator('[data-testid="booking"][data-status="booked"]').nth(1).waitFor();
    expect(await panel.getByTestId('booking-visit-code').count()).toBe(2);
    const rows: { booked_by_role: string }[] = await harness.dataSource.query(
      `SELECT u.role AS booked_by_role FROM bookings b JOIN users u ON u.id = b.booked_by WHERE b.elder_id = $1 ORDER BY b.created_at`,
      [elderId],
    );
    expect(rows.map((row) => row.booked_by_role)).toEqual(['family', 'operator']);
  });
});
