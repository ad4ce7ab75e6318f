/** Digits of the short code the elder holds and tells the caregiver at the door, a second proof beside position. */
export const VISIT_CODE_DIGITS = 6;

/** The code from a random integer in `[0, 10^VISIT_CODE_DIGITS)`, zero-padded. */
export function visitCodeOf(random: number): string {
  return String(random).padStart(VISIT_CODE_DIGITS, '0');
}

/** Whether the code the caregiver typed is the elder's; spaces around it are forgiven. */
export function visitCodeMatches(expected: string, given: string | undefined): boolean {
  return given !== undefined && given.trim() === expected;
}
