import { monthlySubsidy } from './subsidies';

describe('monthly subsidies', () => {
  it.each([
    ['79 all month', '1947-12-15', [], 0],
    ['turning 80 in the month', '1946-11-30', [], 50],
    ['89', '1937-01-01', [], 50],
    ['90', '1936-06-01', [], 100],
    ['100', '1926-02-01', [], 500],
  ])('pays the age allowance of an elder %s', (_case, birthDate, categories, yuan) => {
    expect(monthlySubsidy({ birthDate, categories }, '2026-11').ageAllowance).toBe(yuan);
  });

  it.each([
    [['extreme_poverty', 'disabled'], 'full-care', 300],
    [['extreme_poverty', 'semi_disabled'], 'half-care', 200],
    [['extreme_poverty'], 'self-care', 50],
    [['disabled'], null, 0],
  ])('pays the care subsidy of %j by care level', (categories, careLevel, yuan) => {
    expect(monthlySubsidy({ birthDate: '1950-01-01', categories }, '2026-11')).toMatchObject({
      careLevel,
      careSubsidy: yuan,
    });
  });

  it('adds both for an extreme-poverty disabled elder of 92', () => {
    expect(
      monthlySubsidy({ birthDate: '1934-03-03', categories: ['extreme_poverty', 'disabled'] }, '2026-11').total,
    ).toBe(400);
  });
});
