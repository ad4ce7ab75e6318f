import { DomainError } from '../errors/domain-error';
import { DAY_MS } from '../time/durations';
import { ADAPTATION_GROUPS, ADAPTATION_ITEMS, ADAPTATION_ITEM_CODES } from './adaptation-catalogue';
import {
  checkStepInput,
  isStepLate,
  nextAdaptationStage,
  pendingStep,
  stepDeadline,
  type AdaptationStep,
} from './adaptation-case';
import { householdCap, pricePlan } from './adaptation-plan';

const codeOf = (work: () => unknown): string | undefined => {
  try {
    work();
    return undefined;
  } catch (error) {
    return error instanceof DomainError ? error.code : String(error);
  }
};

describe('the national catalogue', () => {
  it('has 30 items in 7 groups, 7 of them basic', () => {
    expect(ADAPTATION_ITEM_CODES).toHaveLength(30);
    expect(new Set(Object.values(ADAPTATION_ITEMS).map((item) => item.group))).toEqual(
      new Set(Object.keys(ADAPTATION_GROUPS)),
    );
    expect(ADAPTATION_ITEM_CODES.filter((code) => ADAPTATION_ITEMS[code].basic).sort()).toEqual([
      'anti-slip-floor',
      'anti-wandering',
      'bedside-rail',
      'grab-bars',
      'ramp',
      'shower-chair',
      'walking-stick',
    ]);
  });
});

describe('a plan under the household cap', () => {
  it('subsidises basic items up to the cap and leaves the rest to the household', () => {
    const sut = pricePlan(
      [
        { item: 'grab-bars', quantity: 2 },
        { item: 'sliding-door', quantity: 1 },
        { item: 'anti-slip-floor', quantity: 40 },
      ],
      3000,
    );
    expect(sut.lines.map((line) => [line.item, line.total, line.subsidy, line.selfPay])).toEqual([
      ['grab-bars', 360, 360, 0],
      ['sliding-door', 1200, 0, 1200],
      ['anti-slip-floor', 3200, 2640, 560],
    ]);
    expect({ total: sut.total, subsidy: sut.subsidy, selfPay: sut.selfPay }).toEqual({
      total: 4760,
      subsidy: 3000,
      selfPay: 1760,
    });
  });

  it('is all self-paid without a cap, and refuses unknown items and odd quantities', () => {
    expect(pricePlan([{ item: 'walking-stick', quantity: 1 }], 0).selfPay).toBe(80);
    expect(codeOf(() => pricePlan([{ item: 'jacuzzi', quantity: 1 }], 3000))).toBe('adaptation-plan-invalid');
    expect(codeOf(() => pricePlan([{ item: 'ramp', quantity: 0.5 }], 3000))).toBe('adaptation-plan-invalid');
    expect(codeOf(() => pricePlan([], 3000))).toBe('adaptation-plan-invalid');
  });

  it('caps a household at the largest cap of its categories', () => {
    expect(householdCap(['living_alone', 'extreme_poverty'], { extreme_poverty: 3000, disabled: 5000 })).toBe(3000);
    expect(householdCap(['extreme_poverty', 'disabled'], { extreme_poverty: 3000, disabled: 5000 })).toBe(5000);
    expect(householdCap(['empty_nest'], { extreme_poverty: 3000 })).toBe(0);
  });
});

describe('a case’s life', () => {
  it('runs from application to follow-up one step at a time', () => {
    const steps: AdaptationStep[] = ['assess', 'plan', 'agree', 'complete-works', 'accept', 'settle', 'follow-up'];
    expect(steps.reduce(nextAdaptationStage, 'applied' as const)).toBe('followed-up');
  });

  it('sends refused works back to the contractor, who builds again for the inspector', () => {
    expect(nextAdaptationStage('works-done', 'refuse')).toBe('agreed');
    expect(pendingStep('agreed')).toEqual({ step: 'complete-works', days: 30 });
    const again: AdaptationStep[] = ['complete-works', 'accept'];
    expect(again.reduce(nextAdaptationStage, 'agreed' as const)).toBe('accepted');
  });

  it.each([
    ['applied', 'plan'],
    ['planned', 'accept'],
    ['works-done', 'cancel'],
    ['agreed', 'refuse'],
    ['accepted', 'refuse'],
    ['followed-up', 'follow-up'],
    ['cancelled', 'assess'],
  ] as const)('refuses a %s case the step %s', (stage, step) => {
    expect(codeOf(() => nextAdaptationStage(stage, step))).toBe('adaptation-step-illegal');
  });

  it('needs a plan’s items and contractor, the works’ photos before and after, and a refusal’s reason', () => {
    const none = { note: '', photoKinds: [] };
    expect(codeOf(() => checkStepInput('plan', { ...none, plan: [] }))).toBe('adaptation-plan-invalid');
    expect(codeOf(() => checkStepInput('plan', { ...none, plan: [], contractorId: 'c' }))).toBeUndefined();
    expect(codeOf(() => checkStepInput('complete-works', { ...none, photoKinds: ['before', 'assessment'] }))).toBe(
      'adaptation-works-photos-missing',
    );
    expect(
      codeOf(() => checkStepInput('complete-works', { ...none, photoKinds: ['after', 'before'] })),
    ).toBeUndefined();
    expect(codeOf(() => checkStepInput('refuse', { ...none, note: '  ' }))).toBe('adaptation-refusal-reason-required');
    expect(codeOf(() => checkStepInput('refuse', { ...none, note: '扶手未按方案安装' }))).toBeUndefined();
  });

  it('gives each pending step a deadline and is late after it', () => {
    const at = Date.UTC(2026, 0, 1);
    expect(stepDeadline('applied', at)).toBe(at + 10 * DAY_MS);
    expect(stepDeadline('agreed', at)).toBe(at + 30 * DAY_MS);
    expect(stepDeadline('followed-up', at)).toBeNull();
    expect(isStepLate('applied', at, at + 10 * DAY_MS)).toBe(false);
    expect(isStepLate('applied', at, at + 10 * DAY_MS + 1)).toBe(true);
    expect(isStepLate('cancelled', at, at + 1000 * DAY_MS)).toBe(false);
  });
});
