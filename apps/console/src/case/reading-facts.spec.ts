import { readingFacts } from './reading-facts';

describe('readingFacts', () => {
  it('puts vitals into words', () => {
    expect(readingFacts({ heartRate: 128, spo2: 91, bodyTempC: 37.25 }, 'zh-CN')).toEqual([
      '心率 128 次/分',
      '血氧 91%',
      '体温 37.25℃',
    ]);
  });

  it('shows a position once, as coordinates', () => {
    expect(readingFacts({ lat: 28.682, lon: 115.893, accuracyM: 12 }, 'en')).toEqual([
      '28.68200, 115.89300',
      'accuracy ±12 m',
    ]);
  });

  it('says whether the watch was put on or taken off', () => {
    expect(readingFacts({ worn: false }, 'zh-CN')).toEqual(['已摘下']);
  });

  it("puts a bed mat's report and a bed alert's evidence into words", () => {
    expect(readingFacts({ inBed: true, heartRate: 58, breathingRate: 14 }, 'zh-CN')).toEqual([
      '在床',
      '心率 58 次/分',
      '呼吸 14 次/分',
    ]);
    expect(readingFacts({ inBed: false }, 'en')).toEqual(['out of bed']);
    expect(readingFacts({ minutesOut: 31, minutesOutTonight: 125 }, 'en')).toEqual([
      'out of bed 31 min',
      'out of bed 125 min tonight',
    ]);
  });

  it('shows fields it has no words for as they are', () => {
    expect(readingFacts({ quietHours: 26, zone: { radiusM: 300 } }, 'en')).toEqual([
      'quietHours: 26',
      'zone: {"radiusM":300}',
    ]);
  });
});
