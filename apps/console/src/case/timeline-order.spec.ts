import type { TimelineEntry } from '@eldercare/contracts';
import { inTimeOrder } from './timeline-order';

const entry = (kind: TimelineEntry['kind'], at: string): TimelineEntry => ({ kind, at, by: null, detail: null });

describe('inTimeOrder', () => {
  it('puts the oldest first and keeps the order of simultaneous entries', () => {
    const sut = inTimeOrder([
      entry('acknowledged', '2025-03-08T06:01:10Z'),
      entry('received', '2025-03-08T06:00:01Z'),
      entry('raised', '2025-03-08T06:00:01Z'),
      entry('device-time', '2025-03-08T06:00:00Z'),
    ]);
    expect(sut.map((item) => item.kind)).toEqual(['device-time', 'received', 'raised', 'acknowledged']);
  });
});
