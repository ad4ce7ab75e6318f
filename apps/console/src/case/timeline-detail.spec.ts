import { timelineDetail } from './timeline-detail';

describe('timelineDetail', () => {
  it.each([
    ['raised', 'fall', '跌倒'],
    ['escalated', 'supervisors', '已上报主管'],
    ['resolved', 'family-went', '家属已上门'],
    ['dispatch', 'ambulance: 120 急救中心: 已说明钥匙盒位置', '急救（120）: 120 急救中心: 已说明钥匙盒位置'],
    ['call', '李娟 ✓: 女儿十分钟到', '李娟 ✓: 女儿十分钟到'],
    ['device-time', 'btn-000001', 'btn-000001'],
  ] as const)('puts a %p detail %p as %p', (kind, detail, text) => {
    expect(timelineDetail({ kind, detail }, 'zh-CN')).toBe(text);
  });

  it('shows an unknown dispatch kind as sent', () => {
    expect(timelineDetail({ kind: 'dispatch', detail: 'drone: 无人机' }, 'en')).toBe('drone: 无人机');
  });

  it('has nothing to say for an empty detail', () => {
    expect(timelineDetail({ kind: 'received', detail: null }, 'en')).toBeNull();
  });
});
