import type { WorkOrderView } from '@eldercare/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { searchWorkOrders, type WorkOrderSearch } from '../api/work-orders-api';
import { useSession } from '../app/session-context';
import { useWorkOrderFeed } from './use-work-order-feed';
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

  useWorkOrderFeed(changed);

  return { orders: data ?? null, error, changed };
}
