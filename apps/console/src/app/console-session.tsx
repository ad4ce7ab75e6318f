import type { AlertView } from '@eldercare/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { AlertFeed } from '../api/alert-feed';
import { fetchOpenAlerts, markAlertShown } from '../api/alerts-api';
import { fetchSessionUser } from '../api/auth-api';
import { fetchConsoleSettings, FALLBACK_SETTINGS, type ConsoleSettings } from '../api/console-settings-api';
import { useI18n } from '../i18n/i18n-context';
import { ruleLabel } from '../i18n/labels';
import { CriticalAlarm } from '../queue/critical-alarm';
import { QueueStore } from '../queue/queue-store';
import { ShownReporter } from '../queue/shown-reporter';
import { useSession } from './session-context';
import { refetchAfterGap } from './session-queries';

/** What the dispatch pages share while an operator is signed in. */
export interface ConsoleServices {
  feed: AlertFeed;
  queue: QueueStore;
  shown: ShownReporter;
  settings: ConsoleSettings;
}

const ConsoleContext = createContext<ConsoleServices | null>(null);

/** Opens the live feed and the queue for an operator, supervisor or admin, and closes them on sign-out. */
export function ConsoleSession({ children }: { children: ReactNode }) {
  const { http } = useSession();
  const queries = useQueryClient();
  const { t, locale } = useI18n();
  const [services, setServices] = useState<ConsoleServices | null>(null);
  const alarmText = useRef((alert: AlertView) => alert.id);
  alarmText.current = (alert) =>
    t('queue.alarm-title', { rule: ruleLabel(alert.rule, locale), name: alert.elder.name });

  useEffect(() => {
    let closed = false;
    const alarm = new CriticalAlarm();
    // A refused socket most likely means the session ended: asking who we are sends a lost session to the login.
    const feed = new AlertFeed(() => void fetchSessionUser(http).catch(() => undefined));
    const queue = new QueueStore(feed, (alerts) => {
      alarm.sound();
      alarm.flash(alarmText.current(alerts[0]));
    });
    const shown = new ShownReporter((alertId) => markAlertShown(http, alertId));
    // The queue replays what it missed by `seq`; the lists of the other pages are read again.
    let gap = false;
    const stopWatching = feed.onConnectionChange(() => {
      const state = feed.connection();
      if (state === 'reconnecting') gap = true;
      if (state === 'live' && gap) {
        gap = false;
        void refetchAfterGap(queries);
      }
    });
    feed.start();
    fetchOpenAlerts(http).then(
      (open) => {
        if (!closed) queue.load(open);
      },
      // The socket's snapshot brings the queue anyway.
      () => undefined,
    );
    fetchConsoleSettings(http)
      .catch(() => FALLBACK_SETTINGS)
      .then((settings) => {
        if (!closed) setServices({ feed, queue, shown, settings });
      });
    return () => {
      closed = true;
      stopWatching();
      feed.stop();
      queue.dispose();
      alarm.dispose();
      setServices(null);
    };
  }, [http, queries]);

  if (!services) return <p className="page-message">{t('app.loading')}</p>;
  return <ConsoleContext value={services}>{children}</ConsoleContext>;
}

/** The dispatch services, or null for a role without the dispatch console. */
export function useConsole(): ConsoleServices | null {
  return useContext(ConsoleContext);
}

export function useRequiredConsole(): ConsoleServices {
  const services = useConsole();
  if (!services) throw new Error('useRequiredConsole outside ConsoleSession');
  return services;
}
