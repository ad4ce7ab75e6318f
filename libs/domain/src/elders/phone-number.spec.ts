import { isPhoneNumber } from './phone-number';

describe('isPhoneNumber', () => {
  it.each([
    ['a mobile number', '13907911234', true],
    ['a mobile number of a 19x carrier', '19907911234', true],
    ['a landline with a 4-digit area code and a hyphen', '0791-86123456', true],
    ['a landline with a 4-digit area code, no hyphen', '079186123456', true],
    ['a Beijing landline', '010-62345678', true],
    ['a 7-digit local number', '0797-8123456', true],
    ['a mobile number one digit short', '1390791123', false],
    ['a mobile number one digit long', '139079112345', false],
    ['a mobile number starting 12', '12907911234', false],
    ['a mobile number with the country code', '+8613907911234', false],
    ['a mobile number with spaces', '139 0791 1234', false],
    ['a landline without its area code', '86123456', false],
    ['a local number starting with 0', '0791-06123456', false],
    ['an emergency number', '120', false],
    ['empty', '', false],
  ])('%s (%s): %p', (_case, value, expected) => {
    expect(isPhoneNumber(value)).toBe(expected);
  });
});
