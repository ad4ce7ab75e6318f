import { mayReadMetrics } from './metrics-access';

const TOKEN = 'a-scraper-token-of-32-characters';

describe('mayReadMetrics', () => {
  it.each([
    ['open, without a token', { open: true }, undefined, true],
    ['the token as a bearer token', { token: TOKEN, open: false }, `Bearer ${TOKEN}`, true],
    ['no Authorization', { token: TOKEN, open: false }, undefined, false],
    ['a wrong token of the same length', { token: TOKEN, open: false }, `Bearer ${'x'.repeat(TOKEN.length)}`, false],
    ['the token without "Bearer"', { token: TOKEN, open: false }, TOKEN, false],
    ['a prefix of the token', { token: TOKEN, open: false }, `Bearer ${TOKEN.slice(0, 10)}`, false],
    ['anything when no token is set and not open', { open: false }, 'Bearer ', false],
  ])('%s: %s', (_case, access, authorization, expected) => {
    expect(mayReadMetrics(access, authorization)).toBe(expected);
  });
});
