import type { SessionUser } from '@eldercare/contracts';
import type { UserRecord } from '@eldercare/persistence';
import { ApiClient, createTestUser, TEST_PASSWORD, type ApiAnswer } from '@eldercare/testing';
import { randomBytes, randomUUID } from 'node:crypto';
import { PlatformUnderTest } from '@eldercare/test/platform/platform-under-test';
import { LOGIN_LIMITS } from './login-throttle';
import { SESSION_COOKIE } from './session-cookie';
import { hashSessionToken } from './session-token';

/** Express's JSON body limit (100 KiB): a body this long is refused before any route sees it. */
const BODY_LIMIT_BYTES = 100 * 1024;

/** The only routes anyone may call without a session. */
const PUBLIC_ROUTES = ['POST /api/auth/login', 'GET /health'];

describe('signing in to the api', () => {
  let harness: PlatformUnderTest;

  beforeAll(async () => {
    harness = await PlatformUnderTest.start();
  });

  afterAll(async () => {
    await harness?.stop();
  });

  const newUser = (): Promise<UserRecord> => createTestUser(harness.dataSource, 'operator', { displayName: '张敏' });
  const signIn = (username: string, password: string): Promise<ApiAnswer> =>
    new ApiClient(harness.apiUrl).post('/api/auth/login', { username, password });

  /** A request carrying exactly this Cookie header, as a browser holding an old or made-up cookie would send. */
  async function withCookie(cookie: string, method: string, path: string): Promise<ApiAnswer> {
    const response = await fetch(`${harness.apiUrl}${path}`, { method, headers: { cookie } });
    const text = await response.text();
    return {
      status: response.status,
      body: response.headers.get('content-type')?.includes('application/json') && text ? JSON.parse(text) : text,
      headers: response.headers,
    };
  }

  it('sets an httpOnly, SameSite=Strict session cookie, and "me" answers the user it belongs to', async () => {
    const user = await newUser();
    const sut = new ApiClient(harness.apiUrl);

    const signedIn = await sut.post<SessionUser>('/api/auth/login', {
      username: user.username,
      password: TEST_PASSWORD,
    });

    expect(signedIn).toMatchObject({
      status: 200,
      body: { id: user.id, username: user.username, displayName: '张敏', role: 'operator' },
    });
    const cookie = signedIn.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(new RegExp(`^${SESSION_COOKIE}=[A-Za-z0-9_-]{43};`));
    expect(cookie).toMatch(/;\s*HttpOnly(;|$)/i);
    expect(cookie).toMatch(/;\s*SameSite=Strict(;|$)/i);
    expect(cookie).toMatch(/;\s*Path=\/(;|$)/i);
    expect(await sut.get<SessionUser>('/api/auth/me')).toMatchObject({
      status: 200,
      body: { id: user.id, username: user.username, role: 'operator' },
    });
  });

  it('answers a wrong password and an unknown user alike: 401, same body, no cookie', async () => {
    const user = await newUser();

    const wrongPassword = await signIn(user.username, `${TEST_PASSWORD}!`);
    const unknownUser = await signIn(`nobody-${randomBytes(4).toString('hex')}`, TEST_PASSWORD);

    expect(wrongPassword).toMatchObject({ status: 401, body: { error: { code: 'invalid-credentials' } } });
    expect(unknownUser.status).toBe(401);
    expect(unknownUser.body).toEqual(wrongPassword.body);
    expect(wrongPassword.headers.get('set-cookie')).toBeNull();
    expect(unknownUser.headers.get('set-cookie')).toBeNull();
  });

  it(`slows a guesser after ${LOGIN_LIMITS.free.pair} wrong passwords, without locking the owner out`, async () => {
    const [guessed, other] = await Promise.all([newUser(), newUser()]);
    /** A sign-in from `address` (the api trusts X-Forwarded-For from this machine). */
    const signInFrom = (address: string, username: string, password: string) =>
      fetch(`${harness.apiUrl}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
        body: JSON.stringify({ username, password }),
      });
    const [owners, guessers, newcomers] = ['203.0.113.10', '203.0.113.66', '203.0.113.20'];
    expect((await signInFrom(owners, guessed.username, TEST_PASSWORD)).status).toBe(200);
    for (let attempt = 0; attempt < LOGIN_LIMITS.free.pair; attempt++)
      expect((await signInFrom(guessers, guessed.username, `wrong-${attempt}`)).status).toBe(401);

    const refused = await signInFrom(guessers, guessed.username, TEST_PASSWORD);

    expect(refused.status).toBe(429);
    const retryAfterSec = Number(refused.headers.get('retry-after'));
    expect(retryAfterSec).toBeGreaterThanOrEqual(1);
    expect(await refused.json()).toMatchObject({ error: { code: 'too-many-attempts', details: { retryAfterSec } } });
    expect(refused.headers.get('set-cookie')).toBeNull();
    // The wait is kept by the name as signed in, whatever its case.
    expect((await signInFrom(guessers, guessed.username.toUpperCase(), TEST_PASSWORD)).status).toBe(429);
    // The owner, and anyone else, still get in.
    expect((await signInFrom(owners, guessed.username, TEST_PASSWORD)).status).toBe(200);
    expect((await signInFrom(newcomers, guessed.username, TEST_PASSWORD)).status).toBe(200);
    expect((await signInFrom(guessers, other.username, TEST_PASSWORD)).status).toBe(200);
  });

  it(`checks at most ${LOGIN_LIMITS.free.pair} of many wrong passwords sent at once, and refuses the rest`, async () => {
    const user = await newUser();

    // From an address of their own (the api trusts X-Forwarded-For from this machine), so that this file's other
    // tests keep their address far from its own limit.
    const guess = (attempt: number) =>
      fetch(`${harness.apiUrl}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': '198.51.100.7' },
        body: JSON.stringify({ username: user.username, password: `wrong-${attempt}` }),
      });

    const statuses = (
      await Promise.all(Array.from({ length: 2 * LOGIN_LIMITS.free.pair }, (_, attempt) => guess(attempt)))
    ).map((answer) => answer.status);

    expect(statuses.filter((status) => status === 401)).toHaveLength(LOGIN_LIMITS.free.pair);
    expect(statuses.filter((status) => status === 429)).toHaveLength(LOGIN_LIMITS.free.pair);
  });

  it('ends the session on sign-out: the old cookie no longer opens "me"', async () => {
    const user = await newUser();
    const sut = await ApiClient.signedIn(harness.apiUrl, user.username, TEST_PASSWORD);
    const oldCookie = sut.cookieHeader;

    const signedOut = await sut.post('/api/auth/logout');

    expect(signedOut.status).toBe(204);
    expect(signedOut.headers.get('set-cookie')).toMatch(
      new RegExp(`^${SESSION_COOKIE}=;.*Expires=Thu, 01 Jan 1970`, 'i'),
    );
    expect(await withCookie(oldCookie, 'GET', '/api/auth/me')).toMatchObject({
      status: 401,
      body: { error: { code: 'unauthenticated' } },
    });
    expect(await sut.get('/api/auth/me')).toMatchObject({ status: 401, body: { error: { code: 'unauthenticated' } } });
  });

  it('refuses a disabled user: the open session stops working and signing in again fails', async () => {
    const user = await newUser();
    const sut = await ApiClient.signedIn(harness.apiUrl, user.username, TEST_PASSWORD);

    await harness.dataSource.query('UPDATE users SET disabled_at = now() WHERE id = $1', [user.id]);

    expect(await sut.get('/api/auth/me')).toMatchObject({ status: 401, body: { error: { code: 'unauthenticated' } } });
    expect(await signIn(user.username, TEST_PASSWORD)).toMatchObject({
      status: 401,
      body: { error: { code: 'invalid-credentials' } },
    });
  });

  it.each([
    ['a made-up token of the right shape', () => `${SESSION_COOKIE}=${randomBytes(32).toString('base64url')}`],
    ['garbage', () => `${SESSION_COOKIE}=%%%not-a-token%%%; other=1`],
    ['an empty session cookie', () => `${SESSION_COOKIE}=`],
  ])('answers a forged cookie (%s) with 401', async (_name, cookie) => {
    expect(await withCookie(cookie(), 'GET', '/api/auth/me')).toMatchObject({
      status: 401,
      body: { error: { code: 'unauthenticated' } },
    });
  });

  it('opens no session with what the database keeps: the hash of the token, not the token', async () => {
    const user = await newUser();
    const sut = await ApiClient.signedIn(harness.apiUrl, user.username, TEST_PASSWORD);
    const token = sut.cookieHeader.slice(`${SESSION_COOKIE}=`.length);
    const stored: { token_hash: string }[] = await harness.dataSource.query(
      'SELECT token_hash FROM user_sessions WHERE user_id = $1',
      [user.id],
    );

    expect(stored.map((session) => session.token_hash)).toEqual([hashSessionToken(token)]);
    expect(await withCookie(`${SESSION_COOKIE}=${stored[0].token_hash}`, 'GET', '/api/auth/me')).toMatchObject({
      status: 401,
      body: { error: { code: 'unauthenticated' } },
    });
    expect((await sut.get('/api/auth/me')).status).toBe(200);
  });

  describe('a sign-in request that cannot be read', () => {
    it.each([
      ['malformed JSON', (username: string) => ['{"username": "' + username + '", "password": ', undefined] as const],
      [
        'an unknown field',
        (username: string) => [undefined, { username, password: TEST_PASSWORD, remember: true }] as const,
      ],
      ['a 100 kB password', (username: string) => [undefined, { username, password: 'x'.repeat(100_000) }] as const],
      ['no password', (username: string) => [undefined, { username }] as const],
    ])('is refused as invalid (%s), 400 invalid-request', async (_name, request) => {
      const user = await newUser();
      const [rawBody, body] = request(user.username);

      const refused = await new ApiClient(harness.apiUrl).request('POST', '/api/auth/login', body, rawBody);

      expect(refused).toMatchObject({ status: 400, body: { error: { code: 'invalid-request' } } });
      expect(refused.headers.get('set-cookie')).toBeNull();
    });

    it('is not counted as a failed sign-in', async () => {
      const user = await newUser();
      const client = new ApiClient(harness.apiUrl);
      // One short of the limit: a single unreadable request counted as a failure would lock the account.
      for (let attempt = 1; attempt < LOGIN_LIMITS.free.pair; attempt++) {
        expect((await signIn(user.username, `wrong-${attempt}`)).status).toBe(401);
      }

      const unreadable = [
        await client.request(
          'POST',
          '/api/auth/login',
          undefined,
          `{"username": "${user.username}", "password": "${TEST_PASSWORD}"`,
        ),
        await client.post('/api/auth/login', { username: user.username, password: 'wrong', remember: true }),
        await client.post('/api/auth/login', { username: user.username, password: 'x'.repeat(100_000) }),
      ];
      // Whatever a body over the parser's limit is answered (see below), it never reaches the sign-in either.
      await client.post('/api/auth/login', { username: user.username, password: 'x'.repeat(BODY_LIMIT_BYTES) });

      expect(unreadable.map((answer) => answer.status)).toEqual(unreadable.map(() => 400));
      expect((await signIn(user.username, TEST_PASSWORD)).status).toBe(200);
    });

    it('is refused as a client error, not a server failure, when the body is over the parser limit', async () => {
      const refused = await new ApiClient(harness.apiUrl).post('/api/auth/login', {
        username: 'nobody-here',
        password: 'x'.repeat(BODY_LIMIT_BYTES),
      });

      expect(refused.status).toBe(413);
      expect(refused.body).toMatchObject({ error: { code: 'invalid-request' } });
    });
  });

  describe('without a session', () => {
    let routes: string[];

    beforeAll(async () => {
      const { body: document } = await new ApiClient(harness.apiUrl).get<{
        paths: Record<string, Record<string, unknown>>;
      }>('/api/docs-json');
      routes = Object.entries(document.paths).flatMap(([path, operations]) =>
        Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
      );
    });

    it('knows every route the api serves (its OpenAPI document), public ones included', () => {
      const known = [
        ...[
          'GET /api/auth/me',
          'POST /api/auth/logout',
          'GET /api/console/settings',
          'GET /api/regions',
          'GET /api/audit',
          'GET /api/elders/{id}',
        ],
        ...['GET /api/alerts/open', 'GET /api/alerts', 'GET /api/alerts/{id}'],
        ...['shown', 'claim', 'calls', 'dispatches', 'resolve'].map((action) => `POST /api/alerts/{id}/${action}`),
      ];
      expect(routes).toEqual(expect.arrayContaining([...PUBLIC_ROUTES, ...known]));
    });

    it('answers every route but sign-in and health with 401 unauthenticated', async () => {
      const guarded = routes.filter((route) => !PUBLIC_ROUTES.includes(route));
      const answers = await Promise.all(
        guarded.map(async (route) => {
          const [method, path] = route.split(' ');
          const answer = await new ApiClient(harness.apiUrl).request(
            method,
            path.replaceAll(/\{[^}]+\}/g, randomUUID()),
            method === 'GET' ? undefined : {},
          );
          return { route, status: answer.status, body: answer.body };
        }),
      );

      expect(answers).toEqual(
        guarded.map((route) => ({
          route,
          status: 401,
          body: { error: { code: 'unauthenticated', message: expect.any(String) } },
        })),
      );
    });

    it('still answers the public routes', async () => {
      const client = new ApiClient(harness.apiUrl);
      expect((await client.get('/health')).status).toBe(200);
      expect((await client.post('/api/auth/login', { username: 'nobody-here', password: 'wrong' })).status).toBe(401);
    });
  });
});
