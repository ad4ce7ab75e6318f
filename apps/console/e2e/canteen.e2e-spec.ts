import { CanteenRepository, CarePlanRepository } from '@eldercare/persistence';
import { ApiClient, createTestElderInPlace, createTestUser, TEST_PASSWORD, type TestElder } from '@eldercare/testing';
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { cameraView, jpegOf, sampleFaces } from '@eldercare/sample-faces';
import { writeY4m } from '@eldercare/test/faces/fake-camera-video';
import { PlatformUnderTest } from '@eldercare/test/platform/platform-under-test';
import { launchChromium, launchChromiumWithCamera, signInToConsole } from '@eldercare/test/console/console-browser';

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
  let communityId: string;

  beforeAll(async () => {
    await mkdir(ARTIFACTS, { recursive: true });
    harness = await PlatformUnderTest.start();
    browser = await launchChromium();
    elder = await createTestElderInPlace(harness.dataSource, { name: '贺素芬' });
    await harness.dataSource.query(`UPDATE elders SET categories = '{living_alone,extreme_poverty}' WHERE id = $1`, [
      elder.elderId,
    ]);
    communityId = elder.communityId;
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

  it('finds the elder by the camera, records a 1-yuan meal by face, and takes a second only at the full price', async () => {
    // The camera shows one of the sample photos' faces, turning a little every half second, in a loop.
    const [face] = await sampleFaces(1);
    const video = resolve(ARTIFACTS, 'canteen-camera.y4m');
    await writeY4m(video, [cameraView(face), cameraView(face, { narrower: 0.08 })], 0.5);
    const photo = jpegOf(cameraView(face, { width: 480, height: 480 })).toString('base64');
    const diner = await createTestElderInPlace(harness.dataSource, { name: '刷脸老人' });
    // In the canteen's community, so its district subsidises them.
    await harness.dataSource.query(
      `UPDATE elders SET categories = '{extreme_poverty}', community_id = $2 WHERE id = $1`,
      [diner.elderId, communityId],
    );
    const admin = await ApiClient.signedIn(
      harness.apiUrl,
      (await createTestUser(harness.dataSource, 'admin')).username,
      TEST_PASSWORD,
    );
    expect((await admin.request('PUT', `/api/elders/${diner.elderId}/face`, { photo })).status).toBe(204);

    const cameraBrowser = await launchChromiumWithCamera(video);
    try {
      const page = await signInToConsole(cameraBrowser, harness.apiUrl, cashier.username, {
        context: { ...TABLET, permissions: ['camera'] },
      });
      await page.locator('[data-testid="face-camera"][data-state="on"]').waitFor();
      const findByFace = async () => {
        await page.getByTestId('face-check').click();
        await page.locator(`[data-testid="canteen-diner"][data-identified-by="face"]`).waitFor({ timeout: 60_000 });
      };

      await findByFace();
      const card = page.getByTestId('canteen-diner');
      expect(await card.locator('h2').textContent()).toBe('刷脸老人');
      expect(await card.getAttribute('data-subsidy')).toBe('1400');
      expect(await page.getByTestId('canteen-pay').textContent()).toContain('1.00');
      expect(await page.getByTestId('canteen-face-result').textContent()).toContain('人脸有活动');
      await page.getByTestId('canteen-snapshot').waitFor();
      await page.screenshot({ path: `${ARTIFACTS}/canteen-face.png`, fullPage: true });
      await page.getByTestId('canteen-serve').click();
      await page.getByTestId('canteen-served').waitFor();

      await findByFace();
      expect(await card.getAttribute('data-already-subsidised')).toBe('true');
      expect(await page.getByTestId('canteen-pay').textContent()).toContain('15.00');
      expect(await page.getByTestId('canteen-serve').count()).toBe(0);
      await page.getByTestId('canteen-serve-full-price').click();
      await page.getByTestId('canteen-served').waitFor();
      await page.locator(`[data-testid="canteen-meal"][data-elder-id="${diner.elderId}"]`).nth(1).waitFor();
    } finally {
      await cameraBrowser.close();
    }

    const rows: Record<string, unknown>[] = await harness.dataSource.query(
      `SELECT t.identified_by, t.subsidy_cents, t.self_pay_cents, t.liveness, t.match_score > 0.6 AS matched,
         c.liveness_score > 0 AS moved, c.cashier_id = t.cashier_id AS same_cashier
       FROM meal_transactions t JOIN face_checks c ON c.id = t.face_check_id
       WHERE t.elder_id = $1 ORDER BY t.served_at`,
      [diner.elderId],
    );
    const byFace = { identified_by: 'face', liveness: 'moved', matched: true, moved: true, same_cashier: true };
    expect(rows).toEqual([
      { ...byFace, subsidy_cents: 1400, self_pay_cents: 100 },
      { ...byFace, subsidy_cents: 0, self_pay_cents: 1500 },
    ]);
  }, 180_000);

  it('refuses a face that never moves, as a still picture shows it, and the cashier serves by card with a reason', async () => {
    // Another face than the moving one's: two elders enrolled with one face would match neither.
    const [, face] = await sampleFaces(2);
    const video = resolve(ARTIFACTS, 'canteen-still-camera.y4m');
    await writeY4m(video, [cameraView(face)], 1);
    const photo = jpegOf(cameraView(face, { width: 480, height: 480 })).toString('base64');
    const diner = await createTestElderInPlace(harness.dataSource, { name: '照片老人' });
    await harness.dataSource.query(`UPDATE elders SET community_id = $2 WHERE id = $1`, [diner.elderId, communityId]);
    const admin = await ApiClient.signedIn(
      harness.apiUrl,
      (await createTestUser(harness.dataSource, 'admin')).username,
      TEST_PASSWORD,
    );
    expect((await admin.request('PUT', `/api/elders/${diner.elderId}/face`, { photo })).status).toBe(204);
    const dinerCard = (await admin.request<{ code: string }>('PUT', `/api/elders/${diner.elderId}/meal-card`)).body
      .code;

    const cameraBrowser = await launchChromiumWithCamera(video);
    try {
      const page = await signInToConsole(cameraBrowser, harness.apiUrl, cashier.username, {
        context: { ...TABLET, permissions: ['camera'] },
      });
      await page.locator('[data-testid="face-camera"][data-state="on"]').waitFor();
      await page.getByTestId('face-check').click();
      await page.getByTestId('canteen-find-error').waitFor({ timeout: 60_000 });
      expect(await page.getByTestId('canteen-find-error').textContent()).toContain('没有活动迹象');
      expect(await page.getByTestId('canteen-diner').count()).toBe(0);

      await page.getByTestId('canteen-value').fill(dinerCard);
      await page.getByTestId('canteen-reason').fill('刷脸未通过活体检测');
      await page.getByTestId('canteen-find').click();
      await page.getByTestId('canteen-serve').click();
      await page.getByTestId('canteen-served').waitFor();
    } finally {
      await cameraBrowser.close();
    }

    const checks: Record<string, unknown>[] = await harness.dataSource.query(
      'SELECT liveness, liveness_score FROM face_checks WHERE elder_id = $1',
      [diner.elderId],
    );
    expect(checks).toEqual([{ liveness: 'still', liveness_score: 0 }]);
    const meals: Record<string, unknown>[] = await harness.dataSource.query(
      'SELECT identified_by, identify_reason, face_check_id FROM meal_transactions WHERE elder_id = $1',
      [diner.elderId],
    );
    expect(meals).toEqual([{ identified_by: 'qr', identify_reason: '刷脸未通过活体检测', face_check_id: null }]);
  }, 180_000);
});
