import type { WorkOrderView } from '@eldercare/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { WorkOrderFeed } from '../api/work-order-feed';
import { refetchAfterGap } from '../app/session-queries';

/**
 * Hears `work-order.updated` while the component is mounted, each order handed to the latest `onOrder`; after a lost
 * link, when changes may have been missed, the queries on screen are read again.
 */
export function useWorkOrderFeed(onOrder: (order: WorkOrderView) => void): void {
  const queries = useQueryClient();
  const latest = useRef(onOrder);
  latest.current = onOrder;
  useEffect(() => {
    const feed = new WorkOrderFeed(() => void refetchAfterGap(queries));
    const stop = feed.onOrder((order) => latest.current(order));
    feed.start();
    return () => {
      stop();
      feed.stop();
    };
  }, [queries]);
}
