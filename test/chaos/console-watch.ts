import type { AlertView } from '@eldercare/contracts';
import { ApiClient } from '@eldercare/testing';
import { AlertFeed } from '../../apps/console/src/api/alert-feed';
import { isLaterSeq } from '../../apps/console/src/api/alert-seq';
import { QueueStore } from '../../apps/console/src/queue/queue-store';

/**
 * A dispatch console outside a browser: the console's own live feed and queue store over socket.io, reconnecting as
 * the console does and asking for what it missed by `seq`. It counts, per alert, how often the queue sounded it as
 * new (what an operator sees and hears), and how many copies of it the socket carried (live or replayed).
 */
export class ConsoleWatch {
  private readonly sounded = new Map<string, number>();
  private readonly copies = new Map<string, number>();
  private readonly latest = new Map<string, AlertView>();
  private snapshots = 0;

  private readonly queue: QueueStore;

  private constructor(private readonly feed: AlertFeed) {
    this.queue = new QueueStore(feed, (alerts) => this.sound(alerts));
    feed.onEvent((event) => {
      if (event.kind === 'snapshot') {
        this.snapshots++;
        for (const alert of [...event.snapshot.open, ...event.snapshot.changedSince]) this.copy(alert);
      } else this.copy(event.alert);
    });
  }

  static async open(apiUrl: string, user: { username: string; password: string }): Promise<ConsoleWatch> {
    const client = await ApiClient.signedIn(apiUrl, user.username, user.password);
    const feed = new AlertFeed(() => undefined, { url: apiUrl, extraHeaders: { cookie: client.cookieHeader } });
    const watch = new ConsoleWatch(feed);
    feed.start();
    return watch;
  }

  /** How many snapshots the console has had: one per (re)connect. */
  get snapshotCount(): number {
    return this.snapshots;
  }

  /** Times the queue sounded this alert as a new critical one. */
  soundedTimes(alertId: string): number {
    return this.sounded.get(alertId) ?? 0;
  }

  /** Copies of the alert the socket carried, live or in a snapshot. */
  copiesOf(alertId: string): number {
    return this.copies.get(alertId) ?? 0;
  }

  /** The alert's status as the console last had it (its highest `seq`), if it had it at all. */
  statusOf(alertId: string): string | undefined {
    return this.latest.get(alertId)?.status;
  }

  close(): void {
    this.queue.dispose();
    this.feed.stop();
  }

  private sound(alerts: AlertView[]): void {
    for (const alert of alerts) this.sounded.set(alert.id, this.soundedTimes(alert.id) + 1);
  }

  private copy(alert: AlertView): void {
    this.copies.set(alert.id, this.copiesOf(alert.id) + 1);
    const known = this.latest.get(alert.id);
    if (!known || isLaterSeq(alert.seq, known.seq)) this.latest.set(alert.id, alert);
  }
}
