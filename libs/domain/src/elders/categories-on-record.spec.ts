import { categoriesOnRecord } from './categories-on-record';

describe('categoriesOnRecord', () => {
  const on = Date.parse('2026-11-23T09:00:00+08:00');

  it.each([
    [
      'adds 高龄 to an elder of 80 who was not given it',
      ['living_alone'],
      '1946-11-23',
      ['living_alone', 'advanced_age'],
    ],
    [
      'keeps 高龄 of an elder over 80, once, at the end',
      ['advanced_age', 'dementia'],
      '1930-01-01',
      ['dementia', 'advanced_age'],
    ],
    ['takes 高龄 from an elder who turns 80 tomorrow', ['advanced_age', 'empty_nest'], '1946-11-24', ['empty_nest']],
    [
      'leaves the categories of a younger elder as chosen',
      ['low_income', 'disabled'],
      '1960-05-01',
      ['low_income', 'disabled'],
    ],
    ['gives 高龄 alone to an elder of 90 given nothing', [], '1936-01-01', ['advanced_age']],
  ])('%s', (_case, chosen, birthDate, expected) => {
    expect(categoriesOnRecord(chosen, birthDate, on)).toEqual(expected);
  });
});
