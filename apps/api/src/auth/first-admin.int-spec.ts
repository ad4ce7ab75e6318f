import { ApiClient, createTestDatabase, testEnvironment, type TestDatabase } from '@eldercare/testing';
import { randomBytes } from 'node:crypto';
import { startTestApi } from '@eldercare/test/api/test-api';

describe('the first administrator', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  });

  afterAll(async () => {
    await database?.drop();
  });

  it('is created from the settings when no user exists, and never again once one does', async () => {
    const start = (password: string) =>
      startTestApi(
        database.url,
        testEnvironment.redisUrl,
        `first-admin-${randomBytes(4).toString('hex')}`,
        'mqtt://127.0.0.1:9',
        { firstAdmin: { username: 'chief', password } },
      );

    const first = await start('first password of the chief');
    try {
      const admin = await ApiClient.signedIn(first.apiUrl, 'chief', 'first password of the chief');
      expect((await admin.get('/api/auth/me')).body).toMatchObject({ username: 'chief', role: 'admin' });
    } finally {
      await first.app.close();
    }

    const second = await start('a password someone changed in the settings');
    try {
      expect(
        (
          await new ApiClient(second.apiUrl).post('/api/auth/login', {
            username: 'chief',
            password: 'a password someone changed in the settings',
          })
        ).status,
      ).toBe(401);
    } finally {
      await second.app.close();
    }
  });
});
