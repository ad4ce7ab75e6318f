/** About 9 m at the latitudes of China: markers at one address sit this far from its point, then further out. */
export const SPREAD_STEP_DEG = 0.00008;

/**
 * Moves points that share one position (elders of one building, one address) onto rings around it, six on the
 * first ring, twelve on the next and so on, so that each can be seen and clicked at the closest zoom. A point alone
 * at its position, and the first of a group, stay where they are.
 */
export function spreadCoincident<T extends { lat: number; lon: number }>(
  points: readonly T[],
  step = SPREAD_STEP_DEG,
): T[] {
  const seen = new Map<string, number>();
  return points.map((point) => {
    const key = `${point.lat},${point.lon}`;
    const index = seen.get(key) ?? 0;
    seen.set(key, index + 1);
    if (index === 0) return point;
    let ring = 1;
    let first = 1;
    while (index >= first + 6 * ring) {
      first += 6 * ring;
      ring += 1;
    }
    const angle = (2 * Math.PI * (index - first)) / (6 * ring);
    const lonScale = 1 / Math.cos((point.lat * Math.PI) / 180);
    return {
      ...point,
      lat: point.lat + ring * step * Math.sin(angle),
      lon: point.lon + ring * step * Math.cos(angle) * lonScale,
    };
  });
}
