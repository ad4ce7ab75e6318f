import { hashSecret } from './secret-hash';
import { SecretVerifier } from './secret-verifier';

/** A verification that ends when the test says so, recording the order verifications started in. */
function controlledVerify() {
  const started: string[] = [];
  const finish = new Map<string, () => void>();
  const verify = (secret: string) =>
    new Promise<boolean>((resolve) => {
      started.push(secret);
      finish.set(secret, () => resolve(secret.startsWith('right')));
    });
  return { started, finish: (secret: string) => finish.get(secret)?.(), verify };
}

const settled = () => new Promise((resolve) => setImmediate(resolve));

describe('SecretVerifier', () => {
  it('verifies at most maxConcurrent at once, the rest waiting their turn', async () => {
    const control = controlledVerify();
    const sut = new SecretVerifier(2, control.verify);

    const answers = ['right-1', 'wrong-2', 'right-3'].map((secret) => sut.check(secret, 'hash'));
    await settled();
    expect(control.started).toEqual(['right-1', 'wrong-2']);
    expect(sut.queued).toBe(1);

    control.finish('right-1');
    await settled();
    expect(control.started).toEqual(['right-1', 'wrong-2', 'right-3']);
    control.finish('wrong-2');
    control.finish('right-3');
    expect(await Promise.all(answers)).toEqual([true, false, true]);
  });

  it('lets known logins pass the others that wait', async () => {
    const control = controlledVerify();
    const sut = new SecretVerifier(1, control.verify);

    const answers = [
      sut.check('wrong-1', 'hash', 'other'),
      sut.check('wrong-2', 'hash', 'other'),
      sut.check('right-known', 'hash', 'known'),
    ];
    await settled();
    control.finish('wrong-1');
    await settled();
    expect(control.started).toEqual(['wrong-1', 'right-known']);
    control.finish('right-known');
    await settled();
    control.finish('wrong-2');
    expect(await Promise.all(answers)).toEqual([false, false, true]);
  });

  it('frees its place when a verification fails', async () => {
    const sut = new SecretVerifier(1, () => Promise.reject(new Error('broken hash')));

    await expect(sut.check('a', 'hash')).rejects.toThrow('broken hash');
    await expect(sut.check('b', 'hash')).rejects.toThrow('broken hash');
  });

  it('checks real scrypt hashes by default', async () => {
    const sut = new SecretVerifier(1);
    const stored = await hashSecret('right secret');

    expect(await sut.check('right secret', stored)).toBe(true);
    expect(await sut.check('wrong secret', stored)).toBe(false);
  });
});
