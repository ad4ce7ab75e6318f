import { currentPosition, PositionError } from './current-position';

const geolocation = (answer: (ok: PositionCallback, fail: PositionErrorCallback, options?: PositionOptions) => void) =>
  ({ getCurrentPosition: jest.fn(answer) }) as unknown as Geolocation;

describe('currentPosition', () => {
  it('reads the coordinates and their accuracy in whole metres', async () => {
    const source = geolocation((ok) =>
      ok({ coords: { latitude: 22.5, longitude: 113.4, accuracy: 12.6 } } as GeolocationPosition),
    );
    await expect(currentPosition(source)).resolves.toEqual({ lat: 22.5, lon: 113.4, accuracyM: 13 });
  });

  it('waits ten seconds at most', async () => {
    const source = geolocation((ok) =>
      ok({ coords: { latitude: 1, longitude: 2, accuracy: 5 } } as GeolocationPosition),
    );
    await currentPosition(source);
    expect((source.getCurrentPosition as jest.Mock).mock.calls[0][2]).toMatchObject({ timeout: 10_000 });
  });

  it.each([
    [1, 'denied'],
    [2, 'unavailable'],
    [3, 'timeout'],
  ])('names failure %p as %p', async (code, reason) => {
    const source = geolocation((_ok, fail) => fail({ code } as GeolocationPositionError));
    await expect(currentPosition(source)).rejects.toMatchObject({ reason });
  });

  it('says so when the browser has no geolocation', async () => {
    await expect(currentPosition(undefined)).rejects.toBeInstanceOf(PositionError);
  });
});
