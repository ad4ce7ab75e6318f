import { isAdvancedAge } from './elder-category';

describe('isAdvancedAge', () => {
  it.each([
    ['1946-11-23', '2026-11-23', true],
    ['1946-11-24', '2026-11-23', false],
    ['1930-01-01', '2026-11-23', true],
    ['1960-05-01', '2026-11-23', false],
  ])('born %s is 高龄 on %s: %s', (born, on, expected) => {
    expect(isAdvancedAge(new Date(born), new Date(on))).toBe(expected);
  });
});
