import { ageOn } from './elder-age';

describe('ageOn', () => {
  it.each([
    ['the day before the birthday', '1946-03-15', '2026-03-14T12:00:00+08:00', 79],
    ['on the birthday', '1946-03-15', '2026-03-15T00:00:00+08:00', 80],
    ['on the birthday in Shanghai while it is still the day before in UTC', '1946-03-15', '2026-03-14T16:30:00Z', 80],
    ['after the birthday', '1946-03-15', '2026-11-23T09:00:00+08:00', 80],
    ['born on 29 February, on 28 February of a common year', '1944-02-29', '2026-02-28T12:00:00+08:00', 81],
  ])('counts full years %s', (_case, birthDate, at, age) => {
    expect(ageOn(birthDate, Date.parse(at))).toBe(age);
  });
});
