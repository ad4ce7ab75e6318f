import type { AlertView } from '@eldercare/contracts';
import type { AlertFeed, FeedEvent } from '../api/alert-feed';
import { EMPTY_QUEUE, newCriticalAlerts, withChange, withListing, withSnapshot, type QueueState } from './queue-state';

/**
 * The queue of one signed-in console, kept while the operator moves between pages so nothing is missed and the
 * alarm sounds wherever they are.
 */
export class QueueStore {
  private state: QueueState = EMPTY_QUEUE;
  // The first queue loaded is what the operator sees on arrival; only alerts after it sound the alarm.
  private primed = false;
  private readonly listeners = new Set<() => void>();
  private readonly stopListening: () => void;

  constructor(
    feed: AlertFeed,
    private readonly onNewCritical: (alerts: AlertView[]) => void,
  ) {
    this.stopListening = feed.onEvent((event) => this.apply(event));
  }

  readonly current = (): QueueState => this.state;

  /** The HTTP listing of open alerts, shown until the socket's snapshot arrives. */
  load(open: AlertView[]): void {
    this.update(withListing(this.state, open));
  }

  /** For `useSyncExternalStore`: an arrow, so it can be passed without binding. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  dispose(): void {
    this.stopListening();
    this.listeners.clear();
  }

  private apply(event: FeedEvent): void {
    this.update(event.kind === 'snapshot' ? withSnapshot(event.snapshot.open) : withChange(this.state, event.alert));
  }

  private update(next: QueueState): void {
    if (next === this.state) return;
    const fresh = this.primed ? newCriticalAlerts(this.state.alerts, next.alerts) : [];
    this.primed = true;
    this.state = next;
    this.listeners.forEach((listener) => listener());
    if (fresh.length > 0) this.onNewCritical(fresh);
  }
}
