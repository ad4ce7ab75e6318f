import { DomainError } from '../errors/domain-error';
import type { MealSubsidy } from './meal-subsidy';

/**
 * How the cashier knew the elder at the counter: a face matched by the terminal, the ID card, the community's QR
 * card, or staff who know them.
 */
export const COUNTER_IDENTIFICATIONS = ['face', 'id-card', 'qr', 'staff'] as const;

/**
 * How a meal came to be recorded: one of the counter's ways, or `order`, ordered by the elder's family.
 * STORED OUTSIDE THE CODE: meal_transactions rows keep these codes. Never rename one.
 */
export const MEAL_IDENTIFICATIONS = [...COUNTER_IDENTIFICATIONS, 'order'] as const;
export type MealIdentification = (typeof MEAL_IDENTIFICATIONS)[number];

/** Everything but a matched face needs the cashier's reason, recorded with the meal. */
export function requireIdentificationReason(identifiedBy: MealIdentification, reason: string | null): void {
  if (identifiedBy !== 'face' && !reason?.trim())
    throw new DomainError('meal-identification-reason-required', 'say why the face check was not used');
}

export interface MealCharge {
  subsidyCents: number;
  selfPayCents: number;
  /** The category the subsidy is given for. */
  category: string | null;
}

/**
 * What one meal costs the elder. One subsidised meal per elder per meal period across the city: when the elder has
 * had theirs, a second is refused (`meal-already-subsidised`) unless the cashier confirms it at the full price.
 */
export function mealCharge(input: {
  priceCents: number;
  subsidy: MealSubsidy;
  alreadySubsidised: boolean;
  fullPriceConfirmed: boolean;
}): MealCharge {
  if (input.subsidy.subsidyCents > 0 && input.alreadySubsidised) {
    if (!input.fullPriceConfirmed)
      throw new DomainError(
        'meal-already-subsidised',
        'the elder has had a subsidised meal in this period: serve it at the full price only after confirming',
      );
    return { subsidyCents: 0, selfPayCents: input.priceCents, category: null };
  }
  return {
    subsidyCents: input.subsidy.subsidyCents,
    selfPayCents: input.priceCents - input.subsidy.subsidyCents,
    category: input.subsidy.category,
  };
}
