import type { ClientToServerEvents, ServerToClientEvents, WorkOrderView } from '@eldercare/contracts';
import { io, type Socket } from 'socket.io-client';

/**
 * The live work-order changes a signed-in user may hear (a caregiver their own, a provider its orders, a family its
 * elder's). A sibling of `AlertFeed` for the roles without the dispatch console: no alerts, no snapshot; a page that
 * missed something while away reads the day again.
 */
export class WorkOrderFeed {
  private readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  private readonly listeners = new Set<(order: WorkOrderView) => void>();

  /** `onReconnect` hears every connect after the first, when the page should read its list afresh. */
  constructor(onReconnect: () => void) {
    this.socket = io({ autoConnect: false, withCredentials: true });
    let connectedBefore = false;
    this.socket.on('connect', () => {
      if (connectedBefore) onReconnect();
      connectedBefore = true;
    });
    this.socket.on('work-order.updated', (order) => this.listeners.forEach((listener) => listener(order)));
  }

  start(): void {
    this.socket.connect();
  }

  stop(): void {
    this.socket.disconnect();
  }

  onOrder(listener: (order: WorkOrderView) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
