import { DEMO_CARE_BEDS, generateDemoCity } from './demo-city';

describe('generateDemoCity', () => {
  const today = new Date('2026-11-23T00:00:00Z');
  const sut = generateDemoCity(200, today);

  it('places one district over its streets over their communities', () => {
    const byCode = new Map(sut.regions.map((region) => [region.code, region]));
    expect(sut.regions.filter((region) => region.level === 'district')).toHaveLength(1);
    for (const region of sut.regions.filter((r) => r.level !== 'district')) {
      const parent = byCode.get(region.parentCode!);
      expect(parent?.level).toBe(region.level === 'street' ? 'district' : 'street');
    }
  });

  it('gives every elder a community, an emergency-call button and unique device ids', () => {
    const communities = new Set(sut.regions.filter((r) => r.level === 'community').map((r) => r.code));
    const ids = sut.elders.flatMap((elder) => elder.devices.map((device) => device.id));
    expect(new Set(ids).size).toBe(ids.length);
    for (const elder of sut.elders) {
      expect(communities.has(elder.communityCode)).toBe(true);
      expect(elder.devices.some((device) => device.type === 'call_button')).toBe(true);
    }
  });

  it('marks exactly the elders aged 80 or more as 高龄 and gives every 失智 elder a watch', () => {
    for (const elder of sut.elders) {
      const eightieth = new Date(elder.birthDate);
      eightieth.setUTCFullYear(eightieth.getUTCFullYear() + 80);
      expect(elder.categories.includes('advanced_age')).toBe(eightieth <= today);
      if (elder.categories.includes('dementia')) expect(elder.devices.some((d) => d.type === 'wearable')).toBe(true);
    }
  });

  it('has a realistic mix: many living alone, some disabled, some with dementia', () => {
    const share = (category: string) =>
      sut.elders.filter((elder) => elder.categories.includes(category as never)).length / sut.elders.length;
    expect(share('living_alone')).toBeGreaterThan(0.25);
    expect(share('living_alone')).toBeLessThan(0.5);
    expect(share('advanced_age')).toBeGreaterThan(0.1);
    expect(share('disabled') + share('semi_disabled')).toBeGreaterThan(0.05);
    expect(share('dementia')).toBeGreaterThan(0.01);
  });

  it('gives two care beds a bed-sensor mat, to disabled elders first', () => {
    const withMats = sut.elders.filter((elder) => elder.devices.some((device) => device.type === 'bed_mat'));
    expect(withMats).toHaveLength(DEMO_CARE_BEDS);
    expect(DEMO_CARE_BEDS).toBe(2);
    for (const elder of withMats) {
      expect(elder.categories.some((category) => category === 'disabled' || category === 'semi_disabled')).toBe(true);
      expect(elder.devices.filter((device) => device.type === 'bed_mat')).toEqual([
        { id: `mat-${elder.key}`, type: 'bed_mat' },
      ]);
    }
  });

  it('is the same city for the same seed', () => {
    expect(generateDemoCity(200, today)).toEqual(sut);
  });
});
