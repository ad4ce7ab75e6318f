/**
 * Categories of the civil-affairs registry; an elder may be in several.
 * STORED OUTSIDE THE CODE: the codes are kept in the database. Labels are zh-CN first, English second.
 */
export const ELDER_CATEGORIES = {
  living_alone: { zh: '独居', en: 'living alone' },
  empty_nest: { zh: '空巢', en: 'empty nest' },
  left_behind: { zh: '农村留守', en: 'left behind in the countryside' },
  advanced_age: { zh: '高龄', en: 'advanced age (80+)' },
  disabled: { zh: '失能', en: 'disabled' },
  semi_disabled: { zh: '半失能', en: 'semi-disabled' },
  dementia: { zh: '失智', en: 'dementia' },
  extreme_poverty: { zh: '特困', en: 'extreme poverty support' },
  minimum_allowance: { zh: '低保', en: 'minimum living allowance' },
  low_income: { zh: '低收入', en: 'low income' },
  severe_disability: { zh: '重残', en: 'severe disability' },
} as const;

export type ElderCategory = keyof typeof ELDER_CATEGORIES;

/** 高龄 is a matter of age, not of choice: 80 and over on the given day. */
export function isAdvancedAge(birthDate: Date, on: Date): boolean {
  const eightieth = new Date(birthDate);
  eightieth.setFullYear(birthDate.getFullYear() + 80);
  return eightieth <= on;
}
