import { createTestElderInPlace, createTestUser, type TestElder } from '@eldercare/testing';
import { type Browser } from 'playwright-core';
import { PlatformUnderTest } from '@eldercare/test/platform/platform-under-test';
import { launchChromium, signInToConsole } from '@eldercare/test/console/console-browser';

describe('a care bed at home in Chromium', () => {
  let harness: PlatformUnderTest;
  let browser: Browser;
  let elder: TestElder;
  let supervisorName: string;
  let familyName: string;

  beforeAll(async () => {
    harness = await PlatformUnderTest.start();
    browser = await launchChromium();
    elder = await createTestElderInPlace(harness.dataSource, { name: '胡秀珍' });
    await harness.dataSource.query(`UPDATE elders SET categories = '{disabled}' WHERE id = $1`, [elder.elderId]);
    supervisorName = (await createTestUser(harness.dataSource, 'supervisor', { regionIds: [elder.districtId] }))
      .username;
    familyName = (await createTestUser(harness.dataSource, 'family', { elderIds: [elder.elderId] })).username;
  });

  afterAll(async () => {
    await browser?.close();
    await harness?.stop();
  });

  it('refuses to open a care bed without a mat, opens it once one is registered, and shows it to the family', async () => {
    const page = await signInToConsole(browser, harness.apiUrl, supervisorName);
    await page.goto(`${harness.apiUrl}/elders/${elder.elderId}`);
    const panel = page.getByTestId('care-bed-panel');
    await panel.getByText('未开设家庭养老床位').waitFor();

    const fill = async () => {
      await panel.getByTestId('care-bed-level').selectOption('severe');
      await panel.locator('input[type="date"]').nth(0).fill('2026-01-05');
      await panel.locator('input[type="date"]').nth(1).fill('2026-02-01');
      await panel.getByTestId('care-bed-open').click();
    };
    await fill();
    await panel.getByText('请先为老人登记智能床垫，再开设家庭养老床位').waitFor();

    await harness.dataSource.query(
      `INSERT INTO devices (id, type, elder_id, secret_hash) VALUES ('mat-e2e-0001', 'bed_mat', $1, 'x')`,
      [elder.elderId],
    );
    await fill();
    const facts = panel.getByTestId('care-bed');
    await facts.getByText('重度失能').waitFor();
    expect(await facts.getByTestId('care-bed-devices').textContent()).toContain('智能床垫 mat-e2e-0001');
    expect(await facts.getByTestId('care-bed-adaptation').textContent()).toBe('尚无适老化改造');

    const family = await signInToConsole(browser, harness.apiUrl, familyName);
    await family.goto(`${harness.apiUrl}/elders/${elder.elderId}`);
    await family.getByTestId('care-bed').getByText('2026-01-05 评估').waitFor();
    expect(await family.getByTestId('care-bed-open').count()).toBe(0);
  });
});
