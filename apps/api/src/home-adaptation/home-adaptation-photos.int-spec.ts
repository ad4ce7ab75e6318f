import type { PhotoStorageOptions } from '@eldercare/api';
import type { AdaptationCaseView, AdaptationPhotoView } from '@eldercare/contracts';
import { openDatabase } from '@eldercare/persistence';
import {
  ApiClient,
  createTestDatabase,
  createTestElderInPlace,
  createTestUser,
  TEST_PASSWORD,
  testEnvironment,
  type TestDatabase,
} from '@eldercare/testing';
import { startTestApi } from '@eldercare/test/api/test-api';
import { startTestS3Server } from '@eldercare/test/s3/test-s3-server';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import type { DataSource } from 'typeorm';

type Refusal = { error: { code: string; message: string } };

/** The smallest PNG: one transparent pixel. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);

/** A storage backend for the api, and every photo it holds as `<case id>/<photo key>` (or with its bucket). */
interface Backend {
  photoStorage: PhotoStorageOptions;
  /** What the api must never show anybody: where the bytes are. */
  secrets: string[];
  stored(): Promise<string[]>;
  /** Makes the store unable to keep anything more. */
  breakDown(): Promise<void>;
  stop(): Promise<void>;
}

async function localDisk(): Promise<Backend> {
  const dir = await mkdtemp(join(tmpdir(), 'eldercare-api-photos-'));
  return {
    photoStorage: { kind: 'local', dir },
    secrets: [dir],
    async stored() {
      const entries = await readdir(dir, { recursive: true, withFileTypes: true });
      return entries
        .filter((entry) => entry.isFile())
        .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'));
    },
    // A file where the folder was: nothing can be written under it, even by root.
    breakDown: async () => {
      await rm(dir, { recursive: true, force: true });
      await writeFile(dir, '');
    },
    stop: () => rm(dir, { recursive: true, force: true }),
  };
}

async function s3(): Promise<Backend> {
  const server = await startTestS3Server();
  let running = true;
  const stop = async () => {
    if (running) await server.stop();
    running = false;
  };
  return {
    photoStorage: server.photoStorage,
    secrets: [server.endpoint, server.photoStorage.bucket, `:${new URL(server.endpoint).port}`],
    stored: async () => (await server.objects()).map((name) => name.slice(`${server.photoStorage.bucket}/`.length)),
    breakDown: stop,
    stop,
  };
}

describe.each([
  ['on local disk', localDisk],
  ['in an S3-compatible store', s3],
])('home adaptation photos kept %s: checked before they are stored, served only through the api', (_where, start) => {
  let backend: Backend;
  let database: TestDatabase;
  let dataSource: DataSource;
  let api: { app: NestExpressApplication; apiUrl: string };
  let caseId: string;
  let staff: ApiClient;
  let family: ApiClient;
  let otherFamily: ApiClient;
  let elsewhere: ApiClient;
  let caregiver: ApiClient;

  beforeAll(async () => {
    backend = await start();
    database = await createTestDatabase();
    dataSource = await openDatabase(database.url, { poolSize: 2 });
    api = await startTestApi(
      database.url,
      testEnvironment.redisUrl,
      `photos-${randomBytes(4).toString('hex')}`,
      'mqtt://127.0.0.1:9',
      { photoStorage: backend.photoStorage },
    );
    const [elder, other] = await Promise.all([createTestElderInPlace(dataSource), createTestElderInPlace(dataSource)]);
    const signIn = (user: { username: string }) => ApiClient.signedIn(api.apiUrl, user.username, TEST_PASSWORD);
    [staff, family, otherFamily, elsewhere, caregiver] = await Promise.all([
      createTestUser(dataSource, 'supervisor', { regionIds: [elder.districtId] }).then(signIn),
      createTestUser(dataSource, 'family', { elderIds: [elder.elderId] }).then(signIn),
      createTestUser(dataSource, 'family', { elderIds: [other.elderId] }).then(signIn),
      createTestUser(dataSource, 'supervisor', { regionIds: [other.districtId] }).then(signIn),
      createTestUser(dataSource, 'caregiver').then(signIn),
    ]);
    const opened = await staff.post<AdaptationCaseView>('/api/adaptation-cases', {
      elderId: elder.elderId,
      subsidised: false,
    });
    expect(opened.status).toBe(201);
    caseId = opened.body.id;
  });

  afterAll(async () => {
    await api?.app.close();
    await dataSource?.destroy();
    await database?.drop();
    await backend?.stop();
  });

  const send = (bytes: Buffer, type: string) =>
    staff.request<AdaptationPhotoView & Refusal>(
      'POST',
      `/api/adaptation-cases/${caseId}/photos?kind=assessment`,
      undefined,
      bytes as unknown as string,
      { 'content-type': type },
    );
  const photoUrl = (photoId: string) => `${api.apiUrl}/api/adaptation-cases/${caseId}/photos/${photoId}`;
  const photosOfCase = async (): Promise<AdaptationPhotoView[]> => {
    const { photos } = (await staff.get<AdaptationCaseView>(`/api/adaptation-cases/${caseId}`)).body;
    if (!photos) throw new Error('the case came without its photos');
    return photos;
  };

  it.each([
    ['markup sent as a PNG', Buffer.from('<svg onload="alert(1)"/>'), 'image/png', 415, 'photo-type-not-allowed'],
    ['a PNG sent as a JPEG', PNG, 'image/jpeg', 415, 'photo-type-not-allowed'],
    ['an empty body', Buffer.alloc(0), 'image/png', 415, 'photo-type-not-allowed'],
    ['a photo over 5 MiB', Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024)]), 'image/png', 413, 'photo-too-large'],
  ])('refuses %s before anything is stored', async (_case, bytes, type, status, code) => {
    expect(await send(bytes, type)).toMatchObject({ status, body: { error: { code } } });
    expect(await backend.stored()).toEqual([]);
    expect(await photosOfCase()).toEqual([]);
  });

  it('stores a photo under its case, and tells where to find it nowhere but the api', async () => {
    const stored = await send(PNG, 'image/png');
    expect(stored).toMatchObject({ status: 201, body: { kind: 'assessment', contentType: 'image/png' } });
    expect(await backend.stored()).toEqual([expect.stringMatching(new RegExp(`^${caseId}/[0-9a-f-]{36}$`))]);

    const views = [JSON.stringify(stored.body), JSON.stringify(await photosOfCase())];
    for (const view of views) for (const secret of backend.secrets) expect(view).not.toContain(secret);
    expect(views.join()).not.toMatch(/https?:|X-Amz-|Signature=/i);
  });

  it('serves the bytes itself to those who see the case, never a redirect to the store', async () => {
    const [photo] = await photosOfCase();
    for (const client of [family, staff]) {
      const seen = await fetch(photoUrl(photo.id), { headers: { cookie: client.cookieHeader }, redirect: 'manual' });
      expect(seen.status).toBe(200);
      expect(seen.headers.get('location')).toBeNull();
      expect(seen.headers.get('cache-control')).toBe('private, no-store');
      expect(Buffer.from(await seen.arrayBuffer()).equals(PNG)).toBe(true);
    }
  });

  it('serves nothing to those who may not see the case', async () => {
    const [photo] = await photosOfCase();
    const asked = async (client?: ApiClient) => {
      const response = await fetch(photoUrl(photo.id), {
        headers: client ? { cookie: client.cookieHeader } : {},
        redirect: 'manual',
      });
      const body = await response.text();
      expect(body).not.toContain(PNG.toString('latin1'));
      for (const secret of backend.secrets) expect(body).not.toContain(secret);
      expect(response.headers.get('location')).toBeNull();
      return { status: response.status, code: (JSON.parse(body) as Refusal).error.code };
    };
    expect(await asked()).toEqual({ status: 401, code: 'unauthenticated' });
    expect(await asked(caregiver)).toEqual({ status: 403, code: 'forbidden' });
    expect(await asked(elsewhere)).toEqual({ status: 404, code: 'adaptation-case-not-found' });
    expect(await asked(otherFamily)).toEqual({ status: 404, code: 'adaptation-case-not-found' });
  });

  it('records no photo when the store cannot keep it, and says nothing of the store', async () => {
    await backend.breakDown();
    const before = await photosOfCase();
    const failed = await send(PNG, 'image/png');
    expect(failed).toMatchObject({ status: 500, body: { error: { code: 'internal-error' } } });
    for (const secret of backend.secrets) expect(JSON.stringify(failed.body)).not.toContain(secret);
    expect(await photosOfCase()).toEqual(before);
  });
});
