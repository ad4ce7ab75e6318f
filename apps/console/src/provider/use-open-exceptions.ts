import type { WorkOrderView } from '@eldercare/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { searchWorkOrders } from '../api/work-orders-api';
import { useSession } from '../app/session-context';
import { useWorkOrderFeed } from '../shared/use-work-order-feed';
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

  useWorkOrderFeed(changed);

  return { orders: data ?? null, error, changed };
}
