import { generateDeviceSecret, hashSecret, verifySecret } from './secret-hash';

describe('device secrets', () => {
  it('verifies the secret a hash was made from, and no other', async () => {
    const secret = generateDeviceSecret();
    const sut = await hashSecret(secret);
    expect(await verifySecret(secret, sut)).toBe(true);
    expect(await verifySecret(`${secret}x`, sut)).toBe(false);
  });

  it('never stores the secret itself and salts every hash', async () => {
    const secret = generateDeviceSecret();
    const [first, second] = await Promise.all([hashSecret(secret), hashSecret(secret)]);
    expect(first).not.toContain(secret);
    expect(first).not.toEqual(second);
  });

  it.each(['', 'plain', 'scrypt$16384$8$1$', 'bcrypt$x$y$z$salt$hash'])(
    'refuses a malformed stored hash %p',
    async (stored) => {
      expect(await verifySecret('anything', stored)).toBe(false);
    },
  );

  it('issues distinct, unguessable secrets', () => {
    const secrets = new Set(Array.from({ length: 100 }, generateDeviceSecret));
    expect(secrets.size).toBe(100);
    for (const secret of secrets) expect(secret).toMatch(/^[A-Za-z0-9_-]{32}$/);
  });
});
