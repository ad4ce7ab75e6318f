import type { CareCallRecord } from '@eldercare/contracts';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { fetchCareCallDay } from '../api/care-calls-api';
import { casePath } from '../app/pages';
import { useSession } from '../app/session-context';
import { errorText } from '../i18n/error-text';
import { useI18n } from '../i18n/i18n-context';
import { Panel } from '../shared/panel';
import { FormError } from '../shared/form-error';
import { centreDate, dayKind, shiftDate } from './care-call-day';
import { DueList } from './due-list';
import { MadeCallsTable } from './made-calls-table';

/** 关怀电话: today's proactive calls, who is due and why, a tap to dial and a tap to log; other days to read. */
export function CareCallsPage() {
  const { http } = useSession();
  const { t, locale } = useI18n();
  const today = centreDate(Date.now());
  const [date, setDate] = useState(today);
  const [last, setLast] = useState<CareCallRecord | null>(null);
  const kind = dayKind(date, today);
  // Another day shows nothing of the one before while it loads.
  const {
    data: day,
    error,
    refetch,
  } = useQuery({
    queryKey: ['care-calls', date],
    queryFn: () => fetchCareCallDay(http, date),
  });

  const showDay = (wanted: string) => {
    setLast(null);
    setDate(wanted);
  };

  const logged = (record: CareCallRecord) => {
    setLast(record);
    void refetch();
  };

  const retries = day?.due.filter((entry) => entry.retry).length ?? 0;

  return (
    <section className="care-calls" data-testid="care-calls-page" data-date={date} data-day={kind}>
      <header className="page-head">
        <h1>{t('care-calls.title')}</h1>
        <div className="date-stepper">
          <button
            type="button"
            className="button-plain"
            onClick={() => showDay(shiftDate(date, -1))}
            aria-label={t('care-calls.previous-day')}
            data-testid="care-calls-previous"
          >
            ‹
          </button>
          <input
            type="date"
            value={date}
            onChange={(event) => event.target.value && showDay(event.target.value)}
            aria-label={t('care-calls.date')}
            data-testid="care-calls-date"
          />
          <button
            type="button"
            className="button-plain"
            onClick={() => showDay(shiftDate(date, 1))}
            aria-label={t('care-calls.next-day')}
            data-testid="care-calls-next"
          >
            ›
          </button>
          {kind !== 'today' && (
            <button
              type="button"
              className="button-secondary"
              onClick={() => showDay(today)}
              data-testid="care-calls-today"
            >
              {t('care-calls.today')}
            </button>
          )}
        </div>
        {day && (
          <div className="queue-counts">
            <span
              className={`count${day.due.length > 0 && kind === 'today' ? ' count-attention' : ''}`}
              data-testid="care-calls-due-count"
            >
              {t('care-calls.due-count', { count: day.due.length })}
            </span>
            {retries > 0 && <span className="count">{t('care-calls.retry-count', { count: retries })}</span>}
            <span className="count" data-testid="care-calls-made-count">
              {t('care-calls.made-count', { count: day.made.length })}
            </span>
          </div>
        )}
      </header>
      {kind !== 'today' && (
        <p className="notice" data-testid="care-calls-read-only">
          {kind === 'past' ? t('care-calls.past-read-only') : t('care-calls.future-read-only')}
        </p>
      )}
      {last && (
        <div
          className={`result-box ${last.alertId ? 'result-warn' : 'result-ok'}`}
          role="status"
          data-testid="care-call-logged"
        >
          {t('care-calls.logged', { name: last.elder.name, outcome: t(`care-call-outcome.${last.outcome}`) })}
          {last.alertId && (
            <Link to={casePath(last.alertId)} data-testid="care-call-logged-alert">
              {t('care-calls.logged-alert')} →
            </Link>
          )}
        </div>
      )}
      <FormError message={error === null ? null : errorText(error, locale)} testId="care-calls-error" />
      {!day && error === null && <p className="muted">{t('app.loading')}</p>}
      {day && (
        <div className="care-calls-body">
          <Panel
            title={kind === 'today' ? t('care-calls.due-today') : t('care-calls.due-on', { date })}
            testId="care-calls-due-panel"
          >
            {day.due.length === 0 ? (
              <p className="muted" data-testid="care-calls-none-due">
                {t('care-calls.none-due')}
              </p>
            ) : (
              <DueList due={day.due} open={kind === 'today'} onLogged={logged} />
            )}
          </Panel>
          <Panel title={t('care-calls.made')} testId="care-calls-made-panel">
            {day.made.length === 0 ? (
              <p className="muted">{t('care-calls.none-made')}</p>
            ) : (
              <MadeCallsTable made={day.made} />
            )}
          </Panel>
        </div>
      )}
    </section>
  );
}
