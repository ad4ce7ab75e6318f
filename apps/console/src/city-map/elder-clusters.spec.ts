import type { AlertView, MapElderPoint } from '@eldercare/contracts';
import { ElderClusters } from './elder-clusters';

const elder = (id: string, lat: number, lon: number): MapElderPoint => ({
  id,
  name: id,
  lat,
  lon,
  categories: [],
  regionIds: [],
  offline: false,
  lowBattery: false,
});

const WORLD: [number, number, number, number] = [-180, -85, 180, 85];

describe('ElderClusters', () => {
  // Three in one community, two across the city.
  const elders = [
    elder('a', 28.68, 115.89),
    elder('b', 28.6801, 115.8901),
    elder('c', 28.6802, 115.8899),
    elder('d', 28.6, 115.8),
    elder('e', 28.6001, 115.8001),
  ];

  it('groups nearby elders at a city zoom and carries the count and worst open alert of each group', () => {
    const alerts = new Map([
      ['a', { severity: 'urgent' } as AlertView],
      ['b', { severity: 'critical' } as AlertView],
    ]);
    const sut = new ElderClusters(elders, alerts).markers(WORLD, 12);
    expect(sut).toHaveLength(2);
    expect(
      sut.map((marker) => (marker.kind === 'cluster' ? [marker.count, marker.alerts, marker.worst] : null)),
    ).toEqual(
      expect.arrayContaining([
        [3, 2, 'critical'],
        [2, 0, null],
      ]),
    );
  });

  it('shows every elder on their own at the closest zoom, each with their alert', () => {
    const sut = new ElderClusters(elders, new Map([['d', { severity: 'notice' } as AlertView]])).markers(WORLD, 19);
    expect(sut).toHaveLength(5);
    expect(sut.find((marker) => marker.kind === 'elder' && marker.elderId === 'd')).toMatchObject({ alert: 'notice' });
  });
});
