import type { WorkOrderView } from '@eldercare/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef } from 'react';
import { WorkOrderFeed } from '../api/work-order-feed';
import { searchWorkOrders } from '../api/work-orders-api';
import { refetchAfterGap } from '../app/session-queries';
import { useSession } from '../app/session-context';
import { withOpenException } from './provider-orders';

const KEY = ['work-orders', 'open-exceptions'];

/**
 * The provider's visits with open exceptions, whenever they were, kept live: a visit that gains an exception joins the
 * list, one that is decided leaves it. `changed` puts in an order the user just decided.
 */
export function useOpenExceptions(): {
  orders: WorkOrderView[] | null;
  error: unknown;
  changed: (order: WorkOrderView) => void;
} {
  const { http } = useSession();
  const queries = useQueryClient();
  const { data, error } = useQuery({ queryKey: KEY, queryFn: () => searchWorkOrders(http, { exceptions: 'open' }) });

  const changed = useCallback(
    (order: WorkOrderView) =>
      queries.setQueryData<WorkOrderView[]>(KEY, (current) => current && withOpenException(current, order)),
    [queries],
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
