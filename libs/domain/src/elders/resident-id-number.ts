/**
 * The 18-character resident ID number (居民身份证号码, GB 11643): six digits of the place of first registration, the
 * birth date as YYYYMMDD, a three-digit sequence, and a check character over the first seventeen by ISO 7064
 * MOD 11-2 (0-9, or X for ten).
 */
const SHAPE = /^\d{17}[\dX]$/;
/** 2^(17 - i) mod 11 for each of the first seventeen positions. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/** The check character for each remainder of the weighted sum. */
const CHECK_CHARACTERS = '10X98765432';

/** The check character of the first seventeen digits of an ID number. */
export function residentIdCheckCharacter(first17: string): string {
  const sum = [...first17.slice(0, 17)].reduce((total, digit, index) => total + Number(digit) * WEIGHTS[index], 0);
  return CHECK_CHARACTERS[sum % 11];
}

/** The birth date an ID number encodes, `YYYY-MM-DD`; undefined when those eight digits are no calendar date. */
export function birthDateInIdNumber(idNumber: string): string | undefined {
  const match = /^\d{6}(\d{4})(\d{2})(\d{2})/.exec(idNumber);
  if (!match) return undefined;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  const real =
    year >= 1800 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return real ? `${match[1]}-${match[2]}-${match[3]}` : undefined;
}

/**
 * What is wrong with an ID number, in words; undefined when it is well formed, its birth date is a real date and its
 * check character is right. Expects the X, if any, in upper case.
 */
export function residentIdNumberProblem(idNumber: string): string | undefined {
  if (!SHAPE.test(idNumber)) return 'must be 18 characters: 17 digits and a check digit or X';
  if (birthDateInIdNumber(idNumber) === undefined)
    return `characters 7 to 14 (${idNumber.slice(6, 14)}) are not a birth date`;
  const expected = residentIdCheckCharacter(idNumber);
  if (idNumber[17] !== expected)
    return `the check character is ${idNumber[17]} but must be ${expected}: a character is mistyped`;
  return undefined;
}

/** What is wrong between an ID number and the birth date on record; undefined when they agree. */
export function idNumberBirthDateProblem(idNumber: string, birthDate: string): string | undefined {
  const encoded = birthDateInIdNumber(idNumber);
  return encoded === birthDate ? undefined : `encodes the birth date ${encoded ?? 'of nobody'}, not ${birthDate}`;
}
