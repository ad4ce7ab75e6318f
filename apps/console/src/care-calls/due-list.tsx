import type { CareCallDue, CareCallRecord } from '@eldercare/contracts';
import { Link } from 'react-router';
import { elderPath } from '../app/pages';
import { telHref } from '../case/callees';
import { formatDateTime, formatDuration, secondsSince } from '../i18n/format-time';
import { useI18n } from '../i18n/i18n-context';
import { categoryLabel } from '../i18n/labels';
import { CategoryTags } from '../queue/category-tags';
import { useNow } from '../shared/use-now';
import { dueInOrder } from './care-call-day';
import { OutcomeLogger } from './outcome-logger';

/** The elders to call, in the order to call them: why each is due, when they were last reached, and the call itself. */
export function DueList({
  due,
  open,
  onLogged,
}: {
  due: CareCallDue[];
  open: boolean;
  onLogged: (record: CareCallRecord) => void;
}) {
  const { t, locale } = useI18n();
  const now = useNow();

  return (
    <ol className="due-list" data-testid="care-call-due">
      {dueInOrder(due).map((entry) => {
        const href = telHref(entry.elder.phone);
        return (
          <li
            key={entry.elder.id}
            className={`due-row${entry.retry ? ' due-retry' : ''}`}
            data-testid="care-call-due-row"
            data-elder-id={entry.elder.id}
            data-retry={entry.retry}
          >
            <div className="due-who">
              <div className="elder-line">
                <Link to={elderPath(entry.elder.id)} className="strong-link">
                  {entry.elder.name}
                </Link>
                <span className="muted">{t('elder.age', { age: entry.elder.age })}</span>
                {entry.retry && (
                  <span className="flag flag-retry" data-testid="care-call-retry">
                    {t('care-calls.retry')}
                  </span>
                )}
              </div>
              <CategoryTags categories={entry.elder.categories} />
              <span className="muted small">
                {entry.elder.place.community} · {entry.elder.place.street}
              </span>
            </div>
            <div className="due-why">
              <span data-testid="care-call-because">
                {t('care-calls.because', { category: categoryLabel(entry.because, locale), days: entry.everyDays })}
              </span>
              <span
                className="muted small"
                title={entry.lastReached ? formatDateTime(entry.lastReached) : undefined}
                data-testid="care-call-last-reached"
              >
                {entry.lastReached
                  ? t('care-calls.last-reached', {
                      time: t('time.ago', { duration: formatDuration(secondsSince(entry.lastReached, now), locale) }),
                    })
                  : t('care-calls.never-reached')}
              </span>
            </div>
            <div className="due-phone">
              <span className="mono">{entry.elder.phone}</span>
              {href ? (
                <a className="button-call" href={href} data-testid="care-call-dial">
                  {t('contacts.call')}
                </a>
              ) : (
                <span className="muted small">
                  {entry.elder.phone.trim() === '' ? t('contacts.no-phone') : t('contacts.masked')}
                </span>
              )}
            </div>
            {open ? (
              <OutcomeLogger elderId={entry.elder.id} onLogged={onLogged} />
            ) : (
              <span className="muted small due-closed">{t('care-calls.read-only-row')}</span>
            )}
          </li>
        );
      })}
    </ol>
  );
}
