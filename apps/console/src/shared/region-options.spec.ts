import { regionOptions } from './region-options';

describe('regionOptions', () => {
  it('reads the tree top-down with depths', () => {
    const sut = regionOptions([
      { id: 'c1', name: '公园社区', level: 'community', parentId: 's1' },
      { id: 's1', name: '公园街道', level: 'street', parentId: 'd1' },
      { id: 'd1', name: '东湖区', level: 'district', parentId: null },
      { id: 's2', name: '豫章街道', level: 'street', parentId: 'd1' },
      { id: 'c2', name: '环湖社区', level: 'community', parentId: 's1' },
    ]);
    expect(sut.map((option) => [option.name, option.depth])).toEqual([
      ['东湖区', 0],
      ['公园街道', 1],
      ['公园社区', 2],
      ['环湖社区', 2],
      ['豫章街道', 1],
    ]);
  });

  it('roots a region whose parent the user cannot see', () => {
    expect(regionOptions([{ id: 's1', name: '公园街道', level: 'street', parentId: 'd1' }])).toEqual([
      { id: 's1', name: '公园街道', depth: 0 },
    ]);
  });
});
