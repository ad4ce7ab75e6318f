import { useSyncExternalStore } from 'react';
import { useI18n } from '../i18n/i18n-context';
import { useRequiredConsole } from './console-session';

/** Whether the queue on screen is live or the console is reconnecting. */
export function ConnectionIndicator() {
  const { feed } = useRequiredConsole();
  const { t } = useI18n();
  const state = useSyncExternalStore(feed.onConnectionChange, feed.connection);
  return (
    <span className={`connection connection-${state}`} data-testid="connection-state" data-state={state} role="status">
      <span className="connection-dot" aria-hidden="true" />
      {t(`connection.${state}`)}
    </span>
  );
}
