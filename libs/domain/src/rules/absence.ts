/**
 * An elder known to be away from home or in hospital, marked by an operator or the family, with an end.
 * During `[from, until)` the inactivity rules are muted: no water, watch not worn, silent device, learned water
 * baseline (and the safe zone, which is drawn around a home the elder is not at). Never sos or fall.
 */
export interface Absence {
  from: number;
  until: number;
  reason: 'away' | 'hospital';
}

/** True when the absence covers `at`. */
function covers(absence: Absence, at: number): boolean {
  return absence.from <= at && at < absence.until;
}

/** True when some absence overlaps `[from, until)`. */
export function overlapsAbsence(absences: readonly Absence[], from: number, until: number): boolean {
  return absences.some((absence) => absence.from < until && from < absence.until);
}

/**
 * When muting ends, if `at` lies in an absence: the end of that absence, followed through any absences that
 * overlap or touch it (a hospital stay extended by a week at the family's). Null when `at` is not muted.
 */
export function mutedUntil(absences: readonly Absence[], at: number): number | null {
  let end: number | null = null;
  for (;;) {
    const cursor = end ?? at;
    const ends = absences.filter((absence) => covers(absence, cursor)).map((absence) => absence.until);
    if (ends.length === 0) return end;
    end = Math.max(...ends);
  }
}

/**
 * Since when an inactivity rule should count quiet time: `since`, or the end of the latest absence that ended
 * after it and by `now`. An elder back from hospital at 15:00 has not been quiet since the morning they left.
 */
export function quietSince(since: number, absences: readonly Absence[], now: number): number {
  const returns = absences
    .filter((absence) => absence.from < absence.until && absence.until <= now)
    .map((absence) => absence.until);
  return Math.max(since, ...returns);
}
