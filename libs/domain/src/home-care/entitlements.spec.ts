import { accountMonth, entitlementOf, type EntitlementRule } from './entitlements';

const rules: EntitlementRule[] = [
  { category: 'disabled', service: 'personal-care', perMonth: 30 },
  { category: 'extreme_poverty', service: 'meal-delivery', perMonth: 30 },
  { category: 'extreme_poverty', service: 'personal-care', perMonth: 10 },
];

describe('entitlements', () => {
  it('owes a 失能 特困 elder the largest allowance of each service their categories give, not the sum', () => {
    expect(entitlementOf(['disabled', 'extreme_poverty'], rules)).toEqual(
      new Map([
        ['personal-care', 30],
        ['meal-delivery', 30],
      ]),
    );
    expect(entitlementOf(['empty_nest'], rules)).toEqual(new Map());
  });

  const withinRules = { exceptions: [], resolution: null } as const;

  it('accounts a month: owed, planned, delivered, missed and remaining, leaving cancelled orders out', () => {
    const owed = entitlementOf(['disabled', 'extreme_poverty'], rules);
    const sut = accountMonth(owed, [
      { service: 'personal-care', quantity: 1.5, status: 'checked-out', ...withinRules },
      { service: 'personal-care', quantity: 1, status: 'missed', ...withinRules },
      { service: 'personal-care', quantity: 1, status: 'assigned', ...withinRules },
      { service: 'personal-care', quantity: 1, status: 'cancelled', ...withinRules },
      { service: 'cleaning', quantity: 2, status: 'checked-out', ...withinRules },
    ]);
    expect(sut).toEqual([
      { service: 'cleaning', owed: 0, planned: 2, delivered: 2, missed: 0, remaining: 0 },
      { service: 'meal-delivery', owed: 30, planned: 0, delivered: 0, missed: 0, remaining: 30 },
      { service: 'personal-care', owed: 30, planned: 3.5, delivered: 1.5, missed: 1, remaining: 28.5 },
    ]);
  });

  it('delivers a visit with exceptions only once the provider approves it', () => {
    const owed = entitlementOf(['disabled'], rules);
    const sut = accountMonth(owed, [
      { service: 'personal-care', quantity: 1, status: 'checked-out', exceptions: ['short-visit'], resolution: null },
      {
        service: 'personal-care',
        quantity: 2,
        status: 'checked-out',
        exceptions: ['early-check-in'],
        resolution: 'approved',
      },
      {
        service: 'personal-care',
        quantity: 4,
        status: 'checked-out',
        exceptions: ['far-from-home'],
        resolution: 'rejected',
      },
    ]);
    expect(sut.find((line) => line.service === 'personal-care')).toMatchObject({ planned: 7, delivered: 2 });
  });
});
