/**
 * The QR card a community gives an elder who cannot use the face check. It carries a card code of its own, drawn at
 * random when the card is issued, never the elder's record id: ids are seen by families, in addresses and in logs,
 * and a card made from one would eat on someone else's subsidy. Reissuing a card makes the old code worthless.
 */
/** Letters and digits a cashier cannot misread for one another (no I, L, O or U). */
const ALPHABET = 'ABCDEFGHJKMNPQRSTVWXYZ0123456789';
export const MEAL_CARD_PREFIX = 'MC';
/** 16 characters of 5 bits: 80 random bits, not to be guessed at a counter. */
export const MEAL_CARD_CODE_LENGTH = 16;
export const MEAL_CARD_RANDOM_BYTES = MEAL_CARD_CODE_LENGTH;

/** The code a card carries, from `MEAL_CARD_RANDOM_BYTES` random bytes: `MC` and 16 characters of a 32-letter set. */
export function mealCardCodeOf(random: Uint8Array): string {
  if (random.length < MEAL_CARD_CODE_LENGTH) throw new RangeError(`a card code takes ${MEAL_CARD_CODE_LENGTH} bytes`);
  let code = MEAL_CARD_PREFIX;
  for (let index = 0; index < MEAL_CARD_CODE_LENGTH; index++) code += ALPHABET[random[index] % 32];
  return code;
}

/** What the scanner or the cashier's keyboard gave, as cards are stored: upper case, without spaces or dashes. */
export function normaliseMealCardCode(value: string): string {
  return value.replace(/[\s-]/g, '').toUpperCase();
}
