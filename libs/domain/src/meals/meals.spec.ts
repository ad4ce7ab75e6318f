import { mealCharge, requireIdentificationReason } from './meal-charge';
import { mealCardCodeOf, normaliseMealCardCode } from './meal-card';
import { distanceElsewhereM } from './meal-cross-check';
import { mealOrderTimes, requireMealOrderOpen } from './meal-order';
import { checkMealPeriods, DEFAULT_MEAL_PERIODS, mealPeriodAt } from './meal-periods';
import { mealCategoriesOf, mealSubsidyFor, type MealSubsidyRule } from './meal-subsidy';

const at = (local: string) => Date.parse(`${local}+08:00`);
/** After Nanchang: a 15-yuan set meal costs 特困 and 低保 elders 1 yuan, and those 65 and over 10. */
const RULES: MealSubsidyRule[] = [
  { category: 'extreme_poverty', subsidyCents: 1400, effectiveFrom: '2026-01-01' },
  { category: 'minimum_allowance', subsidyCents: 1400, effectiveFrom: '2026-01-01' },
  { category: 'aged_65', subsidyCents: 300, effectiveFrom: '2026-01-01' },
  { category: 'aged_65', subsidyCents: 500, effectiveFrom: '2026-12-01' },
];
const subsidy = (categories: string[], date = '2026-12-07', sameDistrict = true) =>
  mealSubsidyFor({ categories, sameDistrict, priceCents: 1500, rules: RULES, date });

describe('meal periods', () => {
  it.each([
    ['2026-12-07T06:00:00', 'breakfast'],
    ['2026-12-07T11:45:00', 'lunch'],
    ['2026-12-07T13:29:00', 'lunch'],
    ['2026-12-07T19:00:00', 'dinner'],
  ])('serves %s as %s', (local, period) => {
    expect(mealPeriodAt(DEFAULT_MEAL_PERIODS, at(local))).toEqual({ period, date: '2026-12-07' });
  });

  it('serves nothing between meals', () => {
    expect(mealPeriodAt(DEFAULT_MEAL_PERIODS, at('2026-12-07T13:30:00'))).toBeUndefined();
    expect(mealPeriodAt(DEFAULT_MEAL_PERIODS, at('2026-12-07T22:00:00'))).toBeUndefined();
  });

  it.each([
    ['no meals', []],
    ['lunch twice', [DEFAULT_MEAL_PERIODS[1], DEFAULT_MEAL_PERIODS[1]]],
    ['a lunch closing before it opens', [{ period: 'lunch', opens: '13:00', closes: '11:00' }]],
    [
      'lunch into dinner',
      [
        { period: 'lunch', opens: '11:00', closes: '18:00' },
        { period: 'dinner', opens: '17:30', closes: '19:30' },
      ],
    ],
  ] as const)('refuses %s', (_case, periods) => {
    expect(() => checkMealPeriods(periods)).toThrow(expect.objectContaining({ code: 'canteen-invalid' }));
  });
});

describe('meal subsidies', () => {
  it('gives an elder the largest subsidy of their categories, not the sum', () => {
    expect(subsidy(['extreme_poverty', 'aged_65'])).toEqual({ subsidyCents: 1400, category: 'extreme_poverty' });
  });

  it('counts 65 and over from the age, beside the registry’s categories', () => {
    expect(mealCategoriesOf(['living_alone'], 65)).toEqual(['living_alone', 'aged_65']);
    expect(mealCategoriesOf(['living_alone'], 64)).toEqual(['living_alone']);
  });

  it('applies a new rate from the day it takes effect', () => {
    expect(subsidy(['aged_65'], '2026-11-30').subsidyCents).toBe(300);
    expect(subsidy(['aged_65'], '2026-12-01').subsidyCents).toBe(500);
  });

  it('gives nothing to an elder of another district, or of no subsidised category', () => {
    expect(subsidy(['extreme_poverty'], '2026-12-07', false)).toEqual({ subsidyCents: 0, category: null });
    expect(subsidy(['empty_nest'])).toEqual({ subsidyCents: 0, category: null });
  });

  it('never pays more than the meal costs', () => {
    expect(
      mealSubsidyFor({
        categories: ['extreme_poverty'],
        sameDistrict: true,
        priceCents: 1000,
        rules: RULES,
        date: '2026-12-07',
      }).subsidyCents,
    ).toBe(1000);
  });
});

describe('one subsidised meal per elder per meal period', () => {
  const poverty = { subsidyCents: 1400, category: 'extreme_poverty' };

  it('charges the first meal 1 yuan', () => {
    expect(
      mealCharge({ priceCents: 1500, subsidy: poverty, alreadySubsidised: false, fullPriceConfirmed: false }),
    ).toEqual({ subsidyCents: 1400, selfPayCents: 100, category: 'extreme_poverty' });
  });

  it('refuses a second, or charges it the full price once the cashier confirms', () => {
    expect(() =>
      mealCharge({ priceCents: 1500, subsidy: poverty, alreadySubsidised: true, fullPriceConfirmed: false }),
    ).toThrow(expect.objectContaining({ code: 'meal-already-subsidised' }));
    expect(
      mealCharge({ priceCents: 1500, subsidy: poverty, alreadySubsidised: true, fullPriceConfirmed: true }),
    ).toEqual({
      subsidyCents: 0,
      selfPayCents: 1500,
      category: null,
    });
  });

  it('lets an elder owed no subsidy eat as often as they like at the full price', () => {
    expect(
      mealCharge({
        priceCents: 1500,
        subsidy: { subsidyCents: 0, category: null },
        alreadySubsidised: true,
        fullPriceConfirmed: false,
      }),
    ).toEqual({ subsidyCents: 0, selfPayCents: 1500, category: null });
  });

  it('asks a reason for every way but the face', () => {
    expect(() => requireIdentificationReason('face', null)).not.toThrow();
    expect(() => requireIdentificationReason('qr', ' ')).toThrow(
      expect.objectContaining({ code: 'meal-identification-reason-required' }),
    );
    expect(() => requireIdentificationReason('id-card', '老人未录入人脸')).not.toThrow();
  });
});

describe('ordering a meal ahead', () => {
  const lunch = mealOrderTimes(DEFAULT_MEAL_PERIODS, '2026-12-07', 'lunch');

  it('opens with the meal and closes two hours before it', () => {
    expect(lunch).toEqual({ opensAt: at('2026-12-07T11:00:00'), cutoffAt: at('2026-12-07T09:00:00') });
  });

  it('takes orders and cancellations until the cut-off, and at most a week ahead', () => {
    expect(() => requireMealOrderOpen(lunch, at('2026-12-07T08:59:00'))).not.toThrow();
    expect(() => requireMealOrderOpen(lunch, at('2026-12-07T09:00:00'))).toThrow(
      expect.objectContaining({ code: 'meal-order-closed' }),
    );
    expect(() => requireMealOrderOpen(lunch, at('2026-11-30T11:00:00'))).not.toThrow();
    expect(() => requireMealOrderOpen(lunch, at('2026-11-30T10:59:00'))).toThrow(
      expect.objectContaining({ code: 'meal-order-closed' }),
    );
  });

  it('refuses a meal the canteen does not serve', () => {
    expect(() => mealOrderTimes([DEFAULT_MEAL_PERIODS[1]], '2026-12-07', 'dinner')).toThrow(
      expect.objectContaining({ code: 'canteen-closed' }),
    );
  });
});

describe('the QR card', () => {
  it('carries a code drawn at random, of a set a cashier cannot misread', () => {
    const code = mealCardCodeOf(Uint8Array.from({ length: 16 }, (_, index) => index * 17));
    expect(code).toMatch(/^MC[A-HJKMNP-TV-Z0-9]{16}$/);
    expect(mealCardCodeOf(new Uint8Array(16))).toBe('MCAAAAAAAAAAAAAAAA');
    expect(() => mealCardCodeOf(new Uint8Array(15))).toThrow(RangeError);
  });

  it('reads a code typed with spaces, dashes or in lower case as stored', () => {
    expect(normaliseMealCardCode('mc-abcd efgh')).toBe('MCABCDEFGH');
  });
});

describe('the cross-check against the elder’s devices', () => {
  const canteen = { lat: 28.68, lon: 115.89 };

  it('finds the elder elsewhere when the watch was more than 2 km from the canteen', () => {
    expect(distanceElsewhereM(canteen, { lat: 28.71, lon: 115.89 })).toBe(3336);
  });

  it('leaves the elder at the canteen when near it, or when the position’s accuracy reaches it', () => {
    expect(distanceElsewhereM(canteen, { lat: 28.69, lon: 115.89 })).toBeUndefined();
    expect(distanceElsewhereM(canteen, { lat: 28.71, lon: 115.89, accuracyM: 1500 })).toBeUndefined();
  });
});
