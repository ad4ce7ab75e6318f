import { mutedUntil, quietSince, type Absence } from './absence';

/** Where an inactivity rule stands when its timer fires. */
export type InactivityCheck =
  /** The elder is away now: look again at `at`, once a full quiet period has passed after they are back. */
  | { status: 'muted'; at: number }
  /** Not quiet long enough yet (an absence ended in between, or the thresholds changed): look again at `at`. */
  | { status: 'waiting'; at: number }
  /** Quiet for the whole period, counted from `since`. */
  | { status: 'due'; since: number };

/**
 * Shared by no water, not worn and silent device: quiet since `since`, where `quietPeriodEnd(start)` says when a
 * quiet period starting at `start` is complete. Absences mute the rule and restart the count when they end.
 */
export function checkInactivity(
  since: number,
  absences: readonly Absence[],
  now: number,
  quietPeriodEnd: (start: number) => number,
): InactivityCheck {
  const muted = mutedUntil(absences, now);
  if (muted !== null) return { status: 'muted', at: quietPeriodEnd(muted) };
  const start = quietSince(since, absences, now);
  const end = quietPeriodEnd(start);
  return end > now ? { status: 'waiting', at: end } : { status: 'due', since: start };
}
