import { AlarmRepeater } from './alarm-repeater';
import type { Downlink, Uplink } from './protocol-shim';

const received = (ref: string): Downlink => ({ msgId: `d-${ref}`, kind: 'ack', ref, state: 'received' });

describe('AlarmRepeater', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  function repeaterEvery(intervalMs: number) {
    const published: Uplink[] = [];
    const sut = new AlarmRepeater(
      intervalMs,
      async (uplink) => void published.push(uplink),
      () => undefined,
    );
    return { sut, published };
  }

  it('repeats an sos, same msgId, every interval until it hears received', async () => {
    const { sut, published } = repeaterEvery(10_000);
    const sos: Uplink = { msgId: 'a1', kind: 'sos' };
    sut.watch(sos);

    await jest.advanceTimersByTimeAsync(9_999);
    expect(published).toEqual([]);
    await jest.advanceTimersByTimeAsync(20_001);
    expect(published).toEqual([sos, sos, sos]);

    sut.heard(received('a1'));
    await jest.advanceTimersByTimeAsync(60_000);
    expect(published).toHaveLength(3);
    expect(sut.unanswered).toEqual([]);
  });

  it('stops on any ack of the msgId, and on nothing else', async () => {
    const { sut, published } = repeaterEvery(100);
    sut.watch({ msgId: 'f1', kind: 'fall', confidence: 0.9 });
    sut.heard(received('other'));
    sut.heard({ msgId: 'd1', kind: 'rejected', ref: 'f1', reason: 'invalid-fields: x' });
    await jest.advanceTimersByTimeAsync(100);
    expect(published).toHaveLength(1);

    sut.heard({ msgId: 'd2', kind: 'ack', ref: 'f1', state: 'help-coming' });
    await jest.advanceTimersByTimeAsync(1_000);
    expect(published).toHaveLength(1);
  });

  it.each<Uplink>([
    { msgId: 'c1', kind: 'cancel' },
    { msgId: 'h1', kind: 'heartbeat', battery: 50 },
    { msgId: 'w1', kind: 'water', totalLiters: 1 },
  ])('never repeats a $kind, which is not answered with received', async (uplink) => {
    const { sut, published } = repeaterEvery(100);
    sut.watch(uplink);
    await jest.advanceTimersByTimeAsync(1_000);
    expect(published).toEqual([]);
  });

  it('repeats one msgId once per interval however often it is watched, and never with an interval of 0', async () => {
    const { sut, published } = repeaterEvery(100);
    const sos: Uplink = { msgId: 'a2', kind: 'sos' };
    sut.watch(sos);
    sut.watch(sos);
    await jest.advanceTimersByTimeAsync(100);
    expect(published).toEqual([sos]);

    const never = repeaterEvery(0);
    never.sut.watch(sos);
    await jest.advanceTimersByTimeAsync(60_000);
    expect(never.published).toEqual([]);
  });

  it('stops every repeat when stopped', async () => {
    const { sut, published } = repeaterEvery(100);
    sut.watch({ msgId: 'a3', kind: 'sos' });
    sut.stop();
    await jest.advanceTimersByTimeAsync(1_000);
    expect(published).toEqual([]);
    expect(sut.unanswered).toEqual([]);
  });
});
