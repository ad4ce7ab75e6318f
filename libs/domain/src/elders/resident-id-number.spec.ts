import {
  birthDateInIdNumber,
  idNumberBirthDateProblem,
  residentIdCheckCharacter,
  residentIdNumberProblem,
} from './resident-id-number';

describe('resident ID numbers', () => {
  it.each([
    ['36010219410308122', '8'],
    ['11010519491231002', 'X'],
    ['44030419440229003', '1'],
    ['11010119800101001', '0'],
  ])('computes the ISO 7064 MOD 11-2 check character of %s as %s', (first17, check) => {
    expect(residentIdCheckCharacter(first17)).toBe(check);
  });

  it.each([
    ['a valid number', '360102194103081228'],
    ['a check character X', '11010519491231002X'],
    ['a birth date on 29 February of a leap year', '440304194402290031'],
  ])('accepts %s', (_case, idNumber) => {
    expect(residentIdNumberProblem(idNumber)).toBeUndefined();
  });

  it.each([
    ['17 characters', '36010219410308122', /18 characters/],
    ['19 characters', '3601021941030812288', /18 characters/],
    ['a letter among the digits', '3601021941O3081228', /18 characters/],
    ['a lower-case x (callers upper-case it first)', '11010519491231002x', /18 characters/],
    ['a wrong check character', '360102194103081226', /check character is 6 but must be 8/],
    ['two digits swapped', '360102194103081282', /check character/],
    ['a month 13', '360102194113081221', /\(19411308\) are not a birth date/],
    ['29 February of a common year', '440304194302290034', /not a birth date/],
    ['a year before 1800', '360102170001011230', /not a birth date/],
  ])('refuses %s', (_case, idNumber, problem) => {
    expect(residentIdNumberProblem(idNumber)).toMatch(problem);
  });

  it('reads the birth date in characters 7 to 14', () => {
    expect(birthDateInIdNumber('360102194103081228')).toBe('1941-03-08');
    expect(birthDateInIdNumber('360102194113081221')).toBeUndefined();
  });

  it.each([
    ['1941-03-08', undefined],
    ['1941-03-09', /encodes the birth date 1941-03-08, not 1941-03-09/],
    ['1914-03-08', /encodes the birth date 1941-03-08/],
  ])('compares the encoded birth date with %s', (birthDate, problem) => {
    const sut = idNumberBirthDateProblem('360102194103081228', birthDate);
    if (problem === undefined) expect(sut).toBeUndefined();
    else expect(sut).toMatch(problem);
  });
});
