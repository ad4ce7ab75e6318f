/**
 * Polls `probe` until it returns without throwing (or returns a non-undefined value), then resolves with it.
 * For integration tests that wait on another process: the assertion is the wait, no fixed sleeps.
 */
export async function expectEventually<T>(
  probe: () => T | Promise<T>,
  { timeoutMs = 15_000, intervalMs = 25 }: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<Exclude<T, undefined>> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown = new Error('probe returned undefined');
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value as Exclude<T, undefined>;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) throw lastError;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
