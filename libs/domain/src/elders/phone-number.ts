/** A mainland mobile number: 11 digits, 1 then 3-9. */
const MOBILE = /^1[3-9]\d{9}$/;
/** A landline with its area code (010, 02x, 0xxx), optionally a hyphen, then a local number of 7 or 8 digits. */
const LANDLINE = /^0\d{2,3}-?[2-9]\d{6,7}$/;

/** How a phone number is to be written, for a refusal. */
export const PHONE_NUMBER_FORMAT =
  'an 11-digit mobile number (13907911234) or a landline with its area code (0791-86123456)';

/** True for a number the dispatch centre can dial as written: a mobile, or a landline with its area code. */
export function isPhoneNumber(value: string): boolean {
  return MOBILE.test(value) || LANDLINE.test(value);
}
