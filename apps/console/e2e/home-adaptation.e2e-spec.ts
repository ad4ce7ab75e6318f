import { createTestElderInPlace, createTestUser, ONE_PIXEL_PNG as PNG, type TestElder } from '@eldercare/testing';
import { mkdir } from 'node:fs/promises';
import { type Browser, type Page } from 'playwright-core';
import { PlatformUnderTest } from '@eldercare/test/platform/platform-under-test';
import { launchChromium, signInToConsole } from '@eldercare/test/console/console-browser';

const ARTIFACTS = 'test-artifacts/e2e';
describe('home adaptation in Chromium', () => {
  let harness: PlatformUnderTest;
  let browser: Browser;
  let elder: TestElder;
  let supervisorName: string;

  beforeAll(async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    harness = await PlatformUnderTest.start();
    browser = await launchChromium();
    elder = await createTestElderInPlace(harness.dataSource, { name: '邹凤英' });
    await harness.dataSource.query(`UPDATE elders SET categories = '{living_alone,extreme_poverty}' WHERE id = $1`, [
      elder.elderId,
    ]);
    supervisorName = (await createTestUser(harness.dataSource, 'supervisor', { regionIds: [elder.districtId] }))
      .username;
  });

  afterAll(async () => {
    await browser?.close();
    await harness?.stop();
  });

  async function signedInPage(username: string): Promise<Page> {
    return signInToConsole(browser, harness.apiUrl, username);
  }

  it('takes a subsidised case from application to acceptance, each step with who and when, photos shown', async () => {
    const page = await signedInPage(supervisorName);
    await page.getByTestId('nav-adaptation').click();
    await page.getByTestId('adaptation-elder-input').fill('邹凤英');
    await page.getByTestId('adaptation-elder-option').first().click();
    await page.getByTestId('adaptation-needs').fill('卫生间湿滑，无扶手');
    await page.getByTestId('adaptation-apply').click();

    const detail = page.getByTestId('adaptation-case');
    const stepForm = (step: string) => detail.locator(`[data-testid="adaptation-step-form"][data-step="${step}"]`);
    const take = async (step: string, note: string) => {
      await stepForm(step).getByTestId('adaptation-step-note').fill(note);
      await stepForm(step).getByTestId('adaptation-step-submit').click();
    };
    await take('assess', '上门评估：卫生间需扶手和淋浴椅');
    await stepForm('plan').getByTestId('adaptation-plan-item').selectOption('grab-bars');
    await stepForm('plan').getByTestId('adaptation-plan-quantity').fill('2');
    await stepForm('plan').getByTestId('adaptation-plan-add').click();
    await stepForm('plan').getByTestId('adaptation-plan-item').selectOption('shower-chair');
    await stepForm('plan').getByTestId('adaptation-plan-quantity').fill('1');
    await stepForm('plan').getByTestId('adaptation-plan-add').click();
    await take('plan', '按清单出方案');
    await detail.getByTestId('adaptation-subsidy').filter({ hasText: '560' }).waitFor();
    await take('agree', '老人当面签字同意');
    await detail.getByTestId('adaptation-photo-kind').selectOption('before');
    await detail
      .getByTestId('adaptation-photo-file')
      .setInputFiles({ name: 'before.png', mimeType: 'image/png', buffer: PNG });
    await detail.getByTestId('adaptation-photo').first().waitFor();
    await take('complete-works', '施工完成');
    await take('accept', '按方案验收合格');
    await page.locator('[data-testid="adaptation-row"][data-stage="accepted"]').filter({ hasText: '邹凤英' }).waitFor();
    await detail.getByTestId('adaptation-steps').locator('li').nth(5).waitFor();
    expect(await detail.getByTestId('adaptation-steps').locator('li').count()).toBe(6);
    const loaded = await detail
      .getByTestId('adaptation-photo')
      .first()
      .evaluate((image) => {
        const shown = image as unknown as { complete: boolean; naturalWidth: number };
        return shown.complete && shown.naturalWidth === 1;
      });
    expect(loaded).toBe(true);
    await page.screenshot({ path: `${ARTIFACTS}/home-adaptation-accepted.png`, fullPage: true });
  });
});
