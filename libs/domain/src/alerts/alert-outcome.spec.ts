import {
  ALERT_OUTCOMES,
  isAlertOutcome,
  isFalseAlarm,
  isOperatorOutcome,
  OPERATOR_OUTCOMES,
  type AlertOutcome,
} from './alert-outcome';

describe('alert outcomes', () => {
  it('keeps the stored codes exactly', () => {
    expect(Object.keys(ALERT_OUTCOMES)).toEqual([
      'false-alarm-pressed-by-mistake',
      'false-alarm-device-fault',
      'elder-fine-after-call',
      'family-went',
      'caregiver-sent',
      'ambulance-called',
      'hospitalised',
      'no-answer-visited',
      'other',
      'device-back-online',
    ]);
  });

  it('leaves the outcomes the platform sets out of those an operator may choose', () => {
    expect(OPERATOR_OUTCOMES).not.toContain('device-back-online');
    expect(OPERATOR_OUTCOMES).toHaveLength(Object.keys(ALERT_OUTCOMES).length - 1);
    expect(isOperatorOutcome('device-back-online')).toBe(false);
    expect(isOperatorOutcome('family-went')).toBe(true);
  });

  it.each<[AlertOutcome, boolean]>([
    ['false-alarm-pressed-by-mistake', true],
    ['false-alarm-device-fault', true],
    ['elder-fine-after-call', false],
    ['family-went', false],
    ['caregiver-sent', false],
    ['ambulance-called', false],
    ['hospitalised', false],
    ['no-answer-visited', false],
    ['other', false],
    ['device-back-online', false],
  ])('%s is a false alarm: %p', (outcome, falseAlarm) => {
    const sut = isFalseAlarm;

    expect(sut(outcome)).toBe(falseAlarm);
  });

  it.each([
    ['family-went', true],
    ['false-alarm', false],
    ['constructor', false],
    ['', false],
  ])('%p is an outcome code: %p', (value, expected) => {
    const sut = isAlertOutcome;

    expect(sut(value)).toBe(expected);
  });
});
