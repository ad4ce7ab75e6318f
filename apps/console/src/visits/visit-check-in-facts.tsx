import type { WorkOrderView } from '@eldercare/contracts';
import { useI18n } from '../i18n/i18n-context';
import { centreTimeOf } from '../shared/work-orders';
import { formatDistance } from './visit-step';

/** When the caregiver checked in and out, how far from the home, and the server's flag when it was too far. */
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
      {order.farFromHome && (
        <span className="flag flag-far" data-testid="visit-far">
          {t('visits.far')}
        </span>
      )}
    </div>
  );
}
