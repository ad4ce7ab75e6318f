import { categoryLabel, outcomeLabel, roleLabel, ruleLabel, serviceLabel, severityLabel } from './labels';

describe('labels of stored codes', () => {
  it('come from the domain tables, zh-CN first', () => {
    expect(severityLabel('critical', 'zh-CN')).toBe('危急');
    expect(ruleLabel('fall', 'zh-CN')).toBe('跌倒');
    expect(outcomeLabel('family-went', 'zh-CN')).toBe('家属已上门');
    expect(categoryLabel('living_alone', 'zh-CN')).toBe('独居');
    expect(roleLabel('operator', 'zh-CN')).toBe('调度员');
    expect(serviceLabel('bathing', 'zh-CN')).toBe('助浴');
    expect(serviceLabel('meal-delivery', 'en')).toBe('meal delivered');
  });

  it('come in English when asked', () => {
    expect(severityLabel('check-on', 'en')).toBe('check on the elder');
    expect(ruleLabel('sos', 'en')).toBe('SOS pressed');
    expect(categoryLabel('advanced_age', 'en')).toBe('advanced age (80+)');
  });

  it('show a code the console does not know as the code itself', () => {
    expect(ruleLabel('smoke', 'zh-CN')).toBe('smoke');
    expect(categoryLabel('toString', 'en')).toBe('toString');
  });
});
