import type { AlertView } from '@eldercare/contracts';
import type { ConsoleSettings } from '../api/console-settings-api';

/** How the wait for an operator compares with the centre's targets: normal, amber, red. */
export type AnswerLevel = 'within' | 'past-target' | 'past-worst';

export interface AnswerClock {
  seconds: number;
  level: AnswerLevel;
  /** False once someone has claimed the alert: the clock then shows how long the answer took. */
  running: boolean;
}

export type AnswerTargets = Pick<ConsoleSettings, 'answerTargetSec' | 'answerWorstSec'>;

export function answerLevel(seconds: number, targets: AnswerTargets): AnswerLevel {
  if (seconds > targets.answerWorstSec) return 'past-worst';
  if (seconds > targets.answerTargetSec) return 'past-target';
  return 'within';
}

/** The time from raising to claiming, still counting at `now` (epoch ms) while nobody has claimed the alert. */
export function answerClock(
  alert: Pick<AlertView, 'raisedAt' | 'acknowledgedAt'>,
  now: number,
  targets: AnswerTargets,
): AnswerClock {
  const end = alert.acknowledgedAt === null ? now : Date.parse(alert.acknowledgedAt);
  const seconds = Math.max(0, Math.floor((end - Date.parse(alert.raisedAt)) / 1000));
  return { seconds, level: answerLevel(seconds, targets), running: alert.acknowledgedAt === null };
}
