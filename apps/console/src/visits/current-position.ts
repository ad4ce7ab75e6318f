import type { PositionInput } from '@eldercare/contracts';

/** Why no position could be had: refused by the user, not found, or too slow. */
export type PositionFailure = 'unsupported' | 'denied' | 'unavailable' | 'timeout';

export class PositionError extends Error {
  constructor(readonly reason: PositionFailure) {
    super(`position ${reason}`);
    this.name = 'PositionError';
  }
}

const REASONS: Record<number, PositionFailure> = { 1: 'denied', 2: 'unavailable', 3: 'timeout' };

/** The phone's position now, at most `timeoutMs` waiting; a `PositionError` naming why when there is none. */
export function currentPosition(geolocation: Geolocation | undefined, timeoutMs = 10_000): Promise<PositionInput> {
  return new Promise((resolve, reject) => {
    if (!geolocation) {
      reject(new PositionError('unsupported'));
      return;
    }
    geolocation.getCurrentPosition(
      (position) => {
        const { latitude, longitude, accuracy } = position.coords;
        resolve(
          Number.isFinite(accuracy)
            ? { lat: latitude, lon: longitude, accuracyM: Math.round(accuracy) }
            : { lat: latitude, lon: longitude },
        );
      },
      (error) => reject(new PositionError(REASONS[error.code] ?? 'unavailable')),
      { enableHighAccuracy: true, timeout: timeoutMs, maximumAge: 30_000 },
    );
  });
}
