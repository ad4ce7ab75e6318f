/**
 * Holds the live events that arrive before a connection's snapshot (from the start, or from a lost connection on), and hands them on
 * after it. The server joins a socket to its rooms before it reads the snapshot, so an alert raised meanwhile can be
 * announced ahead of a snapshot that does not have it yet: applied first, it would be wiped out by the snapshot.
 * Applied after it, a copy the snapshot already has is no later than the one held and changes nothing.
 */
export class SnapshotGate<Event> {
  private held: Event[] | undefined = [];

  /** The connection is lost: everything until the next connection's snapshot is held. */
  disconnected(): void {
    this.held = [];
  }

  /** A live event: passed on at once, or held while the snapshot is awaited. */
  live(event: Event, pass: (event: Event) => void): void {
    if (this.held) this.held.push(event);
    else pass(event);
  }

  /** The snapshot arrived: it is passed on, then what was held, in the order it came. */
  snapshot(pass: () => void, passHeld: (event: Event) => void): void {
    const held = this.held ?? [];
    this.held = undefined;
    pass();
    held.forEach(passHeld);
  }
}
