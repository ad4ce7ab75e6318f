import { createTestDatabase, testEnvironment, type TestDatabase } from '@eldercare/testing';
import { startTestApi } from '@eldercare/test/api/test-api';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { randomBytes } from 'node:crypto';

describe('security headers', () => {
  let database: TestDatabase;
  let api: { app: NestExpressApplication; apiUrl: string };

  beforeAll(async () => {
    database = await createTestDatabase();
    api = await startTestApi(
      database.url,
      testEnvironment.redisUrl,
      `headers-${randomBytes(4).toString('hex')}`,
      'mqtt://127.0.0.1:9',
    );
  });

  afterAll(async () => {
    await api?.app.close();
    await database?.drop();
  });

  const directivesOf = (headers: Headers) =>
    Object.fromEntries(
      (headers.get('content-security-policy') ?? '').split(';').map((directive) => {
        const [name, ...sources] = directive.trim().split(/\s+/);
        return [name, sources];
      }),
    );

  it('serves the console under a CSP of its own origin and the tile server, never framed, never sniffed', async () => {
    const sut = await fetch(`${api.apiUrl}/alerts/some-deep-link`);

    expect(directivesOf(sut.headers)).toMatchObject({
      'default-src': ["'self'"],
      'script-src': ["'self'"],
      'style-src': ["'self'"],
      'img-src': ["'self'", 'data:', 'http://127.0.0.1:9'],
      'connect-src': ["'self'"],
      'object-src': ["'none'"],
      'frame-ancestors': ["'none'"],
    });
    expect(sut.headers.get('x-frame-options')).toBe('DENY');
    expect(sut.headers.get('x-content-type-options')).toBe('nosniff');
    expect(sut.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it.each([
    ['an answer', '/api/auth/me'],
    ['a refusal', '/api/elders'],
    ['a route nobody serves', '/api/nothing-here'],
    ['the console settings', '/api/console/settings'],
  ])('lets no one keep a copy of %s of /api', async (_case, path) => {
    const sut = await fetch(`${api.apiUrl}${path}`);

    expect(sut.headers.get('cache-control')).toBe('no-store');
    expect(sut.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('lets only the OpenAPI page use inline styles', async () => {
    const sut = await fetch(`${api.apiUrl}/api/docs`);

    expect(sut.status).toBe(200);
    expect(directivesOf(sut.headers)['style-src']).toEqual(["'self'", "'unsafe-inline'"]);
    expect(directivesOf(sut.headers)['script-src']).toEqual(["'self'"]);
  });
});
