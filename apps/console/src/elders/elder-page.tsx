import { can } from '@eldercare/domain';
import { Link } from 'react-router';
import { FALLBACK_SETTINGS } from '../api/console-settings-api';
import { useConsole } from '../app/console-session';
import { elderAuditPath, elderEditPath } from '../app/pages';
import { useSession } from '../app/session-context';
import { ElderCardView } from '../case/elder-card-view';
import { isMasked } from '../case/masking';
import { PositionMap } from '../case/position-map';
import { useI18n } from '../i18n/i18n-context';
import { CarePlanPanel } from '../care-plans/care-plan-panel';
import { ElderBookingsPanel } from '../bookings/elder-bookings-panel';
import { LoadFailed } from '../shared/load-failed';
import { ElderPairPanel } from '../risk-visits/elder-pair-panel';
import { CareBedPanel } from '../care-beds/care-bed-panel';
import { ElderContactsPanel } from './elder-contacts-panel';
import { ElderDevicesPanel } from './elder-devices-panel';
import { ElderFacePanel } from './elder-face-panel';
import { ElderNotFound } from './elder-not-found';
import { useElderCard } from './use-elder-card';

/** One elder: the record as the role may see it, whom to call, where they live, their devices. Opening it is audited. */
export function ElderPage({ elderId }: { elderId: string }) {
  const { user } = useSession();
  const { t } = useI18n();
  const settings = useConsole()?.settings ?? FALLBACK_SETTINGS;
  const { state, reload } = useElderCard(elderId);

  if (state.status === 'loading') return <p className="page-message">{t('app.loading')}</p>;
  if (state.status === 'not-found') return <ElderNotFound />;
  if (state.status === 'failed') return <LoadFailed error={state.error} onRetry={reload} testId="elder-failed" />;

  const { card } = state;
  // A writer sees every field in full; a form filled from a masked record would save the stars over the real values.
  const editable = can(user.role, 'elders.write') && card.masked.length === 0;

  return (
    <div className="elder-page" data-testid="elder-page" data-elder-id={card.id}>
      <Link to="/elders" className="back-link">
        ← {t('elder-page.back')}
      </Link>
      <header className="page-head">
        <h1>{t('elder-page.title', { name: card.name })}</h1>
        <span className="muted">
          {card.place.community} · {card.place.street} · {card.place.district}
        </span>
        <div className="page-actions">
          {can(user.role, 'audit.read') && (
            <Link to={elderAuditPath(card.id)} className="button-secondary" data-testid="elder-audit-link">
              {t('elder-page.audit')}
            </Link>
          )}
          {editable && (
            <Link to={elderEditPath(card.id)} className="button-primary" data-testid="elder-edit-link">
              {t('elder-page.edit')}
            </Link>
          )}
        </div>
      </header>
      <div className="case-grid">
        <div className="case-column">
          <ElderCardView elder={card} />
        </div>
        <div className="case-column">
          <ElderContactsPanel elder={card} />
          {/* The card does not mask `home`: a role that may not see the address does not get it as a point either. */}
          <PositionMap position={null} home={isMasked(card, 'address') ? null : card.home} settings={settings} />
        </div>
        <div className="case-column">
          <ElderDevicesPanel elder={{ id: card.id, name: card.name }} />
          {(can(user.role, 'faces.enrol') || can(user.role, 'faces.withdraw')) && <ElderFacePanel elderId={card.id} />}
        </div>
      </div>
      <ElderPairPanel elderId={card.id} />
      {can(user.role, 'care-plans.read') && <CareBedPanel elderId={card.id} />}
      {can(user.role, 'care-plans.read') && <CarePlanPanel elderId={card.id} />}
      {can(user.role, 'bookings.make') && <ElderBookingsPanel elderId={card.id} family={false} />}
    </div>
  );
}
