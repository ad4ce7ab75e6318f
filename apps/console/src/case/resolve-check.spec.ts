import { checkResolve } from './resolve-check';

describe('checkResolve', () => {
  it('needs an outcome', () => {
    expect(checkResolve('', 'called')).toEqual({ ok: false, problem: 'outcome-missing' });
    expect(checkResolve('made-up', '')).toEqual({ ok: false, problem: 'outcome-missing' });
  });

  it('needs a reason for other, and blanks do not count', () => {
    expect(checkResolve('other', '   ')).toEqual({ ok: false, problem: 'reason-required' });
    expect(checkResolve('other', ' 邻居代为报警 ')).toEqual({
      ok: true,
      request: { outcome: 'other', reason: '邻居代为报警' },
    });
  });

  it('sends a reason only when one was written', () => {
    expect(checkResolve('family-went', '')).toEqual({ ok: true, request: { outcome: 'family-went' } });
    expect(checkResolve('family-went', '女儿十分钟到达')).toEqual({
      ok: true,
      request: { outcome: 'family-went', reason: '女儿十分钟到达' },
    });
  });
});
