import { DomainError } from '../errors/domain-error';
import { ADAPTATION_ITEMS, isAdaptationItem, type AdaptationItem } from './adaptation-catalogue';

/** A line of a plan as asked: an item of the catalogue and how many. */
export interface PlanLineInput {
  item: string;
  quantity: number;
}

/** A priced line: the guide price, and what the subsidy pays of it and what the household pays. */
export interface PricedPlanLine {
  item: AdaptationItem;
  quantity: number;
  unitPrice: number;
  total: number;
  subsidy: number;
  selfPay: number;
}

export interface PricedPlan {
  lines: PricedPlanLine[];
  total: number;
  subsidy: number;
  selfPay: number;
}

/**
 * Prices a plan at the guide prices and splits it: basic items are subsidised, in the plan's order, until the
 * household's cap is spent; optional items, and basic ones beyond the cap, are self-paid. A case without a subsidy
 * (cap 0) is all self-paid. Refuses unknown items and quantities that are not whole and positive.
 */
export function pricePlan(lines: readonly PlanLineInput[], cap: number): PricedPlan {
  if (lines.length === 0) throw new DomainError('adaptation-plan-invalid', 'a plan needs at least one item');
  let left = cap;
  const priced = lines.map((line): PricedPlanLine => {
    if (!isAdaptationItem(line.item))
      throw new DomainError('adaptation-plan-invalid', `${line.item} is not in the catalogue`);
    if (!Number.isInteger(line.quantity) || line.quantity < 1 || line.quantity > 100)
      throw new DomainError('adaptation-plan-invalid', `${line.item}: the quantity must be a whole number, 1 to 100`);
    const item = ADAPTATION_ITEMS[line.item];
    const total = item.price * line.quantity;
    const subsidy = item.basic ? Math.min(total, left) : 0;
    left -= subsidy;
    return {
      item: line.item,
      quantity: line.quantity,
      unitPrice: item.price,
      total,
      subsidy,
      selfPay: total - subsidy,
    };
  });
  const sum = (pick: (line: PricedPlanLine) => number) => priced.reduce((total, line) => total + pick(line), 0);
  return { lines: priced, total: sum((l) => l.total), subsidy: sum((l) => l.subsidy), selfPay: sum((l) => l.selfPay) };
}

/** What the bureau may set: a household cap per category, and a year's budget (as the api and the console check). */
export const ADAPTATION_SETTING_BOUNDS = {
  capYuan: { min: 0, max: 100_000 },
  budgetYuan: { min: 0, max: 10_000_000_000 },
  year: { min: 2000, max: 2100 },
} as const;

/** The subsidy cap of a household: the largest the bureau set for any of the elder's categories; 0 for none. */
export function householdCap(categories: readonly string[], caps: Readonly<Record<string, number>>): number {
  return Math.max(0, ...categories.map((category) => caps[category] ?? 0));
}
