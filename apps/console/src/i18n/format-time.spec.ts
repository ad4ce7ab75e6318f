import { formatClock, formatDateTime, formatDuration, formatTimeOfDay, secondsSince } from './format-time';

describe('formatDuration', () => {
  it.each([
    [0, '0秒', '0 s'],
    [45, '45秒', '45 s'],
    [192, '3分12秒', '3 min 12 s'],
    [7500, '2小时5分', '2 h 5 min'],
    [97200, '1天3小时', '1 d 3 h'],
  ])('says %p seconds as %p or %p', (seconds, zh, en) => {
    expect(formatDuration(seconds, 'zh-CN')).toBe(zh);
    expect(formatDuration(seconds, 'en')).toBe(en);
  });

  it('never says a negative span', () => {
    expect(formatDuration(-5, 'zh-CN')).toBe('0秒');
  });
});

describe('formatClock', () => {
  it.each([
    [7, '0:07'],
    [760, '12:40'],
    [3723, '1:02:03'],
    [-1, '0:00'],
  ])('shows %p seconds as %p', (seconds, text) => {
    expect(formatClock(seconds)).toBe(text);
  });
});

describe('times of day', () => {
  const at = new Date(2025, 2, 8, 14, 3, 5).toISOString();

  it('are shown to the second in the local zone', () => {
    expect(formatDateTime(at)).toBe('2025-03-08 14:03:05');
    expect(formatTimeOfDay(at)).toBe('14:03:05');
  });
});

describe('secondsSince', () => {
  it('counts whole seconds and reads a future time as zero', () => {
    const from = '2025-03-08T06:00:00.000Z';
    expect(secondsSince(from, Date.parse(from) + 61_900)).toBe(61);
    expect(secondsSince(from, Date.parse(from) - 5_000)).toBe(0);
  });
});
