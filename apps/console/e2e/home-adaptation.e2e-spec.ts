import { createTestElderInPlace, createTestUser, ONE_PIXEL_PNG as PNG, type TestElder } from '@eldercare/testing';
import { mkdir } from 'node:fs/promises';
import { AdaptationCaseRepository, CarePlanRepository, UserRepository } from '@eldercare/persistence';
import { type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { PlatformUnderTest } from '@eldercare/test/platform/platform-under-test';
import { launchChromium, signInToConsole } from '@eldercare/test/console/console-browser';

const ARTIFACTS = 'test-artifacts/e2e';
/** The contractor and the inspector work from their phones. */
const PHONE: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  locale: 'zh-CN',
};
const COMPANY = '洪城适老化改造工程有限公司';

describe('home adaptation in Chromium', () => {
  let harness: PlatformUnderTest;
  let browser: Browser;
  let elder: TestElder;
  let supervisorName: string;
  let contractorName: string;
  let inspectorName: string;

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
    const companies = new CarePlanRepository(harness.dataSource);
    const companyId = await companies.insertProvider({ name: COMPANY });
    await companies.insertProvider({ name: '赣江装饰工程有限公司' });
    contractorName = (await createTestUser(harness.dataSource, 'contractor', { providerId: companyId })).username;
    inspectorName = (await createTestUser(harness.dataSource, 'inspector', { regionIds: [elder.districtId] })).username;
  });

  afterAll(async () => {
    await browser?.close();
    await harness?.stop();
  });

  async function signedInPage(username: string, context?: BrowserContextOptions): Promise<Page> {
    return signInToConsole(browser, harness.apiUrl, username, { context });
  }

  it('takes a subsidised case from application to acceptance: staff plan it, the contractor builds, the inspector refuses once, then accepts', async () => {
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
    await stepForm('plan').getByTestId('adaptation-plan-contractor').selectOption({ label: COMPANY });
    await take('plan', '按清单出方案');
    await detail.getByTestId('adaptation-subsidy').filter({ hasText: '560' }).waitFor();
    await take('agree', '老人当面签字同意');
    await page.locator('[data-testid="adaptation-row"][data-stage="agreed"]').filter({ hasText: '邹凤英' }).waitFor();
    // The works and the acceptance are not staff's steps: once agreed, staff have no step form.
    await stepForm('agree').waitFor({ state: 'detached' });
    expect(await detail.getByTestId('adaptation-step-form').count()).toBe(0);

    const contractor = await signedInPage(contractorName, PHONE);
    const build = contractor.locator('[data-testid="adaptation-field-step"][data-step="complete-works"]');
    await build.getByTestId('adaptation-field-note').fill('施工完成');
    await build.getByTestId('adaptation-field-submit').click();
    await build.getByTestId('adaptation-field-step-error').filter({ hasText: '施工前和施工后的照片' }).waitFor();
    for (const kind of ['before', 'after']) {
      await build.getByTestId('adaptation-photo-kind').selectOption(kind);
      await build
        .getByTestId('adaptation-photo-file')
        .setInputFiles({ name: `${kind}.png`, mimeType: 'image/png', buffer: PNG });
      await build.locator(`[data-testid="adaptation-field-photo"][data-kind="${kind}"]`).waitFor();
    }
    await contractor.screenshot({ path: `${ARTIFACTS}/home-adaptation-contractor.png`, fullPage: true });
    await build.getByTestId('adaptation-field-submit').click();
    await contractor.locator('[data-testid="adaptation-field-case"][data-stage="works-done"]').waitFor();
    expect(await contractor.getByTestId('adaptation-field-step').count()).toBe(0);
    // The phone page fits the phone: nothing wider than its screen.
    const pageWidth = await contractor
      .locator('html')
      .evaluate((html) => (html as unknown as { scrollWidth: number }).scrollWidth);
    expect(pageWidth).toBeLessThanOrEqual(390);

    const inspector = await signedInPage(inspectorName, PHONE);
    const inspect = inspector.locator('[data-testid="adaptation-field-step"][data-step="accept"]');
    await inspect.locator('[data-testid="adaptation-field-photo"][data-kind="after"]').waitFor();
    expect(await inspect.getByTestId('adaptation-field-plan').locator('li').count()).toBe(2);
    await inspect.getByTestId('adaptation-field-refuse').click();
    await inspect.getByTestId('adaptation-field-step-error').filter({ hasText: '与方案不符' }).waitFor();
    await inspector.screenshot({ path: `${ARTIFACTS}/home-adaptation-inspector.png`, fullPage: true });
    await inspect.getByTestId('adaptation-field-note').fill('扶手高度与方案不符');
    await inspect.getByTestId('adaptation-field-refuse').click();
    await inspector.locator('[data-testid="adaptation-field-case"][data-stage="agreed"]').waitFor();

    // Back with the contractor, who builds again; then the inspector accepts.
    await contractor.reload();
    await build.getByTestId('adaptation-field-note').fill('已按方案返工');
    await build.getByTestId('adaptation-field-submit').click();
    await contractor.locator('[data-testid="adaptation-field-case"][data-stage="works-done"]').waitFor();
    await inspector.reload();
    await inspect.getByTestId('adaptation-field-note').fill('返工后按方案验收合格');
    await inspect.getByTestId('adaptation-field-submit').click();
    await inspector.locator('[data-testid="adaptation-field-case"][data-stage="accepted"]').waitFor();

    await page.reload();
    await page
      .locator('[data-testid="adaptation-row"][data-stage="accepted"]')
      .filter({ hasText: '邹凤英' })
      .getByRole('button')
      .click();
    const accepted = page.getByTestId('adaptation-case');
    await accepted.getByTestId('adaptation-steps').locator('li').nth(7).waitFor();
    const steps = await accepted.getByTestId('adaptation-steps').locator('li').allInnerTexts();
    expect(steps).toHaveLength(8);
    expect(steps[4]).toContain('测试contractor');
    expect(steps[5]).toMatch(/验收不合格，返工 · 测试inspector 扶手高度与方案不符/);
    expect(steps[6]).toMatch(/测试contractor 已按方案返工/);
    expect(steps[7]).toMatch(/测试inspector 返工后按方案验收合格/);
    // The photo is served to the supervisor and shown: the one-pixel image loads.
    const photo = await accepted.getByTestId('adaptation-photo').first().elementHandle();
    await page.waitForFunction((image) => {
      const shown = image as unknown as { complete: boolean; naturalWidth: number };
      return shown.complete && shown.naturalWidth === 1;
    }, photo);
    await page.screenshot({ path: `${ARTIFACTS}/home-adaptation-accepted.png`, fullPage: true });
  });

  it('lets the bureau set visit frequencies, household caps and the year’s budget, each form saying what is wrong first', async () => {
    const bureauName = (await createTestUser(harness.dataSource, 'bureau')).username;
    const page = await signedInPage(bureauName);
    await page.getByTestId('nav-settings').click();

    await page.getByTestId('settings-visit-high').fill('0');
    await page.getByTestId('settings-visit-key').fill('14.5');
    await page.getByTestId('settings-visit-save').click();
    await page.getByTestId('settings-visit-high-problem').filter({ hasText: '超出允许范围' }).waitFor();
    await page.getByTestId('settings-visit-key-problem').filter({ hasText: '整数' }).waitFor();
    await page.getByTestId('settings-visit-high').fill('5');
    await page.getByTestId('settings-visit-key').fill('14');
    await page.getByTestId('settings-visit-save').click();
    await page.getByTestId('settings-visit-saved').waitFor();

    await page.getByTestId('settings-cap-extreme_poverty').fill('200000');
    await page.getByTestId('settings-caps-save').click();
    await page.getByTestId('settings-cap-extreme_poverty-problem').waitFor();
    await page.getByTestId('settings-cap-extreme_poverty').fill('5000');
    await page.getByTestId('settings-cap-living_alone').fill('1200');
    await page.getByTestId('settings-caps-save').click();
    await page.getByTestId('settings-caps-saved').waitFor();

    await page.getByTestId('settings-budget-year').fill('2027');
    await page.getByTestId('settings-budget-yuan').fill('');
    await page.getByTestId('settings-budget-save').click();
    await page.getByTestId('settings-budget-yuan-problem').filter({ hasText: '必填' }).waitFor();
    await page.getByTestId('settings-budget-yuan').fill('800000');
    await page.getByTestId('settings-budget-save').click();
    await page.getByTestId('settings-budget-saved').waitFor();
    await page.screenshot({ path: `${ARTIFACTS}/community-settings.png`, fullPage: true });

    const stored = async (sql: string) => (await harness.dataSource.query(sql))[0];
    expect(await stored(`SELECT every_days FROM visit_frequencies WHERE risk_level = 'key'`)).toEqual({
      every_days: 14,
    });
    expect(await stored(`SELECT cap_yuan FROM adaptation_caps WHERE category = 'living_alone'`)).toEqual({
      cap_yuan: 1200,
    });
    expect(await stored('SELECT budget_yuan FROM adaptation_budgets WHERE year = 2027')).toEqual({
      budget_yuan: '800000',
    });
  });

  it('shows the supervisor a case whose step is past its deadline on the late list, and opens it from there', async () => {
    const late = await createTestElderInPlace(harness.dataSource, { name: '龚秋菊' });
    // A neighbour of the first elder, in the supervisor's district.
    await harness.dataSource.query('UPDATE elders SET community_id = $2 WHERE id = $1', [
      late.elderId,
      elder.communityId,
    ]);
    const supervisor = await new UserRepository(harness.dataSource).findByUsername(supervisorName);
    const id = await new AdaptationCaseRepository(harness.dataSource).open({
      elderId: late.elderId,
      subsidised: false,
      capYuan: 0,
      needs: '',
      appliedBy: supervisor!.id,
      deadline: null,
    });
    await harness.dataSource.query(
      `UPDATE adaptation_cases SET stage_entered_at = now() - interval '11 days' WHERE id = $1`,
      [id],
    );
    const page = await signedInPage(supervisorName);
    await page.getByTestId('nav-adaptation').click();
    const row = page.locator(`[data-testid="adaptation-late-row"][data-case-id="${id}"]`);
    await row.filter({ hasText: '龚秋菊' }).waitFor();
    expect(await page.getByTestId('adaptation-late-row').count()).toBe(1);
    await row.getByRole('button').click();
    await page.locator('[data-testid="adaptation-step-form"][data-step="assess"]').waitFor();
  });
});
