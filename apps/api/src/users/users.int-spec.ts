import type { UserInput, UserView } from '@eldercare/contracts';
import type { Role } from '@eldercare/domain';
import { CarePlanRepository } from '@eldercare/persistence';
import { ApiClient, createTestElderInPlace, createTestUser, TEST_PASSWORD, type TestElder } from '@eldercare/testing';
import { randomBytes, randomUUID } from 'node:crypto';
import { PlatformUnderTest } from '@eldercare/test/platform/platform-under-test';

describe('user accounts over the api', () => {
  let harness: PlatformUnderTest;
  let place: TestElder;
  let admin: ApiClient;
  let adminId: string;

  const username = (prefix = 'user') => `${prefix}-${randomBytes(4).toString('hex')}`;
  const operatorInput = (overrides: Partial<UserInput> = {}): UserInput => ({
    username: username('zhangmin'),
    displayName: '张敏',
    password: 'a long enough secret',
    role: 'operator',
    regionIds: [place.streetId],
    elderIds: [],
    ...overrides,
  });

  async function clientOf(role: Role, scope: { regionIds?: string[]; elderIds?: string[] } = {}): Promise<ApiClient> {
    const user = await createTestUser(harness.dataSource, role, scope);
    return ApiClient.signedIn(harness.apiUrl, user.username, TEST_PASSWORD);
  }

  beforeAll(async () => {
    harness = await PlatformUnderTest.start();
    place = await createTestElderInPlace(harness.dataSource);
    const adminUser = await createTestUser(harness.dataSource, 'admin', { displayName: '管理员' });
    adminId = adminUser.id;
    admin = await ApiClient.signedIn(harness.apiUrl, adminUser.username, TEST_PASSWORD);
  });

  afterAll(async () => {
    await harness?.stop();
  });

  it('creates an operator who can sign in with the password, kept only as a scrypt hash, and audits it', async () => {
    const input = operatorInput();

    const created = await admin.post<UserView>('/api/users', input);

    expect(created).toMatchObject({
      status: 201,
      body: {
        id: expect.any(String),
        username: input.username,
        displayName: '张敏',
        role: 'operator',
        regionIds: [place.streetId],
        elderIds: [],
        providerId: null,
        disabled: false,
        createdAt: expect.any(String),
      },
    });
    const [row] = await harness.dataSource.query('SELECT password_hash FROM users WHERE id = $1', [created.body.id]);
    expect(row.password_hash).toMatch(/^scrypt\$/);
    expect(row.password_hash).not.toContain(input.password);
    const signedIn = await ApiClient.signedIn(harness.apiUrl, input.username, input.password);
    expect((await signedIn.get('/api/auth/me')).status).toBe(200);
    const [audit] = await harness.dataSource.query(`SELECT user_id, action, detail FROM audit_log WHERE subject = $1`, [
      `user:${created.body.id}`,
    ]);
    expect(audit).toEqual({
      user_id: adminId,
      action: 'user.create',
      detail: { username: input.username, role: 'operator' },
    });
  });

  it('lower-cases the user name, as sign-in does, and gives a family member their elder', async () => {
    const name = username('WangLi');

    const created = await admin.post<UserView>(
      '/api/users',
      operatorInput({ username: `  ${name} `, role: 'family', regionIds: [], elderIds: [place.elderId] }),
    );

    expect(created).toMatchObject({
      status: 201,
      body: { username: name.toLowerCase(), role: 'family', regionIds: [], elderIds: [place.elderId] },
    });
  });

  it('ties a caregiver to the provider they work for, which must exist', async () => {
    const providerId = await new CarePlanRepository(harness.dataSource).insertProvider({
      name: `颐康护理-${randomUUID().slice(0, 6)}`,
    });
    const created = await admin.post<UserView>(
      '/api/users',
      operatorInput({ username: username('liufang'), role: 'caregiver', regionIds: [], providerId }),
    );
    expect(created).toMatchObject({ status: 201, body: { role: 'caregiver', providerId } });
    const refused = await admin.post(
      '/api/users',
      operatorInput({ username: username('nobody'), role: 'caregiver', regionIds: [], providerId: randomUUID() }),
    );
    expect(refused).toMatchObject({ status: 404, body: { error: { code: 'provider-not-found' } } });
  });

  it('lists every account, a disabled one included, without any password hash', async () => {
    const { body: created } = await admin.post<UserView>('/api/users', operatorInput());
    await admin.post(`/api/users/${created.id}/disable`);

    const { status, body } = await admin.get<UserView[]>('/api/users');

    expect(status).toBe(200);
    expect(body.find((user) => user.id === created.id)).toEqual({ ...created, disabled: true });
    expect(body.map((user) => user.id)).toContain(adminId);
    expect(JSON.stringify(body)).not.toMatch(/scrypt|password/i);
  });

  it.each<[string, (valid: UserInput) => unknown, RegExp]>([
    [
      'a password of 9 characters',
      (valid) => ({ ...valid, password: '123456789' }),
      /password: must be at least 10 characters/,
    ],
    ['a user name with a space inside', (valid) => ({ ...valid, username: 'zhang min' }), /username/],
    ['a user name starting with a dot', (valid) => ({ ...valid, username: '.zhangmin' }), /username/],
    ['a user name of Chinese characters', (valid) => ({ ...valid, username: '张敏' }), /username/],
    ['a user name with a zero-width space', (valid) => ({ ...valid, username: 'zhang\u200Bmin' }), /username/],
    [
      'a display name with a right-to-left override',
      (valid) => ({ ...valid, displayName: '张敏\u202E值班' }),
      /displayName: must not hold U\+202E/,
    ],
    [
      'a display name with a byte order mark',
      (valid) => ({ ...valid, displayName: '张\uFEFF敏' }),
      /displayName: must not hold U\+FEFF/,
    ],
    ['a role that does not exist', (valid) => ({ ...valid, role: 'root' }), /role/],
    ['a region id that is no uuid', (valid) => ({ ...valid, regionIds: ['东湖区'] }), /regionIds\.0/],
    ['a field an account does not have', (valid) => ({ ...valid, supervisorId: randomUUID() }), /supervisorId/],
  ])('refuses %s (400 invalid-request) and creates nobody', async (_case, make, message) => {
    const input = make(operatorInput()) as UserInput;

    const refused = await admin.post('/api/users', input);

    expect(refused).toMatchObject({
      status: 400,
      body: { error: { code: 'invalid-request', message: expect.stringMatching(message) } },
    });
    expect(
      await harness.dataSource.query('SELECT id FROM users WHERE username = $1', [
        String(input.username).trim().toLowerCase(),
      ]),
    ).toEqual([]);
  });

  it.each<[string, Partial<UserInput>, RegExp]>([
    ['an operator without a region', { regionIds: [] }, /needs at least one region/],
    ['an operator with elders', { elderIds: [randomUUID()] }, /only family members/],
    [
      'a family member with regions',
      { role: 'family', elderIds: [randomUUID()] },
      /only operators, supervisors and adaptation inspectors/,
    ],
    ['a bureau account with regions', { role: 'bureau' }, /only operators, supervisors and adaptation inspectors/],
    ['an admin with elders', { role: 'admin', regionIds: [], elderIds: [randomUUID()] }, /only family members/],
    ['a caregiver without a provider', { role: 'caregiver', regionIds: [] }, /needs the provider/],
    ['an adaptation contractor without its company', { role: 'contractor', regionIds: [] }, /needs the provider/],
    ['an adaptation inspector without a region', { role: 'inspector', regionIds: [] }, /needs at least one region/],
    ['an operator with a provider', { providerId: randomUUID() }, /belongs to no provider/],
  ])('refuses %s: the scope must fit the role (400 user-scope-mismatch)', async (_case, overrides, message) => {
    const refused = await admin.post('/api/users', operatorInput(overrides));
    expect(refused).toMatchObject({
      status: 400,
      body: { error: { code: 'user-scope-mismatch', message: expect.stringMatching(message) } },
    });
  });

  it('refuses a taken user name (409) and regions or elders that do not exist (404), creating nobody', async () => {
    const taken = operatorInput();
    await admin.post('/api/users', taken);

    const again = await admin.post('/api/users', { ...operatorInput(), username: taken.username.toUpperCase() });
    const noRegion = operatorInput({ regionIds: [randomUUID()] });
    const noElder = operatorInput({ role: 'family', regionIds: [], elderIds: [randomUUID()] });

    expect(again).toMatchObject({ status: 409, body: { error: { code: 'username-taken' } } });
    expect(await admin.post('/api/users', noRegion)).toMatchObject({
      status: 404,
      body: { error: { code: 'region-not-found' } },
    });
    expect(await admin.post('/api/users', noElder)).toMatchObject({
      status: 404,
      body: { error: { code: 'elder-not-found' } },
    });
    expect(
      await harness.dataSource.query('SELECT id FROM users WHERE username = ANY($1)', [
        [noRegion.username, noElder.username],
      ]),
    ).toEqual([]);
  });

  it('disables a user (204): their open session ends at once, they cannot sign in again, and it is audited', async () => {
    const input = operatorInput();
    const { body: created } = await admin.post<UserView>('/api/users', input);
    const theirs = await ApiClient.signedIn(harness.apiUrl, input.username, input.password);

    const disabled = await admin.post(`/api/users/${created.id}/disable`);

    expect(disabled.status).toBe(204);
    expect(await theirs.get('/api/auth/me')).toMatchObject({
      status: 401,
      body: { error: { code: 'unauthenticated' } },
    });
    expect(
      (
        await new ApiClient(harness.apiUrl).post('/api/auth/login', {
          username: input.username,
          password: input.password,
        })
      ).status,
    ).toBe(401);
    const [{ n }] = await harness.dataSource.query('SELECT count(*)::int AS n FROM user_sessions WHERE user_id = $1', [
      created.id,
    ]);
    expect(n).toBe(0);
    const [audit] = await harness.dataSource.query(
      `SELECT action FROM audit_log WHERE subject = $1 AND action = 'user.disable'`,
      [`user:${created.id}`],
    );
    expect(audit).toEqual({ action: 'user.disable' });
  });

  it('refuses to disable a user twice (409), one that does not exist (404), and the admin’s own account (400)', async () => {
    const { body: created } = await admin.post<UserView>('/api/users', operatorInput());
    await admin.post(`/api/users/${created.id}/disable`);

    expect(await admin.post(`/api/users/${created.id}/disable`)).toMatchObject({
      status: 409,
      body: { error: { code: 'user-already-disabled' } },
    });
    expect(await admin.post(`/api/users/${randomUUID()}/disable`)).toMatchObject({
      status: 404,
      body: { error: { code: 'user-not-found' } },
    });
    expect(await admin.post('/api/users/not-a-uuid/disable')).toMatchObject({
      status: 404,
      body: { error: { code: 'user-not-found' } },
    });
    expect(await admin.post(`/api/users/${adminId}/disable`)).toMatchObject({
      status: 400,
      body: { error: { code: 'user-is-yourself' } },
    });
    expect((await admin.get('/api/auth/me')).status).toBe(200);
  });

  it.each<Role>(['supervisor', 'operator', 'bureau', 'family'])(
    'lets no %s list, create or disable users (403)',
    async (role) => {
      const sut = await clientOf(
        role,
        role === 'family' ? { elderIds: [place.elderId] } : role === 'bureau' ? {} : { regionIds: [place.districtId] },
      );
      const before = await harness.dataSource.query('SELECT count(*)::int AS n FROM users');

      const answers = await Promise.all([
        sut.get('/api/users'),
        sut.post('/api/users', operatorInput({ role: 'admin', regionIds: [] })),
        sut.post(`/api/users/${adminId}/disable`),
      ]);

      expect(answers.map((answer) => [answer.status, (answer.body as { error: { code: string } }).error.code])).toEqual(
        [
          [403, 'forbidden'],
          [403, 'forbidden'],
          [403, 'forbidden'],
        ],
      );
      expect(await harness.dataSource.query('SELECT count(*)::int AS n FROM users')).toEqual(before);
    },
  );
});
