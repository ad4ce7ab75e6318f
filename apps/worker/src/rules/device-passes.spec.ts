import { DevicePasses, type PassFailures } from './device-passes';

/** Passes that finish when the test says so, recording the work each was given. */
function gatedPasses() {
  const passes: { work: Record<string, string[]>; finish: (failures?: PassFailures) => void; fail: () => void }[] = [];
  const run = (work: ReadonlyMap<string, string[]>) =>
    new Promise<PassFailures>((resolve, reject) => {
      passes.push({
        work: Object.fromEntries(work),
        finish: (failures = new Map()) => resolve(failures),
        fail: () => reject(new Error('database gone')),
      });
    });
  return { passes, run };
}

const work = (entries: Record<string, string[]>) => new Map(Object.entries(entries));

describe('DevicePasses', () => {
  it('gathers what comes while a pass runs into the next pass, each device in the order its work came', async () => {
    const { passes, run } = gatedPasses();
    const sut = new DevicePasses(run, 100, 1);

    const first = sut.apply(work({ 'wm-1': ['r1'] }));
    const second = sut.apply(work({ 'wm-1': ['r2'], 'wm-2': ['r1'] }));
    const third = sut.apply(work({ 'wm-1': ['r3'], 'wm-3': ['r1'] }));
    expect(passes.map((pass) => pass.work)).toEqual([{ 'wm-1': ['r1'] }]);

    passes[0].finish();
    await first;
    expect(passes.map((pass) => pass.work)).toEqual([
      { 'wm-1': ['r1'] },
      { 'wm-1': ['r2', 'r3'], 'wm-2': ['r1'], 'wm-3': ['r1'] },
    ]);
    passes[1].finish();
    await Promise.all([second, third]);
  });

  it('never has one device in two passes at once, and runs other devices meanwhile', async () => {
    const { passes, run } = gatedPasses();
    const sut = new DevicePasses(run, 100, 2);

    void sut.apply(work({ 'wm-1': ['r1'] }));
    const other = sut.apply(work({ 'wm-1': ['r2'], 'wm-2': ['r1'] }));

    expect(passes.map((pass) => pass.work)).toEqual([{ 'wm-1': ['r1'] }, { 'wm-2': ['r1'] }]);
    passes[1].finish();
    passes[0].finish();
    await new Promise(setImmediate);
    expect(passes[2].work).toEqual({ 'wm-1': ['r2'] });
    passes[2].finish();
    await other;
  });

  it('takes at most its number of devices into one pass, the ones waiting longest first', async () => {
    const { passes, run } = gatedPasses();
    const sut = new DevicePasses(run, 2, 1);

    const applied = sut.apply(work({ a: ['1'], b: ['1'], c: ['1'] }));

    expect(passes.map((pass) => pass.work)).toEqual([{ a: ['1'], b: ['1'] }]);
    passes[0].finish();
    await new Promise(setImmediate);
    expect(passes[1].work).toEqual({ c: ['1'] });
    passes[1].finish();
    await applied;
  });

  it('fails the work of the devices a pass failed, and only theirs', async () => {
    const { passes, run } = gatedPasses();
    const sut = new DevicePasses(run, 100, 1);
    void sut.apply(work({ gate: ['1'] }));

    const bad = sut.apply(work({ unknown: ['1'] }));
    const good = sut.apply(work({ 'wm-1': ['1'] }));
    passes[0].finish();
    await new Promise(setImmediate);
    passes[1].finish(new Map([['unknown', new Error('not registered')]]));

    await expect(bad).rejects.toThrow('not registered');
    await expect(good).resolves.toBeUndefined();
  });

  it('fails every device of a pass that failed as a whole, and goes on with the next', async () => {
    const { passes, run } = gatedPasses();
    const sut = new DevicePasses(run, 100, 1);

    const failed = sut.apply(work({ 'wm-1': ['1'], 'wm-2': ['1'] }));
    const next = sut.apply(work({ 'wm-1': ['2'] }));
    passes[0].fail();

    await expect(failed).rejects.toThrow('database gone');
    await new Promise(setImmediate);
    expect(passes[1].work).toEqual({ 'wm-1': ['2'] });
    passes[1].finish();
    await next;
  });
});
