/** What the bureau pays towards one set meal for a category of elder, in fen, from a date on. */
export interface MealSubsidyRule {
  category: string;
  subsidyCents: number;
  /** `YYYY-MM-DD`: the rule holds from this local date until a later rule for the category. */
  effectiveFrom: string;
}

/**
 * The age category the canteens subsidise beside the registry's categories: 65 and over (the registry's own age
 * category, 高龄, starts at 80).
 * STORED OUTSIDE THE CODE: meal_subsidy_rules rows keep this code. Never rename it.
 */
export const AGED_65_CATEGORY = 'aged_65';

/** The categories a canteen's subsidy is decided by: the registry's, and `aged_65` from 65 on. */
export function mealCategoriesOf(categories: readonly string[], age: number): string[] {
  return age >= 65 ? [...categories, AGED_65_CATEGORY] : [...categories];
}

/** The rules in force on `date`: per category, the latest that took effect on or before it. */
export function rulesInForce(rules: readonly MealSubsidyRule[], date: string): Map<string, MealSubsidyRule> {
  const inForce = new Map<string, MealSubsidyRule>();
  for (const rule of rules) {
    if (rule.effectiveFrom > date) continue;
    const held = inForce.get(rule.category);
    if (!held || held.effectiveFrom < rule.effectiveFrom) inForce.set(rule.category, rule);
  }
  return inForce;
}

export interface MealSubsidy {
  subsidyCents: number;
  /** The category the subsidy is given for; null when none. */
  category: string | null;
}

/**
 * The subsidy of one set meal for an elder on `date`: the largest their categories are owed (one person, not a sum),
 * never more than the meal's price. An elder of another district eats at the full price: the district pays.
 */
export function mealSubsidyFor(input: {
  categories: readonly string[];
  sameDistrict: boolean;
  priceCents: number;
  rules: readonly MealSubsidyRule[];
  date: string;
}): MealSubsidy {
  if (!input.sameDistrict) return { subsidyCents: 0, category: null };
  let best: MealSubsidy = { subsidyCents: 0, category: null };
  for (const [category, rule] of rulesInForce(input.rules, input.date))
    if (input.categories.includes(category) && rule.subsidyCents > best.subsidyCents)
      best = { subsidyCents: rule.subsidyCents, category };
  return { ...best, subsidyCents: Math.min(best.subsidyCents, input.priceCents) };
}
