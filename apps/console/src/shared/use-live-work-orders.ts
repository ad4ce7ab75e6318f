import type { WorkOrderView } from '@eldercare/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef } from 'react';
import { WorkOrderFeed } from '../api/work-order-feed';
import { searchWorkOrders, type WorkOrderSearch } from '../api/work-orders-api';
import { refetchAfterGap } from '../app/session-queries';
import { useSession } from '../app/session-context';
import { isWithin, withOrder } from './work-orders';

/**
 * The work orders of a time window, kept live while the page is open: every `work-order.updated` replaces its
 * order (or adds it when it starts within the window), and after a lost link, when changes may have been missed,
 * the lists on screen are read again. `changed` puts in an order the user just changed.
 */
export function useLiveWorkOrders(search: WorkOrderSearch & { from: string; to: string }): {
  orders: WorkOrderView[] | null;
  error: unknown;
  changed: (order: WorkOrderView) => void;
} {
  const { http } = useSession();
  const queries = useQueryClient();
  const { data, error } = useQuery({
    queryKey: ['work-orders', search],
    queryFn: () => searchWorkOrders(http, search),
  });

  const changed = useCallback(
    (order: WorkOrderView) =>
      queries.setQueryData<WorkOrderView[]>(
        ['work-orders', search],
        (current) => current && withOrder(current, order, (added) => isWithin(added.startsAt, search)),
      ),
    [queries, search],
  );

  const latest = useRef(changed);
  latest.current = changed;
  useEffect(() => {
    const feed = new WorkOrderFeed(() => void refetchAfterGap(queries));
    const stop = feed.onOrder((order) => latest.current(order));
    feed.start();
    return () => {
      stop();
      feed.stop();
    };
  }, [queries]);

  return { orders: data ?? null, error, changed };
}
