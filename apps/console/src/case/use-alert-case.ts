import type { AlertCase, AlertView } from '@eldercare/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
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
  const queries = useQueryClient();
  const { data, error, refetch } = useQuery({
    queryKey: ['alert-case', alertId],
    queryFn: () => fetchAlertCase(http, alertId),
  });

  useEffect(() => {
    if (!services) return;
    return services.feed.onEvent((event) => {
      const changed = alertIn(event, alertId);
      const before = queries.getQueryData<AlertCase>(['alert-case', alertId])?.alert;
      if (!changed || !before || !isLaterSeq(changed.seq, before.seq)) return;
      queries.setQueryData<AlertCase>(['alert-case', alertId], (current) => current && { ...current, alert: changed });
      if (changed.status !== before.status || changed.claimedBy?.id !== before.claimedBy?.id)
        void queries.invalidateQueries({ queryKey: ['alert-case', alertId] });
    });
  }, [services, alertId, queries]);

  return { state: caseState(data, error), reload: () => void refetch() };
}

/** A failed refresh keeps the case on screen; only a first load that fails has nothing to show. */
function caseState(alertCase: AlertCase | undefined, error: unknown): CaseState {
  if (error instanceof ApiError && error.code === 'alert-not-found') return { status: 'not-found' };
  if (alertCase) return { status: 'ready', alertCase };
  if (error) return { status: 'failed', error };
  return { status: 'loading' };
}
