import { residentIdCheckCharacter } from '@eldercare/domain';
import { TimeCoinLedgerRepository } from '@eldercare/persistence';
import { createTestElderInPlace, createTestUser, TEST_PASSWORD, type TestElder } from '@eldercare/testing';
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
  geolocation: { latitude: 28.6801, longitude: 115.8902, accuracy: 12 },
  permissions: ['geolocation'],
};

describe('the time bank in Chromium', () => {
  let harness: PlatformUnderTest;
  let browser: Browser;
  let elder: TestElder;
  let supervisorName: string;
  let familyName: string;

  beforeAll(async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    harness = await PlatformUnderTest.start();
    browser = await launchChromium();
    elder = await createTestElderInPlace(harness.dataSource, { name: '罗桂兰' });
    supervisorName = (await createTestUser(harness.dataSource, 'supervisor', { regionIds: [elder.districtId] }))
      .username;
    familyName = (await createTestUser(harness.dataSource, 'family', { elderIds: [elder.elderId] })).username;
  });

  afterAll(async () => {
    await browser?.close();
    await harness?.stop();
  });

  async function signedInPage(username: string, password: string, options: BrowserContextOptions): Promise<Page> {
    return signInToConsole(browser, harness.apiUrl, username, { password, context: options });
  }

  it('takes a volunteer’s hour from request to coins: staff approve and ask, the volunteer serves on a phone, the family confirm', async () => {
    const staff = await signedInPage(supervisorName, TEST_PASSWORD, DESKTOP);
    await staff.getByTestId('nav-time-bank').click();
    const first17 = '36010219950412123';
    await staff.getByTestId('volunteer-name').fill('陈晓燕');
    await staff.getByTestId('volunteer-id-number').fill(first17 + residentIdCheckCharacter(first17));
    await staff.getByTestId('volunteer-phone').fill('13912345678');
    await staff.getByTestId('volunteer-register-form').getByTestId('elder-community').selectOption(elder.communityId);
    await staff.getByTestId('volunteer-trained-on').fill('2026-05-20');
    await staff.getByTestId('volunteer-register').click();
    const row = staff.getByTestId('volunteer-row').filter({ hasText: '陈晓燕' });
    await row.getByTestId('volunteer-id-check').click();
    const username = `chen-${Date.now().toString(36)}`;
    await row.getByTestId('volunteer-username').fill(username);
    await row.getByTestId('volunteer-password').fill('志愿服务-2026-chen');
    await row.getByTestId('volunteer-approve').click();
    await row.getByTestId('volunteer-standing').filter({ hasText: username }).waitFor();

    await staff.getByTestId('volunteer-request-elder-input').fill('罗桂兰');
    await staff.getByTestId('volunteer-request-elder-option').first().click();
    await staff.getByTestId('volunteer-request-service').selectOption('chat');
    await staff.getByTestId('volunteer-request-starts-at').fill('2027-01-10T09:30');
    await staff.getByTestId('volunteer-request-minutes').fill('60');
    await staff.getByTestId('volunteer-request-submit').click();
    const staffRow = staff.getByTestId('staff-request-row').filter({ hasText: '罗桂兰' });
    await staffRow.waitFor();
    const requestId = (await staffRow.getAttribute('data-request-id')) ?? '';

    const phone = await signedInPage(username, '志愿服务-2026-chen', PHONE);
    await phone.getByTestId('volunteer-page').waitFor();
    const card = phone.locator(`[data-testid="volunteer-request"][data-request-id="${requestId}"]`);
    await card.getByTestId('volunteer-take').click();
    await phone
      .locator(`[data-testid="volunteer-request"][data-request-id="${requestId}"][data-status="taken"]`)
      .waitFor();
    await card.getByTestId('volunteer-check-in').click();
    await phone
      .locator(`[data-testid="volunteer-request"][data-request-id="${requestId}"][data-status="checked-in"]`)
      .waitFor();
    // The hour the volunteer stayed, which the test cannot wait out.
    await harness.dataSource.query(
      `UPDATE volunteer_requests SET checked_in_at = checked_in_at - interval '61 minutes' WHERE id = $1`,
      [requestId],
    );
    await card.getByTestId('volunteer-check-out').click();
    await card.getByTestId('volunteer-note').fill('陪老人聊天，教她用手机视频');
    await card.getByTestId('volunteer-submit-check-out').click();
    await phone
      .locator(`[data-testid="volunteer-request"][data-request-id="${requestId}"][data-status="checked-out"]`)
      .waitFor();
    await phone.screenshot({ path: `${ARTIFACTS}/time-bank-volunteer-phone.png`, fullPage: true });

    const family = await signedInPage(familyName, TEST_PASSWORD, DESKTOP);
    const visit = family
      .getByTestId('family-volunteer-visits')
      .locator(`[data-testid="staff-request-row"][data-request-id="${requestId}"]`);
    await visit.getByTestId('staff-request-confirm').click();
    await family
      .getByTestId('family-volunteer-visits')
      .locator(`[data-testid="staff-request-row"][data-request-id="${requestId}"][data-status="confirmed"]`)
      .waitFor();

    await phone.reload();
    const balance = phone.getByTestId('volunteer-balance');
    await phone.locator('[data-testid="volunteer-balance"][data-minutes="60"]').waitFor();
    expect(await balance.textContent()).toContain('1');
    const [{ account }]: { account: string }[] = await harness.dataSource.query(
      `SELECT 'volunteer:' || id AS account FROM volunteers WHERE user_id = (SELECT id FROM users WHERE username = $1)`,
      [username],
    );
    expect(await new TimeCoinLedgerRepository(harness.dataSource).balanceOf(account as `volunteer:${string}`)).toBe(60);
  });
});
