import { historyQuery, NO_FILTERS } from './history-query';

describe('historyQuery', () => {
  it('asks for the first page of everything when nothing is chosen', () => {
    expect(historyQuery(NO_FILTERS, null)).toBe('limit=50');
  });

  it('sends the chosen filters, trimmed, and the page cursor', () => {
    const sut = new URLSearchParams(
      historyQuery(
        { ...NO_FILTERS, rule: 'fall', status: 'resolved', outcome: 'family-went', regionId: 'r-7', elder: ' 王秀英 ' },
        'c-42',
        20,
      ),
    );
    expect(Object.fromEntries(sut)).toEqual({
      rule: 'fall',
      status: 'resolved',
      outcome: 'family-went',
      regionId: 'r-7',
      elder: '王秀英',
      before: 'c-42',
      limit: '20',
    });
  });

  it('sends days as plain dates, for the api to read in the centre’s zone', () => {
    const sut = new URLSearchParams(historyQuery({ ...NO_FILTERS, from: '2025-03-01', to: '2025-03-08' }, null));
    expect([sut.get('from'), sut.get('to')]).toEqual(['2025-03-01', '2025-03-08']);
  });

  it('ignores a day that is not a date', () => {
    expect(new URLSearchParams(historyQuery({ ...NO_FILTERS, from: '3/1/2025' }, null)).has('from')).toBe(false);
  });
});
