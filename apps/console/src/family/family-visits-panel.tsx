import type { WorkOrderView } from '@eldercare/contracts';
import { formatDateTime } from '../i18n/format-time';
import { useI18n } from '../i18n/i18n-context';
import { serviceLabel } from '../i18n/labels';
import { Panel } from '../shared/panel';
import { newestFirst } from '../shared/work-orders';
import { ComplaintForm } from './complaint-form';
import { mayRate, starsText } from './family-visits';
import { RatingForm } from './rating-form';
import { VisitExceptionFlags } from '../shared/visit-exception-flags';

/** The service record, newest first: what was done, by whom, how it went, and the family's word on it. */
export function FamilyVisits({
  elderId,
  visits,
  onChanged,
}: {
  elderId: string;
  visits: WorkOrderView[];
  onChanged: () => void;
}) {
  const { t, locale } = useI18n();
  return (
    <Panel title={t('family.visits')} testId="family-visits">
      {visits.length === 0 && <p className="muted">{t('family.no-visits')}</p>}
      <ul className="plain-list">
        {newestFirst(visits).map((visit) => (
          <li
            key={visit.id}
            className="family-visit"
            data-testid="family-visit"
            data-work-order-id={visit.id}
            data-status={visit.status}
          >
            <div className="log-line">
              <span className="mono muted">{formatDateTime(visit.startsAt).slice(0, 16)}</span>
              <strong>{serviceLabel(visit.service, locale)}</strong>
              <span className={`status work-order-status-${visit.status}`}>
                {t(`work-order-status.${visit.status}`)}
              </span>
              <span className="muted">{visit.caregiver?.displayName ?? t('provider.unassigned')}</span>
              <span className="muted small">{visit.provider.name}</span>
              <VisitExceptionFlags order={visit} />
            </div>
            {visit.note && <p className="log-note">{visit.note}</p>}
            {visit.rating && (
              <p className="visit-rating" data-testid="visit-rating" data-stars={visit.rating.stars}>
                <span className="stars" aria-label={t('rating.stars', { stars: visit.rating.stars })}>
                  {starsText(visit.rating.stars)}
                </span>
                {visit.rating.comment && <span className="muted"> {visit.rating.comment}</span>}
              </p>
            )}
            {mayRate(visit) && <RatingForm visit={visit} onRated={onChanged} />}
            {visit.status === 'checked-out' || visit.status === 'missed' ? (
              <ComplaintForm elderId={elderId} workOrderId={visit.id} />
            ) : null}
          </li>
        ))}
      </ul>
    </Panel>
  );
}
