import { elderQuery, NO_ELDER_FILTERS } from './elder-query';

describe('elderQuery', () => {
  it('asks for the first page of everyone when nothing is chosen', () => {
    expect(elderQuery(NO_ELDER_FILTERS, 0)).toBe('offset=0&limit=50');
  });

  it('sends the chosen filters, trimmed, and the page', () => {
    const sut = new URLSearchParams(elderQuery({ q: ' 王秀 ', regionId: 'r-7', category: 'living_alone' }, 100, 25));
    expect(Object.fromEntries(sut)).toEqual({
      q: '王秀',
      regionId: 'r-7',
      category: 'living_alone',
      offset: '100',
      limit: '25',
    });
  });

  it('never asks for a negative or fractional offset', () => {
    expect(new URLSearchParams(elderQuery(NO_ELDER_FILTERS, -3.5)).get('offset')).toBe('0');
  });
});
