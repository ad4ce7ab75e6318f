import type { RegionView } from '../api/regions-api';
import { communityGroups, communityIdOf } from './community-groups';

const regions: RegionView[] = [
  { id: 'c2', name: '环湖社区', level: 'community', parentId: 's1' },
  { id: 'd1', name: '东湖区', level: 'district', parentId: null },
  { id: 's1', name: '公园街道', level: 'street', parentId: 'd1' },
  { id: 'c1', name: '公园社区', level: 'community', parentId: 's1' },
  { id: 's2', name: '豫章街道', level: 'street', parentId: 'd1' },
  { id: 'c3', name: '胜利社区', level: 'community', parentId: 's2' },
  { id: 'c4', name: '公园社区', level: 'community', parentId: 's2' },
];

describe('communityGroups', () => {
  it('groups the communities under their district and street, in the tree’s order', () => {
    expect(communityGroups(regions)).toEqual([
      {
        label: '东湖区 · 公园街道',
        communities: [
          { id: 'c2', name: '环湖社区' },
          { id: 'c1', name: '公园社区' },
        ],
      },
      {
        label: '东湖区 · 豫章街道',
        communities: [
          { id: 'c3', name: '胜利社区' },
          { id: 'c4', name: '公园社区' },
        ],
      },
    ]);
  });

  it('keeps communities whose street the user cannot see, without a label', () => {
    expect(communityGroups([{ id: 'c9', name: '新洲村', level: 'community', parentId: 's9' }])).toEqual([
      { label: '', communities: [{ id: 'c9', name: '新洲村' }] },
    ]);
  });
});

describe('communityIdOf', () => {
  it('tells two communities of one name apart by their street', () => {
    expect(communityIdOf(regions, { community: '公园社区', street: '豫章街道', district: '东湖区' })).toBe('c4');
  });

  it('finds a community by its name alone when the street is not in the list', () => {
    expect(communityIdOf(regions, { community: '胜利社区', street: '别处街道', district: '东湖区' })).toBe('c3');
  });

  it('gives up when the name is ambiguous or unknown', () => {
    expect(communityIdOf(regions, { community: '公园社区', street: '别处街道', district: '东湖区' })).toBe('');
    expect(communityIdOf(regions, { community: '无名社区', street: '公园街道', district: '东湖区' })).toBe('');
  });
});
