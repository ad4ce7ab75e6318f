import { useI18n } from '../i18n/i18n-context';
import { formatClock } from '../i18n/format-time';
import type { AnswerClock } from './answer-clock';

/** The answer clock: counting in normal, amber or red until claimed, then the time the answer took. */
export function AnswerClockView({ clock }: { clock: AnswerClock }) {
  const { t } = useI18n();
  return (
    <span
      className={`answer-clock answer-${clock.level}${clock.running ? ' answer-running' : ''}`}
      data-testid="answer-clock"
      data-level={clock.level}
      data-running={clock.running}
      title={t('case.answer')}
    >
      {formatClock(clock.seconds)}
    </span>
  );
}
