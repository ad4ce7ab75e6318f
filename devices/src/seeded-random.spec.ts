import { SeededRandom } from './seeded-random';

const draw = (random: SeededRandom, count: number) => Array.from({ length: count }, () => random.next());

describe('SeededRandom', () => {
  it('gives the same sequence for the same seed parts, and another for other parts', () => {
    expect(draw(SeededRandom.from('elder-1', 3), 20)).toEqual(draw(SeededRandom.from('elder-1', 3), 20));
    expect(draw(SeededRandom.from('elder-1', 3), 20)).not.toEqual(draw(SeededRandom.from('elder-1', 4), 20));
    expect(draw(SeededRandom.from('elder-13'), 20)).not.toEqual(draw(SeededRandom.from('elder-1', 3), 20));
  });

  it('draws uniformly from [0, 1)', () => {
    const values = draw(SeededRandom.from('uniform'), 20_000);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    const tenths = Array.from(
      { length: 10 },
      (_, tenth) => values.filter((value) => Math.floor(value * 10) === tenth).length,
    );
    tenths.forEach((count) => expect(Math.abs(count - 2_000)).toBeLessThan(200));
  });

  it.each([
    { min: 1, max: 6 },
    { min: 0, max: 1 },
    { min: -3, max: 3 },
  ])('draws every integer of [$min, $max] and nothing else', ({ min, max }) => {
    const sut = SeededRandom.from('int', min, max);
    const seen = new Set(Array.from({ length: 2_000 }, () => sut.int(min, max)));
    expect([...seen].sort((a, b) => a - b)).toEqual(Array.from({ length: max - min + 1 }, (_, index) => min + index));
  });

  it('draws normal values around the mean with the given spread', () => {
    const sut = SeededRandom.from('normal');
    const values = Array.from({ length: 20_000 }, () => sut.normal(70, 5));
    const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
    const sd = Math.sqrt(values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / values.length);
    expect(mean).toBeCloseTo(70, 0);
    expect(sd).toBeGreaterThan(4.8);
    expect(sd).toBeLessThan(5.2);
  });
});
