import type { WorkOrderView } from '@eldercare/contracts';
import { centreDateOf, centreTimeOf, dayWindow, inTimeOrder, isWithin, newestFirst, withOrder } from './work-orders';

const order = (id: string, startsAt: string, seq = '1'): WorkOrderView =>
  ({ id, seq, startsAt, status: 'assigned' }) as WorkOrderView;

describe('dayWindow', () => {
  it('is the Shanghai day, whatever the browser zone', () => {
    // 2026-03-08 23:30 in Shanghai is 15:30 UTC.
    expect(dayWindow(Date.parse('2026-03-08T15:30:00Z'))).toEqual({
      from: '2026-03-07T16:00:00.000Z',
      to: '2026-03-08T16:00:00.000Z',
    });
  });

  it('spans several days, from a later one', () => {
    expect(dayWindow(Date.parse('2026-03-08T02:00:00Z'), 2, 1)).toEqual({
      from: '2026-03-08T16:00:00.000Z',
      to: '2026-03-10T16:00:00.000Z',
    });
  });
});

describe('centre date and time', () => {
  it('reads an instant on the Shanghai clock', () => {
    expect(centreDateOf('2026-03-08T16:30:00Z')).toBe('2026-03-09');
    expect(centreTimeOf('2026-03-08T16:30:00Z')).toBe('00:30');
  });
});

describe('order lists', () => {
  const a = order('a', '2026-03-08T01:00:00Z');
  const b = order('b', '2026-03-08T00:00:00Z');
  const c = order('c', '2026-03-08T00:00:00Z');

  it('sorts by start, then id, whatever the change sequence', () => {
    expect(inTimeOrder([a, c, b]).map((o) => o.id)).toEqual(['b', 'c', 'a']);
    expect(inTimeOrder([a, c, { ...b, seq: '9' }]).map((o) => o.id)).toEqual(['b', 'c', 'a']);
    expect(newestFirst([b, a, c]).map((o) => o.id)).toEqual(['a', 'c', 'b']);
  });

  it('replaces an order it holds and adds one only when asked', () => {
    const changed = { ...a, status: 'accepted' as const };
    expect(withOrder([a, b], changed)).toEqual([changed, b]);
    expect(withOrder([b], a)).toEqual([b]);
    expect(withOrder([b], a, () => true)).toEqual([b, a]);
  });

  it('tells whether an instant is in a window', () => {
    const window = { from: '2026-03-08T00:00:00Z', to: '2026-03-09T00:00:00Z' };
    expect(isWithin('2026-03-08T00:00:00Z', window)).toBe(true);
    expect(isWithin('2026-03-09T00:00:00Z', window)).toBe(false);
  });
});
