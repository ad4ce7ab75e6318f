import { ApiError } from '../api/api-error';
import { checkCarePlanLine, excessesOf, parseTimes, type CarePlanLineDraft } from './care-plan-draft';

const draft: CarePlanLineDraft = {
  service: 'meal-delivery',
  providerId: 'p-1',
  weekdays: [5, 1, 3],
  times: '11:30, 8:00',
  startsOn: '2026-03-01',
  endsOn: '',
};

describe('parseTimes', () => {
  it('reads times in any separator, padded, sorted and once', () => {
    expect(parseTimes('11:30，8:00 11:30')).toEqual(['08:00', '11:30']);
    expect(parseTimes('')).toEqual([]);
  });

  it('refuses what is not a time', () => {
    expect(parseTimes('25:00')).toBeNull();
    expect(parseTimes('noon')).toBeNull();
  });
});

describe('checkCarePlanLine', () => {
  it('builds the line, weekdays in order and no end when none is given', () => {
    expect(checkCarePlanLine(draft)).toEqual({
      ok: true,
      input: {
        service: 'meal-delivery',
        providerId: 'p-1',
        weekdays: [1, 3, 5],
        times: ['08:00', '11:30'],
        startsOn: '2026-03-01',
        endsOn: null,
      },
    });
  });

  it('says what is missing or wrong', () => {
    expect(checkCarePlanLine({ ...draft, service: '', weekdays: [], times: 'x', endsOn: '2026-02-01' })).toEqual({
      ok: false,
      problems: {
        service: 'elder-form.required',
        weekdays: 'care-plan.weekdays-required',
        times: 'care-plan.times-invalid',
        endsOn: 'care-plan.ends-before-start',
      },
    });
  });
});

describe('excessesOf', () => {
  it('reads the excesses of an over-entitlement refusal only', () => {
    const excesses = [{ month: '2026-03', service: 'bathing', planned: 8, owed: 4 }];
    expect(excessesOf(new ApiError(422, 'care-plan-over-entitlement', 'too much', { excesses }))).toEqual(excesses);
    expect(excessesOf(new ApiError(422, 'care-plan-over-entitlement', 'too much'))).toEqual([]);
    expect(excessesOf(new ApiError(400, 'care-plan-invalid', 'bad'))).toBeNull();
  });
});
