import { containing, optionalFilters } from './sql-filters';

describe('optional filters of a search', () => {
  it('add a condition for each filter asked for, numbering its parameter after those already taken', () => {
    const params: unknown[] = ['scope-region'];
    const conditions = ['scope'];
    const add = optionalFilters(params, conditions);

    add('sos', (p) => `a.rule = ${p}`);
    add(undefined, (p) => `a.status = ${p}`);
    add(0, (p) => `a.count = ${p}`);

    expect(conditions).toEqual(['scope', 'a.rule = $2', 'a.count = $3']);
    expect(params).toEqual(['scope-region', 'sos', 0]);
  });
});

describe('a LIKE pattern for a part of a text', () => {
  it.each([
    ['秀英', '%秀英%'],
    ['50%_off', '%50\\%\\_off%'],
    ['a\\b', '%a\\\\b%'],
  ])('takes %s literally', (part, pattern) => {
    expect(containing(part)).toBe(pattern);
  });
});
