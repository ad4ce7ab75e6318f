import { createTestElderInPlace, createTestUser, type TestElder } from '@eldercare/testing';
import { mkdir } from 'node:fs/promises';
import { type Browser, type Page } from 'playwright-core';
import { cameraView, jpegOf, sampleFaces } from '@eldercare/sample-faces';
import { PlatformUnderTest } from '@eldercare/test/platform/platform-under-test';
import { launchChromium, signInToConsole } from '@eldercare/test/console/console-browser';

const ARTIFACTS = 'test-artifacts/e2e';
/** A descriptor in an answer: a key naming it, or a run of 128 numbers. */
const DESCRIPTOR_IN_TEXT = /"(embedding|descriptor)"|\[\s*(-?\d+(\.\d+)?(e[-+]?\d+)?\s*,\s*){127}/i;

describe('face enrolment on the elder page in Chromium', () => {
  let harness: PlatformUnderTest;
  let browser: Browser;
  let elder: TestElder;

  beforeAll(async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    harness = await PlatformUnderTest.start();
    browser = await launchChromium();
    elder = await createTestElderInPlace(harness.dataSource, { name: '录脸老人' });
  });

  afterAll(async () => {
    await browser?.close();
    await harness?.stop();
  });

  /** Every answer of the api the page receives, as text (read when asked, once the answers are all in). */
  function recordAnswers(page: Page): () => Promise<string[]> {
    const answers: Promise<string>[] = [];
    page.on('response', (response) => {
      if (new URL(response.url()).pathname.startsWith('/api/')) answers.push(response.text().catch(() => ''));
    });
    return () => Promise.all(answers);
  }

  const enrolments = async (): Promise<{ elder_id: string; cardinality: number }[]> =>
    harness.dataSource.query(
      'SELECT elder_id, cardinality(embedding)::int AS cardinality FROM face_enrolments WHERE elder_id = $1',
      [elder.elderId],
    );

  it('a supervisor checks the ID, photographs the face, sees it enrolled, and deletes it when consent is withdrawn', async () => {
    const supervisor = await createTestUser(harness.dataSource, 'supervisor', { regionIds: [elder.districtId] });
    const page = await signInToConsole(browser, harness.apiUrl, supervisor.username);
    const answers = recordAnswers(page);
    await page.goto(`${harness.apiUrl}/elders/${elder.elderId}`);
    const status = page.getByTestId('elder-face-status');
    await page.locator('[data-testid="elder-face-status"][data-enrolled="false"]').waitFor();
    expect(await status.textContent()).toBe('未录入人脸');

    // No photo before the staff confirm the ID check and the elder's consent.
    const photoInput = page.getByTestId('elder-face-photo');
    expect(await photoInput.isDisabled()).toBe(true);
    await page.getByTestId('elder-face-consent').check();
    expect(await photoInput.isEnabled()).toBe(true);

    // A phone-sized photo: the console scales it down to fit under the api's limit before sending it.
    const [face] = await sampleFaces(1);
    const photo = jpegOf(cameraView(face, { width: 1200, height: 1600 }));
    expect(photo.toString('base64').length).toBeGreaterThan(90_000);
    await photoInput.setInputFiles({ name: 'face.jpg', mimeType: 'image/jpeg', buffer: photo });
    await page.locator('[data-testid="elder-face-status"][data-enrolled="true"]').waitFor({ timeout: 60_000 });
    expect(await status.textContent()).toMatch(/^已录入人脸 · \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    expect(await page.getByTestId('elder-face-consent').isChecked()).toBe(false);
    expect(await page.getByTestId('elder-face-error').count()).toBe(0);
    await page.screenshot({ path: `${ARTIFACTS}/face-enrolment.png`, fullPage: true });

    expect(await enrolments()).toEqual([{ elder_id: elder.elderId, cardinality: 128 }]);

    await page.getByTestId('elder-face-withdraw').click();
    await page.getByTestId('elder-face-withdraw-confirm').waitFor();
    await page.getByTestId('elder-face-withdraw-yes').click();
    await page.locator('[data-testid="elder-face-status"][data-enrolled="false"]').waitFor();
    expect(await page.getByTestId('elder-face-withdraw').count()).toBe(0);
    expect(await enrolments()).toEqual([]);
    const audit: { action: string }[] = await harness.dataSource.query(
      `SELECT action FROM audit_log WHERE elder_id = $1 AND action LIKE 'face.%' ORDER BY id`,
      [elder.elderId],
    );
    expect(audit).toEqual([{ action: 'face.enrol' }, { action: 'face.withdraw' }]);

    const texts = await answers();
    expect(texts.some((text) => text.includes('"enrolledAt"'))).toBe(true);
    expect(texts.filter((text) => DESCRIPTOR_IN_TEXT.test(text))).toEqual([]);
  }, 180_000);

  it('shows the api’s words when the picture holds no face, and enrols nothing', async () => {
    const admin = await createTestUser(harness.dataSource, 'admin');
    const page = await signInToConsole(browser, harness.apiUrl, admin.username);
    await page.goto(`${harness.apiUrl}/elders/${elder.elderId}`);
    await page.locator('[data-testid="elder-face-status"][data-enrolled="false"]').waitFor();
    await page.getByTestId('elder-face-consent').check();
    const blank = jpegOf({ width: 64, height: 64, rgb: new Uint8Array(64 * 64 * 3).fill(200) });
    await page
      .getByTestId('elder-face-photo')
      .setInputFiles({ name: 'wall.jpg', mimeType: 'image/jpeg', buffer: blank });
    await page.getByTestId('elder-face-error').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('elder-face-error').textContent()).toContain('没有清晰的人脸');
    expect(await page.getByTestId('elder-face-status').getAttribute('data-enrolled')).toBe('false');
    expect(await enrolments()).toEqual([]);
  }, 180_000);

  it('is not on the elder page of an operator, who may not enrol or withdraw faces', async () => {
    const operator = await createTestUser(harness.dataSource, 'operator', { regionIds: [elder.districtId] });
    const page = await signInToConsole(browser, harness.apiUrl, operator.username);
    await page.goto(`${harness.apiUrl}/elders/${elder.elderId}`);
    await page.getByTestId('elder-page').waitFor();
    expect(await page.getByTestId('elder-face').count()).toBe(0);
  });
});
