import { coinsOf } from '@eldercare/domain';

/** Coin minutes as the console shows coins: `1.5`, `2`, `0.25`. */
export function coinText(minutes: number): string {
  return String(coinsOf(minutes));
}

/** The next thing a volunteer does with a request on their phone, or nothing while others decide. */
export function volunteerStep(status: string, taken: boolean): 'take' | 'check-in' | 'check-out' | null {
  if (status === 'open' && !taken) return 'take';
  if (status === 'taken' && taken) return 'check-in';
  if (status === 'checked-in' && taken) return 'check-out';
  return null;
}
