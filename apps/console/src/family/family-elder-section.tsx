import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { fetchFamilyElder } from '../api/family-api';
import { casePath } from '../app/pages';
import { useSession } from '../app/session-context';
import { errorText } from '../i18n/error-text';
import { formatDateTime } from '../i18n/format-time';
import { useI18n } from '../i18n/i18n-context';
import { categoryLabel, outcomeLabel, ruleLabel } from '../i18n/labels';
import { Panel } from '../shared/panel';
import { ElderBookingsPanel } from '../bookings/elder-bookings-panel';
import { ServiceMapPanel } from './service-map-panel';
import { FamilyVolunteerVisits } from '../time-bank/family-volunteer-visits';
import { FamilyVisits } from './family-visits-panel';
import { MealOrdersPanel } from './meal-orders-panel';

/** One elder as the family sees them. */
export function FamilyElderSection({ elderId }: { elderId: string }) {
  const { http } = useSession();
  const { t, code, locale } = useI18n();
  const {
    data: view,
    error,
    refetch,
  } = useQuery({
    queryKey: ['family-elder', elderId],
    queryFn: () => fetchFamilyElder(http, elderId),
  });
  const load = () => void refetch();
  const [bookingOffer, setBookingOffer] = useState<string>();

  if (error !== null)
    return (
      <p className="form-error" role="alert" data-testid="family-error">
        {errorText(error, locale)}
      </p>
    );
  if (!view) return <p className="muted">{t('app.loading')}</p>;

  const { elder, devices, openAlerts, pastAlerts, visits } = view;
  return (
    <div className="family-elder" data-testid="family-elder" data-elder-id={elder.id}>
      <header className="elder-head">
        <h2 className="elder-name">{elder.name}</h2>
        <span>{t('elder.age', { age: elder.age })}</span>
        <span className="tags">
          {elder.categories.map((category) => (
            <span key={category} className={`tag tag-${category}`}>
              {categoryLabel(category, locale)}
            </span>
          ))}
        </span>
      </header>
      <div className="family-grid">
        <div className="case-column">
          <Panel title={t('devices.title')} testId="family-devices">
            {devices.length === 0 && <p className="muted">{t('devices.none')}</p>}
            <ul className="plain-list">
              {devices.map((device) => (
                <li key={device.id} className="device-line" data-testid="family-device" data-online={device.online}>
                  <span className={`dot dot-${device.online ? 'online' : 'offline'}`} aria-hidden="true" />
                  <strong>{code('device-type', device.type)}</strong>
                  <span className={`state-${device.online ? 'online' : 'offline'}`}>
                    {t(device.online ? 'device.online' : 'device.offline')}
                  </span>
                  {device.battery !== null && (
                    <span className={`battery${device.battery <= 20 ? ' battery-low' : ''}`}>
                      {t('device.battery', { value: device.battery })}
                    </span>
                  )}
                  <span className="muted small">
                    {device.lastSeenAt ? formatDateTime(device.lastSeenAt) : t('device.never-seen')}
                  </span>
                </li>
              ))}
            </ul>
          </Panel>
          <Panel title={t('family.alerts')} testId="family-alerts">
            {openAlerts.length === 0 && pastAlerts.length === 0 && <p className="muted">{t('family.no-alerts')}</p>}
            <ul className="plain-list">
              {openAlerts.map((alert) => (
                <li key={alert.id} className="log-line" data-testid="family-open-alert">
                  <span className={`status status-${alert.status}`}>{code('status', alert.status)}</span>
                  <Link to={casePath(alert.id)}>{ruleLabel(alert.rule, locale)}</Link>
                  <span className="muted mono">{formatDateTime(alert.raisedAt)}</span>
                </li>
              ))}
              {pastAlerts.map((alert) => (
                <li key={alert.id} className="log-line" data-testid="family-past-alert">
                  <span className="status status-resolved">{t('status.resolved')}</span>
                  <span>{ruleLabel(alert.rule, locale)}</span>
                  <span className="muted mono">{formatDateTime(alert.raisedAt)}</span>
                  {alert.outcome && <span className="muted">{outcomeLabel(alert.outcome, locale)}</span>}
                </li>
              ))}
            </ul>
          </Panel>
        </div>
        <FamilyVisits elderId={elder.id} visits={visits} onChanged={load} />
        <ServiceMapPanel elderId={elder.id} onBook={setBookingOffer} />
        <MealOrdersPanel elderId={elder.id} />
        <FamilyVolunteerVisits elderId={elder.id} />
      </div>
      <ElderBookingsPanel elderId={elder.id} family offerId={bookingOffer} />
    </div>
  );
}
