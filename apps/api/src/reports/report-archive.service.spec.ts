import { monthBefore } from './report-archive.service';

describe('monthBefore', () => {
  it.each([
    ['the first minutes of a month in Shanghai, still the month before in UTC', '2025-03-01T00:30:00+08:00', '2025-02'],
    ['01:00 on the first, when the scheduler fires', '2025-04-01T01:00:00+08:00', '2025-03'],
    ['the last instant of a month', '2025-03-31T23:59:59+08:00', '2025-02'],
    ['January', '2026-01-01T01:00:00+08:00', '2025-12'],
  ])('gives the month before for %s', (_case, at, expected) => {
    expect(monthBefore(Date.parse(at))).toBe(expected);
  });
});
