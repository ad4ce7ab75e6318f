import { useSyncExternalStore } from 'react';
import { useRequiredConsole } from '../app/console-session';
import { useI18n } from '../i18n/i18n-context';
import { useNow } from '../shared/use-now';
import { answerClock } from './answer-clock';
import { AlertRow } from './alert-row';

export function QueuePage() {
  const { queue, settings } = useRequiredConsole();
  const { t } = useI18n();
  const { alerts } = useSyncExternalStore(queue.subscribe, queue.current);
  const now = useNow();
  const unclaimed = alerts.filter((alert) => alert.claimedBy === null);
  const overdue = unclaimed.filter((alert) => answerClock(alert, now, settings).level !== 'within');

  return (
    <section className="queue" data-testid="alert-queue">
      <header className="page-head">
        <h1>{t('queue.title')}</h1>
        <div className="queue-counts">
          <span className="count" data-testid="queue-open-count">
            {t('queue.open', { count: alerts.length })}
          </span>
          <span
            className={`count${unclaimed.length > 0 ? ' count-attention' : ''}`}
            data-testid="queue-unclaimed-count"
          >
            {t('queue.unclaimed', { count: unclaimed.length })}
          </span>
          <span className={`count${overdue.length > 0 ? ' count-alarm' : ''}`} data-testid="queue-overdue-count">
            {t('queue.overdue', { count: overdue.length })}
          </span>
        </div>
        <span className="muted queue-targets">
          {t('queue.targets', { target: settings.answerTargetSec, worst: settings.answerWorstSec })}
        </span>
      </header>
      <div className="queue-table">
        <div className="queue-row queue-head" aria-hidden="true">
          <span className="cell">{t('queue.col.severity')}</span>
          <span className="cell">{t('queue.col.rule')}</span>
          <span className="cell">{t('queue.col.elder')}</span>
          <span className="cell">{t('queue.col.place')}</span>
          <span className="cell">{t('queue.col.raised')}</span>
          <span className="cell">{t('queue.col.answer')}</span>
          <span className="cell">{t('queue.col.claim')}</span>
        </div>
        {alerts.length === 0 ? (
          <p className="queue-empty" data-testid="queue-empty">
            {t('queue.empty')}
          </p>
        ) : (
          alerts.map((alert) => <AlertRow key={alert.id} alert={alert} now={now} targets={settings} />)
        )}
      </div>
    </section>
  );
}
