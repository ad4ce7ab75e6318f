import { isAcknowledgedKind, isAlarmKind, UPLINK_KINDS } from './uplink-kinds';

describe('isAlarmKind', () => {
  it.each(UPLINK_KINDS.map((kind) => [kind, ['sos', 'fall', 'cancel'].includes(kind)]))(
    'judges %s an alarm: %s',
    (kind, alarm) => {
      expect(isAlarmKind(kind)).toBe(alarm);
    },
  );

  it('counts every acknowledged kind as an alarm', () => {
    expect(UPLINK_KINDS.filter(isAcknowledgedKind).every(isAlarmKind)).toBe(true);
  });

  it('knows no kind outside protocol v1', () => {
    expect(isAlarmKind('SOS')).toBe(false);
    expect(isAlarmKind('')).toBe(false);
  });
});
