import type { CallLogEntry } from '@eldercare/contracts';
import { formatDateTime } from '../i18n/format-time';
import { useI18n } from '../i18n/i18n-context';
import { Panel } from '../shared/panel';

export function CallLog({ calls }: { calls: CallLogEntry[] }) {
  const { t } = useI18n();
  return (
    <Panel title={t('calls.title')} testId="call-log">
      {calls.length === 0 && <p className="muted">{t('calls.none')}</p>}
      <ul className="plain-list">
        {calls.map((call) => (
          <li key={call.id} className="log-entry" data-testid="call-entry" data-answered={call.answered}>
            <div className="log-line">
              <span className="mono muted">{formatDateTime(call.at)}</span>
              <strong>{call.callee}</strong>
              <span className="mono">{call.phone}</span>
              <span className={call.answered ? 'pill pill-ok' : 'pill pill-warn'}>
                {call.answered ? t('calls.answered') : t('calls.unanswered')}
              </span>
              <span className="muted log-by">{call.by.displayName}</span>
            </div>
            {call.note && <p className="log-note">{call.note}</p>}
          </li>
        ))}
      </ul>
    </Panel>
  );
}
