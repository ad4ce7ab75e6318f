import { UplinkBatcher } from './uplink-batcher';

/** A store whose calls complete when the test says so. */
function controllableStore() {
  const calls: { items: string[]; complete: () => void; fail: (error: Error) => void }[] = [];
  const store = (items: string[]) =>
    new Promise<void>((complete, fail) => {
      calls.push({ items, complete, fail });
    });
  return { calls, store };
}

describe('UplinkBatcher', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('stores messages that arrive within the window as one batch', async () => {
    const { calls, store } = controllableStore();
    const sut = new UplinkBatcher(store, { maxSize: 10, windowMs: 5 });
    sut.submit('a');
    sut.submit('b');
    await jest.advanceTimersByTimeAsync(4);
    expect(calls).toHaveLength(0);
    await jest.advanceTimersByTimeAsync(1);
    expect(calls.map((call) => call.items)).toEqual([['a', 'b']]);
  });

  it('flushes at once when the batch is full', async () => {
    const { calls, store } = controllableStore();
    const sut = new UplinkBatcher(store, { maxSize: 2, windowMs: 1000 });
    sut.submit('a');
    sut.submit('b');
    sut.submit('c');
    await jest.advanceTimersByTimeAsync(0);
    expect(calls.map((call) => call.items)).toEqual([['a', 'b']]);
  });

  it('with a window of 0, stores what waits at once, without waiting for a full batch', async () => {
    const { calls, store } = controllableStore();
    const sut = new UplinkBatcher(store, { maxSize: 10, windowMs: 0 });
    sut.submit('sos');
    await jest.advanceTimersByTimeAsync(0);
    expect(calls.map((call) => call.items)).toEqual([['sos']]);
  });

  it('with a window of 0, stores what arrived meanwhile right after the batch in progress', async () => {
    const { calls, store } = controllableStore();
    const sut = new UplinkBatcher(store, { maxSize: 10, windowMs: 0 });
    sut.submit('sos');
    await jest.advanceTimersByTimeAsync(0);
    sut.submit('fall');
    sut.submit('cancel');
    calls[0].complete();
    await jest.advanceTimersByTimeAsync(0);
    expect(calls.map((call) => call.items)).toEqual([['sos'], ['fall', 'cancel']]);
  });

  it('resolves a submission only once its batch is stored', async () => {
    const { calls, store } = controllableStore();
    const sut = new UplinkBatcher(store, { maxSize: 10, windowMs: 0 });
    let stored = false;
    void sut.submit('a').then(() => (stored = true));
    await jest.advanceTimersByTimeAsync(0);
    expect(stored).toBe(false);
    calls[0].complete();
    await jest.advanceTimersByTimeAsync(0);
    expect(stored).toBe(true);
  });

  it('retries a failed batch before anything newer, and acknowledges nothing until it is stored', async () => {
    const { calls, store } = controllableStore();
    const retries: number[] = [];
    const sut = new UplinkBatcher(store, {
      maxSize: 10,
      windowMs: 0,
      retryDelayMs: 100,
      onRetry: (_e, attempt) => retries.push(attempt),
    });
    let stored = false;
    void sut.submit('a').then(() => (stored = true));
    await jest.advanceTimersByTimeAsync(0);
    sut.submit('b');
    calls[0].fail(new Error('database down'));
    await jest.advanceTimersByTimeAsync(100);
    expect(calls.map((call) => call.items)).toEqual([['a'], ['a']]);
    expect(stored).toBe(false);
    calls[1].complete();
    await jest.advanceTimersByTimeAsync(0);
    expect(stored).toBe(true);
    expect(retries).toEqual([1]);
    expect(calls.map((call) => call.items)).toEqual([['a'], ['a'], ['b']]);
  });

  it('after stop, leaves unstored messages unacknowledged', async () => {
    const { calls, store } = controllableStore();
    const sut = new UplinkBatcher(store, { maxSize: 10, windowMs: 0 });
    let stored = false;
    void sut.submit('a').then(() => (stored = true));
    await jest.advanceTimersByTimeAsync(0);
    sut.stop();
    calls[0].complete();
    await jest.advanceTimersByTimeAsync(0);
    expect(stored).toBe(false);
  });

  it('drain stores everything waiting', async () => {
    const stored: string[][] = [];
    const sut = new UplinkBatcher(async (items: string[]) => void stored.push(items), { maxSize: 2, windowMs: 1000 });
    const submitted = ['a', 'b', 'c'].map((item) => sut.submit(item));
    jest.useRealTimers();
    await sut.drain();
    await Promise.all(submitted);
    expect(stored).toEqual([['a', 'b'], ['c']]);
  });
});
