import { createTestElderInPlace, createTestUser, type TestElder } from '@eldercare/testing';
import { mkdir } from 'node:fs/promises';
import { type Browser, type Page } from 'playwright-core';
import { PlatformUnderTest } from '@eldercare/test/platform/platform-under-test';
import { launchChromium, signInToConsole } from '@eldercare/test/console/console-browser';

/** Screenshots of the queue and the case, kept for a person to look at. */
const ARTIFACTS = 'test-artifacts/e2e';

describe('the dispatch console in Chromium', () => {
  let harness: PlatformUnderTest;
  let browser: Browser;
  let elder: TestElder;

  beforeAll(async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    harness = await PlatformUnderTest.start();
    browser = await launchChromium();
    elder = await createTestElderInPlace(harness.dataSource, {
      name: '王秀英',
      contacts: [
        { name: '李建国', relation: '儿子', phone: '13811112222' },
        { name: '李红', relation: '女儿', phone: '13922223333' },
      ],
    });
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

  async function signedInPage(
    role: 'operator' | 'family',
    scope: { regionIds?: string[]; elderIds?: string[] },
    displayName: string,
  ): Promise<Page> {
    const user = await createTestUser(harness.dataSource, role, { ...scope, displayName });
    return signInToConsole(browser, harness.apiUrl, user.username, { watch: watchForBlockedContent });
  }

  it('takes an operator from a live button press to a resolved case, with the claim live on a second console and the case closed to a family', async () => {
    const first = await signedInPage('operator', { regionIds: [elder.streetId] }, '张敏');
    const second = await signedInPage('operator', { regionIds: [elder.districtId] }, '刘洋');
    await first.getByTestId('alert-queue').waitFor();

    const device = await harness.deviceOf(elder.elderId, 'call_button');
    const press = await device.send({ kind: 'sos' });
    const row = first.getByTestId('alert-row').filter({ hasText: '王秀英' });
    await row.waitFor();
    const alertId = await row.getAttribute('data-alert-id');
    await first.screenshot({ path: `${ARTIFACTS}/queue.png`, fullPage: true });

    await row.click();
    await first.getByTestId('claim-button').click();
    await first.locator('[data-testid="case-status"][data-status="acknowledged"]').waitFor();
    expect(
      await device.nextDownlink(
        (downlink) => downlink.kind === 'ack' && downlink.ref === press.msgId && downlink.state === 'help-coming',
      ),
    ).toBeDefined();
    await second
      .getByTestId('alert-row')
      .filter({ hasText: '王秀英' })
      .getByTestId('alert-claimed-by')
      .filter({ hasText: '张敏' })
      .waitFor();

    await first.getByTestId('call-callee').selectOption('0');
    await first.getByTestId('call-answered').check();
    await first.getByTestId('call-note').fill('儿子说马上过去');
    await first.getByTestId('call-submit').click();
    await first.getByTestId('call-entry').filter({ hasText: '李建国' }).waitFor();
    await first.screenshot({ path: `${ARTIFACTS}/case.png`, fullPage: true });

    await first.getByTestId('resolve-outcome').selectOption('family-went');
    await first.getByTestId('resolve-submit').click();
    await first.locator('[data-testid="case-status"][data-status="resolved"]').waitFor();
    expect(
      await device.nextDownlink(
        (downlink) => downlink.kind === 'ack' && downlink.ref === press.msgId && downlink.state === 'resolved',
      ),
    ).toBeDefined();
    expect(await first.getByTestId('timeline-entry').count()).toBeGreaterThanOrEqual(6);

    const otherElder = await createTestElderInPlace(harness.dataSource, { name: '赵桂兰' });
    const family = await signedInPage('family', { elderIds: [otherElder.elderId] }, '赵家属');
    await family.goto(`${harness.apiUrl}/alerts/${alertId}`);
    await family.getByTestId('alert-not-found').waitFor();
    expect(await family.content()).not.toContain('王秀英');
  });

  it('gives a family its own pages by address and link, says so where it may not go, and loads no dispatch page', async () => {
    const family = await signedInPage('family', { elderIds: [elder.elderId] }, '王家属');
    await family.getByTestId('family-page').waitFor();
    const scripts: string[] = [];
    family.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
    });

    await family.goto(`${harness.apiUrl}/elders/${elder.elderId}`);
    await family.locator(`[data-testid="elder-page"][data-elder-id="${elder.elderId}"]`).waitFor();
    expect(await family.getByTestId('nav-elders').getAttribute('aria-current')).toBe('page');

    await family.getByTestId('nav-devices').click();
    await family.getByTestId('devices-page').waitFor();
    expect(new URL(family.url()).pathname).toBe('/devices');
    await family.goBack();
    await family.getByTestId('elder-page').waitFor();

    await family.goto(`${harness.apiUrl}/users`);
    await family.getByTestId('page-not-permitted').waitFor();
    await family.goto(`${harness.apiUrl}/no/such/page`);
    await family.getByTestId('page-not-found').waitFor();

    expect(scripts.some((path) => /\/elder-page-[\w-]+\.js$/.test(path))).toBe(true);
    expect(scripts.filter((path) => /\/(queue|history|users|audit|care-calls)-page-/.test(path))).toEqual([]);
  });
});
