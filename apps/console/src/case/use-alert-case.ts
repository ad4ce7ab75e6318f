import type { AlertCase, AlertView } from '@eldercare/contracts';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { FeedEvent } from '../api/alert-feed';
import { isLaterSeq } from '../api/alert-seq';
import { ApiError } from '../api/api-error';
import { fetchAlertCase } from '../api/alerts-api';
import { useConsole } from '../app/console-session';
import { useSession } from '../app/session-context';

export type CaseState =
  | { status: 'loading' }
  | { status: 'not-found' }
  | { status: 'failed'; error: unknown }
  | { status: 'ready'; alertCase: AlertCase };

function alertIn(event: FeedEvent, alertId: string): AlertView | undefined {
  if (event.kind !== 'snapshot') return event.alert.id === alertId ? event.alert : undefined;
  return [...event.snapshot.changedSince, ...event.snapshot.open].find((alert) => alert.id === alertId);
}

/**
 * One alert's case, kept current: a change of the alert from the live feed shows at once, and a claim or a
 * resolution by someone else fetches the case again so the timeline has it too.
 */
export function useAlertCase(alertId: string): { state: CaseState; reload: () => void } {
  const { http } = useSession();
  const services = useConsole();
  const [state, setState] = useState<CaseState>({ status: 'loading' });
  const held = useRef<AlertView | null>(null);
  const latestRequest = useRef(0);

  const reload = useCallback(() => {
    const request = ++latestRequest.current;
    fetchAlertCase(http, alertId).then(
      (alertCase) => {
        if (request !== latestRequest.current) return;
        held.current = alertCase.alert;
        setState({ status: 'ready', alertCase });
      },
      (error: unknown) => {
        if (request !== latestRequest.current) return;
        if (error instanceof ApiError && error.code === 'alert-not-found') setState({ status: 'not-found' });
        // A failed refresh keeps the case on screen; only a first load that fails has nothing to show.
        else setState((current) => (current.status === 'ready' ? current : { status: 'failed', error }));
      },
    );
  }, [http, alertId]);

  useEffect(reload, [reload]);

  useEffect(() => {
    if (!services) return;
    return services.feed.onEvent((event) => {
      const changed = alertIn(event, alertId);
      const before = held.current;
      if (!changed || !before || !isLaterSeq(changed.seq, before.seq)) return;
      held.current = changed;
      setState((current) =>
        current.status === 'ready' ? { ...current, alertCase: { ...current.alertCase, alert: changed } } : current,
      );
      if (changed.status !== before.status || changed.claimedBy?.id !== before.claimedBy?.id) reload();
    });
  }, [services, alertId, reload]);

  return { state, reload };
}
