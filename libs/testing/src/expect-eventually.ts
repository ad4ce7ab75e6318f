/**
 * Runs `probe` until it stops throwing (a failed `expect` throws), then resolves with what it returned; after
 * `timeoutMs` rethrows its last failure. For integration tests waiting on another process: the wait is the
 * assertion, no fixed sleeps.
 */
export async function expectEventually<T>(
  probe: () => T | Promise<T>,
  { timeoutMs = 15_000, intervalMs = 25 }: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await probe();
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/** Polls `probe` until it returns something other than undefined (a message arrived, a row exists) and returns it. */
export async function eventually<T>(
  probe: () => T | undefined | Promise<T | undefined>,
  options?: { timeoutMs?: number; intervalMs?: number },
): Promise<T> {
  return expectEventually(async () => {
    const value = await probe();
    if (value === undefined) throw new Error('still waiting: nothing yet');
    return value;
  }, options);
}
