import type { WorkOrderView } from '@eldercare/contracts';
import { useI18n } from '../i18n/i18n-context';
import { VisitExceptionFlags } from '../shared/visit-exception-flags';
import { centreTimeOf } from '../shared/work-orders';
import { formatDistance } from './visit-step';

/**
 * When the caregiver checked in and out, how far from the home, and any exception the server recorded (early, late,
 * short, far): shown as it happens, never in the way of the visit.
 */
export function VisitCheckInFacts({ order }: { order: WorkOrderView }) {
  const { t } = useI18n();
  if (!order.checkedInAt) return null;
  const distance = order.checkIn?.distanceM;
  return (
    <div className="visit-facts">
      <span>
        {t('visits.checked-in-at', { time: centreTimeOf(order.checkedInAt) })}
        {distance !== null && distance !== undefined && (
          <span className="muted"> · {t('visits.distance', { distance: formatDistance(distance) })}</span>
        )}
      </span>
      {order.checkedOutAt && <span>{t('visits.checked-out-at', { time: centreTimeOf(order.checkedOutAt) })}</span>}
      <VisitExceptionFlags order={order} />
      {order.exceptions.state === 'open' && (
        <span className="muted small" data-testid="visit-exception-hint">
          {t('visits.exception-recorded')}
        </span>
      )}
    </div>
  );
}
