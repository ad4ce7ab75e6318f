import { DeviceTurns } from './device-turns';

/** A piece of work that finishes when the test says so, recording when it starts. */
function gate(name: string, started: string[]) {
  let open!: () => void;
  let fail!: (error: Error) => void;
  const finished = new Promise<string>((resolve, reject) => {
    open = () => resolve(name);
    fail = reject;
  });
  return {
    work: () => {
      started.push(name);
      return finished;
    },
    open,
    fail,
  };
}

describe('DeviceTurns', () => {
  it("runs one device's work one piece after the other, in the order it came", async () => {
    const sut = new DeviceTurns();
    const started: string[] = [];
    const first = gate('first', started);
    const second = gate('second', started);

    const results = [sut.take('watch-1', first.work), sut.take('watch-1', second.work)];
    await Promise.resolve();
    expect(started).toEqual(['first']);
    first.open();
    second.open();

    expect(await Promise.all(results)).toEqual(['first', 'second']);
    expect(started).toEqual(['first', 'second']);
  });

  it('runs the work of another device meanwhile', async () => {
    const sut = new DeviceTurns();
    const started: string[] = [];
    const blocked = gate('watch-1', started);
    const other = gate('watch-2', started);

    void sut.take('watch-1', blocked.work);
    const result = sut.take('watch-2', other.work);
    other.open();

    expect(await result).toBe('watch-2');
    expect(started).toEqual(['watch-1', 'watch-2']);
    blocked.open();
  });

  it('fails only the work that failed, and runs the next', async () => {
    const sut = new DeviceTurns();
    const started: string[] = [];
    const failing = gate('failing', started);
    const next = gate('next', started);

    const failed = sut.take('watch-1', failing.work);
    const after = sut.take('watch-1', next.work);
    failing.fail(new Error('database gone'));
    next.open();

    await expect(failed).rejects.toThrow('database gone');
    expect(await after).toBe('next');
  });
});
