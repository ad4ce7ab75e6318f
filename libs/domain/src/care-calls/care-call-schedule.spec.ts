import { careCallDue, careCallRaisesCheckOn, careCallSchedule, type CareCallHistory } from './care-call-schedule';

const at = (local: string) => Date.parse(`${local}+08:00`);
const today = at('2026-11-23T09:00:00');
const history = (overrides: Partial<CareCallHistory>): CareCallHistory => ({
  categories: ['living_alone'],
  lastReachedAt: null,
  lastCall: null,
  ...overrides,
});

describe('care call schedule', () => {
  it('follows the category that asks for the most frequent calls', () => {
    expect(careCallSchedule(['empty_nest', 'dementia', 'living_alone'])).toEqual({ because: 'dementia', everyDays: 2 });
    expect(careCallSchedule(['low_income', 'minimum_allowance'])).toBeUndefined();
  });

  it.each<[string, Partial<CareCallHistory>, ReturnType<typeof careCallDue>]>([
    ['never reached', {}, { because: 'living_alone', everyDays: 3, retry: false }],
    [
      'reached two days ago',
      {
        lastReachedAt: at('2026-11-21T18:00:00'),
        lastCall: { at: at('2026-11-21T18:00:00'), outcome: 'answered-well' },
      },
      undefined,
    ],
    [
      'reached three local days ago, late in the evening',
      {
        lastReachedAt: at('2026-11-20T23:30:00'),
        lastCall: { at: at('2026-11-20T23:30:00'), outcome: 'answered-well' },
      },
      { because: 'living_alone', everyDays: 3, retry: false },
    ],
    [
      'not answered yesterday',
      { lastReachedAt: at('2026-11-22T08:00:00'), lastCall: { at: at('2026-11-22T10:00:00'), outcome: 'no-answer' } },
      { because: 'living_alone', everyDays: 3, retry: true },
    ],
    [
      'already called today, unanswered',
      { lastCall: { at: at('2026-11-23T08:00:00'), outcome: 'no-answer' } },
      undefined,
    ],
    ['in no scheduled category', { categories: ['low_income'] }, undefined],
  ])('an elder living alone %s', (_case, overrides, expected) => {
    expect(careCallDue(history(overrides), today)).toEqual(expected);
  });

  it('raises a check-on only for an unanswered call to an elder living alone', () => {
    expect(careCallRaisesCheckOn('no-answer', ['living_alone', 'advanced_age'])).toBe(true);
    expect(careCallRaisesCheckOn('no-answer', ['empty_nest'])).toBe(false);
    expect(careCallRaisesCheckOn('wrong-number', ['living_alone'])).toBe(false);
    expect(careCallRaisesCheckOn('answered-needs-help', ['living_alone'])).toBe(false);
  });
});
