import { DomainError } from '../errors/domain-error';
import { DEFAULT_RULE_SETTINGS, mergeRuleSettings, type RuleSettingsOverrides } from './rule-settings';

describe('DEFAULT_RULE_SETTINGS', () => {
  it.each([
    ['fall confidence threshold', DEFAULT_RULE_SETTINGS.fall.minConfidence, 0.7],
    ['heart rate limits', DEFAULT_RULE_SETTINGS.vitals.heartRate, { min: 45, max: 120 }],
    ['SpO2 floor', DEFAULT_RULE_SETTINGS.vitals.spo2.min, 90],
    ['body temperature limits', DEFAULT_RULE_SETTINGS.vitals.bodyTempC, { min: 35, max: 38.5 }],
    ['readings in a row', DEFAULT_RULE_SETTINGS.vitals.consecutiveReadings, 3],
    ['no-water hours', DEFAULT_RULE_SETTINGS.noWater.afterHours, 12],
    ['waking hours', DEFAULT_RULE_SETTINGS.noWater.wakingHours, { fromHour: 6, toHour: 22 }],
    ['water running minutes', DEFAULT_RULE_SETTINGS.waterRunning.afterMinutes, 60],
    ['safe zone', DEFAULT_RULE_SETTINGS.safeZone, { zone: null, afterMinutes: 10 }],
    [
      'not-worn daytime hours',
      DEFAULT_RULE_SETTINGS.notWorn,
      { afterDaytimeHours: 4, daytime: { fromHour: 7, toHour: 21 } },
    ],
    ['battery threshold', DEFAULT_RULE_SETTINGS.battery.lowBelowPercent, 20],
    ['sos cancel window', DEFAULT_RULE_SETTINGS.sos.cancelWindowSec, 60],
    [
      'silent device',
      DEFAULT_RULE_SETTINGS.deviceSilent,
      { heartbeatFactor: 2.5, heartbeatSec: { call_button: 900, water_meter: 3600, wearable: 900, bed_mat: 900 } },
    ],
    [
      'escalation',
      DEFAULT_RULE_SETTINGS.escalation,
      { critical: { reNotifyAfterSec: 60, supervisorsAfterSec: 180 }, urgent: { supervisorsAfterSec: 300 } },
    ],
    ['water baseline', DEFAULT_RULE_SETTINGS.waterBaseline, { minWeeks: 3, minProbability: 0.9, minQuietHours: 3 }],
  ])('defaults the %s to what dispatch centres expect', (_setting, actual, expected) => {
    expect(actual).toEqual(expected);
  });
});

describe('mergeRuleSettings', () => {
  const sut = mergeRuleSettings;

  it('gives the defaults for no overrides', () => {
    expect(sut({})).toEqual(DEFAULT_RULE_SETTINGS);
  });

  it('overrides one nested value and keeps its neighbours', () => {
    const result = sut({ vitals: { heartRate: { max: 110 } }, deviceSilent: { heartbeatSec: { wearable: 300 } } });

    expect(result.vitals.heartRate).toEqual({ min: 45, max: 110 });
    expect(result.vitals.spo2).toEqual(DEFAULT_RULE_SETTINGS.vitals.spo2);
    expect(result.deviceSilent.heartbeatSec).toEqual({
      call_button: 900,
      water_meter: 3600,
      wearable: 300,
      bed_mat: 900,
    });
  });

  it('sets a safe zone, and removes it with null', () => {
    const withZone = sut({ safeZone: { zone: { lat: 22.52, lon: 113.39, radiusM: 300 } } });

    expect(withZone.safeZone).toEqual({ zone: { lat: 22.52, lon: 113.39, radiusM: 300 }, afterMinutes: 10 });
    expect(sut({ safeZone: { zone: null } }, withZone).safeZone.zone).toBeNull();
    expect(sut({ safeZone: { zone: { radiusM: 500 } } }, withZone).safeZone.zone).toEqual({
      lat: 22.52,
      lon: 113.39,
      radiusM: 500,
    });
  });

  it('never lets a caller change the defaults through the result', () => {
    const result = sut({});
    result.vitals.heartRate.max = 999;

    expect(DEFAULT_RULE_SETTINGS.vitals.heartRate.max).toBe(120);
  });

  it.each<[string, RuleSettingsOverrides]>([
    ['min equal to max', { vitals: { spo2: { min: 95, max: 95 } } }],
    ['the lowest fall threshold', { fall: { minConfidence: 0 } }],
    ['the highest fall threshold', { fall: { minConfidence: 1 } }],
    ['a window open all day', { noWater: { wakingHours: { fromHour: 0, toHour: 24 } } }],
    ['a zone at the poles and the antimeridian', { safeZone: { zone: { lat: -90, lon: 180, radiusM: 1 } } }],
    ['battery threshold 0', { battery: { lowBelowPercent: 0 } }],
    ['battery threshold 100', { battery: { lowBelowPercent: 100 } }],
    ['a single reading', { vitals: { consecutiveReadings: 1 } }],
  ])('accepts the edge case: %s', (_case, overrides) => {
    expect(() => sut(overrides)).not.toThrow();
  });

  it.each<[string, unknown, string]>([
    ['min above max', { vitals: { heartRate: { min: 130 } } }, 'vitals.heartRate: min 130 is above max 120'],
    ['a fall threshold above 1', { fall: { minConfidence: 1.01 } }, 'fall.minConfidence'],
    ['a negative fall threshold', { fall: { minConfidence: -0.1 } }, 'fall.minConfidence'],
    ['zero readings in a row', { vitals: { consecutiveReadings: 0 } }, 'vitals.consecutiveReadings'],
    ['a fraction of a reading', { vitals: { consecutiveReadings: 2.5 } }, 'vitals.consecutiveReadings'],
    [
      'waking hours that close before they open',
      { noWater: { wakingHours: { fromHour: 22, toHour: 6 } } },
      'noWater.wakingHours: opens at 22',
    ],
    ['an empty window', { notWorn: { daytime: { fromHour: 9, toHour: 9 } } }, 'notWorn.daytime'],
    ['a window past midnight', { notWorn: { daytime: { toHour: 25 } } }, 'notWorn.daytime.toHour'],
    ['a fractional hour', { noWater: { wakingHours: { fromHour: 6.5 } } }, 'noWater.wakingHours.fromHour'],
    ['no hours at all', { noWater: { afterHours: 0 } }, 'noWater.afterHours'],
    ['negative minutes', { waterRunning: { afterMinutes: -5 } }, 'waterRunning.afterMinutes'],
    ['half a zone', { safeZone: { zone: { radiusM: 300 } } }, 'safeZone.zone.lat: is required'],
    ['a latitude off the globe', { safeZone: { zone: { lat: 91, lon: 113, radiusM: 300 } } }, 'safeZone.zone.lat'],
    ['a zone without area', { safeZone: { zone: { lat: 22, lon: 113, radiusM: 0 } } }, 'safeZone.zone.radiusM'],
    ['a battery threshold above 100', { battery: { lowBelowPercent: 101 } }, 'battery.lowBelowPercent'],
    ['no cancel window', { sos: { cancelWindowSec: 0 } }, 'sos.cancelWindowSec'],
    ['a silent factor of 1', { deviceSilent: { heartbeatFactor: 1 } }, 'deviceSilent.heartbeatFactor'],
    [
      'a zero heartbeat',
      { deviceSilent: { heartbeatSec: { water_meter: 0 } } },
      'deviceSilent.heartbeatSec.water_meter',
    ],
    [
      'supervisors before the re-notification',
      { escalation: { critical: { supervisorsAfterSec: 60 } } },
      'escalation.critical',
    ],
    ['a baseline probability of 0', { waterBaseline: { minProbability: 0 } }, 'waterBaseline.minProbability'],
    ['a baseline without weeks', { waterBaseline: { minWeeks: 0 } }, 'waterBaseline.minWeeks'],
    ['an unknown setting', { vitals: { pulse: { min: 1 } } }, 'vitals.pulse: is not a setting'],
    [
      'an unknown device type',
      { deviceSilent: { heartbeatSec: { toaster: 60 } } },
      'deviceSilent.heartbeatSec.toaster: is not a setting',
    ],
    ['a number as text', { noWater: { afterHours: '12' } }, 'noWater.afterHours: must be a finite number'],
    ['not a number', { noWater: { afterHours: Number.NaN } }, 'noWater.afterHours: must be a finite number'],
    ['a value where a section belongs', { vitals: 3 }, 'vitals: must be an object'],
    ['null where no null belongs', { vitals: null }, 'vitals: must be an object'],
    ['a list for the settings', [], 'settings: must be an object'],
  ])('refuses %s', (_case, overrides, message) => {
    const attempt = () => sut(overrides as RuleSettingsOverrides);

    expect(attempt).toThrow(DomainError);
    expect(attempt).toThrow(
      expect.objectContaining({ code: 'rule-settings-invalid', message: expect.stringContaining(message) }),
    );
  });
});
