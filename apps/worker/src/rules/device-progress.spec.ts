import { DeviceProgress } from './device-progress';

describe('DeviceProgress', () => {
  const progress = (eventId: string) => ({ lastApplied: { occurredAt: 1_000, eventId }, lastHeardAt: 1_000 });

  it('keeps the latest progress seen of each device', () => {
    const sut = new DeviceProgress(10);

    sut.saw('watch-1', progress('1'));
    sut.saw('watch-1', progress('2'));

    expect(sut.of('watch-1')).toEqual(progress('2'));
    expect(sut.of('watch-2')).toBeUndefined();
  });

  it('keeps only what it reads of a state', () => {
    const sut = new DeviceProgress(10);

    sut.saw('watch-1', { ...progress('1'), timers: { 'device-silent': 5 } } as never);

    expect(sut.of('watch-1')).toEqual(progress('1'));
  });

  it('forgets the device seen least recently first', () => {
    const sut = new DeviceProgress(2);
    sut.saw('a', progress('1'));
    sut.saw('b', progress('1'));
    sut.saw('a', progress('2'));

    sut.saw('c', progress('1'));

    expect([sut.of('a'), sut.of('b'), sut.of('c')]).toEqual([progress('2'), undefined, progress('1')]);
  });
});
