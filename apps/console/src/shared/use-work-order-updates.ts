import type { WorkOrderView } from '@eldercare/contracts';
import { useEffect, useRef } from 'react';
import { WorkOrderFeed } from '../api/work-order-feed';

/** Calls `onOrder` with every `work-order.updated` while the page is open, and `onReconnect` after a lost link. */
export function useWorkOrderUpdates(onOrder: (order: WorkOrderView) => void, onReconnect: () => void): void {
  const latest = useRef({ onOrder, onReconnect });
  latest.current = { onOrder, onReconnect };

  useEffect(() => {
    const feed = new WorkOrderFeed(() => latest.current.onReconnect());
    const stop = feed.onOrder((order) => latest.current.onOrder(order));
    feed.start();
    return () => {
      stop();
      feed.stop();
    };
  }, []);
}
