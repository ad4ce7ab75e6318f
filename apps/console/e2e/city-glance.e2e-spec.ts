import {
  ApiClient,
  createTestElderInPlace,
  createTestUser,
  eventually,
  TEST_PASSWORD,
  type TestElder,
} from '@eldercare/testing';
import type { Role } from '@eldercare/contracts';
import { chromium, type Browser, type Page } from 'playwright-core';
import { PlatformUnderTest } from '@eldercare/test/platform/platform-under-test';

/** The wallboard and the operations map, driven in Chromium against the whole platform. */
describe('the city at a glance in Chromium', () => {
  let harness: PlatformUnderTest;
  let browser: Browser;
  /** A in the supervisor's district; B in another. */
  let a: TestElder;
  let b: TestElder;

  beforeAll(async () => {
    harness = await PlatformUnderTest.start();
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox'],
    });
    [a, b] = await Promise.all([
      createTestElderInPlace(harness.dataSource, { name: '王秀英' }),
      createTestElderInPlace(harness.dataSource, { name: '赵桂兰' }),
    ]);
  });

  afterAll(async () => {
    await browser?.close();
    await harness?.stop();
  });

  async function signedInPage(role: Role, regionIds: string[]): Promise<{ page: Page; api: ApiClient }> {
    const user = await createTestUser(harness.dataSource, role, { regionIds });
    const page = await (
      await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' })
    ).newPage();
    await page.goto(`${harness.apiUrl}/login`);
    await page.getByTestId('login-username').fill(user.username);
    await page.getByTestId('login-password').fill(TEST_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('session-user').waitFor();
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
});
