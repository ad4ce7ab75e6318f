import { can } from '@eldercare/domain';
import { Link } from 'react-router';
import { FALLBACK_SETTINGS } from '../api/console-settings-api';
import { useConsole } from '../app/console-session';
import { useSession } from '../app/session-context';
import { useI18n } from '../i18n/i18n-context';
import { LoadFailed } from '../shared/load-failed';
import { AlertNotFound } from './alert-not-found';
import { CallLog } from './call-log';
import { CaseHeader } from './case-header';
import { ContactsPanel } from './contacts-panel';
import { DeviceList } from './device-list';
import { DispatchPanel } from './dispatch-panel';
import { ElderCardView } from './elder-card-view';
import { PositionMap } from './position-map';
import { ReadingList } from './reading-list';
import { ResolveForm } from './resolve-form';
import { SendCaregiverPanel } from './send-caregiver-panel';
import { TimelineView } from './timeline-view';
import { useAlertCase } from './use-alert-case';

/** 警情处置: one alert, the elder, whom to call, whom to send, and how it ended. */
export function CasePage({ alertId }: { alertId: string }) {
  const { t } = useI18n();
  const services = useConsole();
  const { user } = useSession();
  const { state, reload } = useAlertCase(alertId);

  if (state.status === 'loading') return <p className="page-message">{t('app.loading')}</p>;
  if (state.status === 'not-found') return <AlertNotFound />;
  if (state.status === 'failed') return <LoadFailed error={state.error} onRetry={reload} testId="case-failed" />;

  const { alert, elder, devices, lastReadings, lastPosition, calls, dispatches, timeline } = state.alertCase;
  // Admins and the bureau read cases; only operators and supervisors work them (the api says the same).
  const workable = alert.status !== 'resolved' && can(user.role, 'alerts.work');

  return (
    <div className="case" data-testid="case-page">
      {services && (
        <Link to="/" className="back-link">
          ← {t('case.back')}
        </Link>
      )}
      <CaseHeader alert={alert} workable={workable} onChanged={reload} />
      <div className="case-grid">
        <div className="case-column">
          <ElderCardView elder={elder} />
          <DeviceList devices={devices} />
          <ReadingList readings={lastReadings} devices={devices} />
        </div>
        <div className="case-column">
          <ContactsPanel alertId={alert.id} elder={elder} open={workable} onLogged={reload} />
          <CallLog calls={calls} />
          <DispatchPanel alertId={alert.id} dispatches={dispatches} open={workable} onSent={reload} />
          {can(user.role, 'work-orders.dispatch') && <SendCaregiverPanel alertId={alert.id} elderId={elder.id} />}
          {workable && <ResolveForm alert={alert} onResolved={reload} />}
        </div>
        <div className="case-column">
          <PositionMap position={lastPosition} home={elder.home} settings={services?.settings ?? FALLBACK_SETTINGS} />
          <TimelineView timeline={timeline} />
        </div>
      </div>
    </div>
  );
}
