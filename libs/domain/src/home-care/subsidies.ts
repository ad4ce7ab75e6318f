import { ageOn } from '../elders/elder-age';
import { localMonthBounds } from '../time/local-calendar';

/** 高龄营养补贴 (after Wansheng): yuan a month by age band, from the month the elder turns 80. */
export const AGE_ALLOWANCE_BANDS = [
  { fromAge: 100, yuan: 500 },
  { fromAge: 90, yuan: 100 },
  { fromAge: 80, yuan: 50 },
] as const;

/** Care subsidy for extreme-poverty (特困) elders, yuan a month, by how much care they need. */
export const CARE_SUBSIDY_YUAN = { 'full-care': 300, 'half-care': 200, 'self-care': 50 } as const;

export type CareLevel = keyof typeof CARE_SUBSIDY_YUAN;

/** 失能 needs full care, 半失能 half care, anyone else cares for themselves. */
export function careLevelOf(categories: readonly string[]): CareLevel {
  if (categories.includes('disabled')) return 'full-care';
  if (categories.includes('semi_disabled')) return 'half-care';
  return 'self-care';
}

export interface MonthlySubsidy {
  ageAllowance: number;
  careSubsidy: number;
  careLevel: CareLevel | null;
  total: number;
}

/**
 * What an elder receives for the local month `YYYY-MM`: the age allowance by the age reached by the month's last day
 * (the month of the 80th birthday counts), and, for 特困 elders, the care subsidy of their care level.
 */
export function monthlySubsidy(
  elder: { birthDate: string; categories: readonly string[] },
  month: string,
): MonthlySubsidy {
  const age = ageOn(elder.birthDate, localMonthBounds(month).end - 1);
  const ageAllowance = AGE_ALLOWANCE_BANDS.find((band) => age >= band.fromAge)?.yuan ?? 0;
  const careLevel = elder.categories.includes('extreme_poverty') ? careLevelOf(elder.categories) : null;
  const careSubsidy = careLevel ? CARE_SUBSIDY_YUAN[careLevel] : 0;
  return { ageAllowance, careSubsidy, careLevel, total: ageAllowance + careSubsidy };
}
