import { ageOn, mealCategoriesOf, mealSubsidyFor, type MealPeriod, type MealSubsidy } from '@eldercare/domain';
import { CanteenRepository, type CanteenRecord, type DinerRecord } from '@eldercare/persistence';
import { Injectable } from '@nestjs/common';

/**
 * The subsidy an elder is owed for one meal at a canteen, and whether they had a subsidised one in the period
 * already: the same for a meal at the counter and one the family orders.
 */
@Injectable()
export class MealSubsidyCheck {
  constructor(private readonly canteens: CanteenRepository) {}

  async of(
    canteen: CanteenRecord,
    diner: DinerRecord,
    meal: { date: string; period: MealPeriod },
    now: number,
  ): Promise<{ subsidy: MealSubsidy; alreadySubsidised: boolean }> {
    const [rules, alreadySubsidised] = await Promise.all([
      this.canteens.subsidyRules(),
      this.canteens.hasSubsidisedMeal(diner.id, meal.date, meal.period),
    ]);
    const subsidy = mealSubsidyFor({
      categories: mealCategoriesOf(diner.categories, ageOn(diner.birthDate, now)),
      sameDistrict: diner.districtId !== null && diner.districtId === canteen.districtId,
      priceCents: canteen.priceCents,
      rules,
      date: meal.date,
    });
    return { subsidy, alreadySubsidised };
  }
}
