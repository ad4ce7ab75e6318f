import { SnapshotGate } from './snapshot-gate';

describe('SnapshotGate', () => {
  const run = (steps: ((gate: SnapshotGate<string>, out: string[]) => void)[]) => {
    const gate = new SnapshotGate<string>();
    const out: string[] = [];
    steps.forEach((step) => step(gate, out));
    return out;
  };
  const disconnect = (gate: SnapshotGate<string>) => gate.disconnected();
  const live = (event: string) => (gate: SnapshotGate<string>, out: string[]) => gate.live(event, (e) => out.push(e));
  const snapshot = (gate: SnapshotGate<string>, out: string[]) =>
    gate.snapshot(
      () => out.push('snapshot'),
      (e) => out.push(e),
    );

  it('holds what comes before the first snapshot and passes it on after it, in order', () => {
    expect(run([live('a'), live('b'), snapshot, live('c')])).toEqual(['snapshot', 'a', 'b', 'c']);
  });

  it('holds again from a lost connection until the next connection’s snapshot', () => {
    expect(run([snapshot, live('a'), disconnect, live('b'), snapshot, live('c')])).toEqual([
      'snapshot',
      'a',
      'snapshot',
      'b',
      'c',
    ]);
  });

  it('passes events on at once between a snapshot and a lost connection', () => {
    expect(run([snapshot, live('a'), live('b')])).toEqual(['snapshot', 'a', 'b']);
  });
});
