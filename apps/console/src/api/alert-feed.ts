import type {
  AlertSnapshot,
  AlertView,
  ClientToServerEvents,
  ServerToClientEvents,
  SocketHandshake,
} from '@eldercare/contracts';
import { io, type Socket } from 'socket.io-client';
import { SinceTracker } from './alert-seq';
import { SnapshotGate } from './snapshot-gate';

export type FeedEvent =
  { kind: 'snapshot'; snapshot: AlertSnapshot } | { kind: 'raised' | 'updated'; alert: AlertView };

export type ConnectionState = 'connecting' | 'live' | 'reconnecting';

const RETRY_AFTER_REFUSAL_MS = 5000;

/** Where the socket connects: the page's own origin by default; another api and a cookie for a client outside a browser. */
export interface FeedConnection {
  url?: string;
  extraHeaders?: Record<string, string>;
}

/**
 * The live alert events of one signed-in console. Every (re)connect sends the highest `seq` seen so far, so the
 * server's snapshot covers whatever happened while the console was away; events that overtake a connection's
 * snapshot are passed on after it (SnapshotGate).
 */
export class AlertFeed {
  private readonly tracker = new SinceTracker();
  private readonly gate = new SnapshotGate<FeedEvent & { kind: 'raised' | 'updated' }>();
  private readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>;
  private readonly eventListeners = new Set<(event: FeedEvent) => void>();
  private readonly connectionListeners = new Set<() => void>();
  private state: ConnectionState = 'connecting';
  private retry: ReturnType<typeof setTimeout> | undefined;

  /** `onRefused` hears when the server turned the socket away or closed it (a lost session, most likely). */
  constructor(
    private readonly onRefused: () => void,
    { url, extraHeaders }: FeedConnection = {},
  ) {
    const options = {
      autoConnect: false,
      withCredentials: true,
      extraHeaders,
      // A function, not an object: socket.io calls it on every reconnect, so the latest `since` goes each time.
      auth: (send: (handshake: SocketHandshake) => void) => send(this.handshake()),
    };
    this.socket = url === undefined ? io(options) : io(url, options);
    this.socket.on('connect', () => this.setState('live'));
    this.socket.on('disconnect', (reason) => {
      this.gate.disconnected();
      this.setState('reconnecting');
      if (reason === 'io server disconnect') this.refused();
    });
    this.socket.on('connect_error', () => {
      this.setState('reconnecting');
      if (!this.socket.active) this.refused();
    });
    this.socket.on('alert.snapshot', (snapshot) =>
      this.gate.snapshot(
        () => {
          this.tracker.see(snapshot.seq);
          this.emit({ kind: 'snapshot', snapshot });
        },
        (event) => this.emitLive(event),
      ),
    );
    this.socket.on('alert.raised', (alert) =>
      this.gate.live({ kind: 'raised', alert }, (event) => this.emitLive(event)),
    );
    this.socket.on('alert.updated', (alert) =>
      this.gate.live({ kind: 'updated', alert }, (event) => this.emitLive(event)),
    );
  }

  /** For `useSyncExternalStore`, with `onConnectionChange`. */
  readonly connection = (): ConnectionState => this.state;

  start(): void {
    this.socket.connect();
  }

  stop(): void {
    clearTimeout(this.retry);
    this.socket.disconnect();
  }

  onEvent(listener: (event: FeedEvent) => void): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  readonly onConnectionChange = (listener: () => void): (() => void) => {
    this.connectionListeners.add(listener);
    return () => this.connectionListeners.delete(listener);
  };

  // socket.io retries by itself after a lost connection, but not when the server refused or closed the socket
  // (no session, signed out, a failed snapshot): then the console asks again later.
  private refused(): void {
    this.onRefused();
    clearTimeout(this.retry);
    this.retry = setTimeout(() => this.socket.connect(), RETRY_AFTER_REFUSAL_MS);
  }

  private handshake(): SocketHandshake {
    const since = this.tracker.since;
    return since === undefined ? {} : { since };
  }

  private emitLive(event: FeedEvent & { kind: 'raised' | 'updated' }): void {
    this.tracker.see(event.alert.seq);
    this.emit(event);
  }

  private emit(event: FeedEvent): void {
    this.eventListeners.forEach((listener) => listener(event));
  }

  private setState(state: ConnectionState): void {
    if (state === this.state) return;
    this.state = state;
    this.connectionListeners.forEach((listener) => listener());
  }
}
