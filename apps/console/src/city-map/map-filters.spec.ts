import type { AlertView, MapElderPoint } from '@eldercare/contracts';
import { filterElders, NO_FILTERS, worstAlertByElder } from './map-filters';

const elder = (id: string, extra: Partial<MapElderPoint> = {}): MapElderPoint => ({
  id,
  name: id,
  lat: 28.68,
  lon: 115.89,
  categories: ['living_alone'],
  regionIds: ['community-1', 'street-1', 'district-1'],
  offline: false,
  lowBattery: false,
  ...extra,
});

const alert = (id: string, elderId: string, severity: AlertView['severity'], claimed = false): AlertView =>
  ({
    id,
    severity,
    raisedAt: `2026-03-10T10:00:0${id.length}Z`,
    elder: { id: elderId },
    claimedBy: claimed ? { id: 'u', displayName: '陈静' } : null,
  }) as AlertView;

describe('the map filters', () => {
  const elders = [
    elder('a'),
    elder('b', { categories: ['disabled'], offline: true }),
    elder('c', { regionIds: ['community-2', 'street-2', 'district-1'], lowBattery: true }),
  ];
  const alerts = worstAlertByElder([
    alert('x', 'a', 'notice'),
    alert('yy', 'a', 'critical'),
    alert('z', 'b', 'urgent', true),
  ]);
  const ids = (filters: Partial<typeof NO_FILTERS>) =>
    filterElders(elders, alerts, { ...NO_FILTERS, ...filters }).map((point) => point.id);

  it('keeps each elder’s most severe open alert', () => {
    expect(alerts.get('a')?.id).toBe('yy');
    expect(alerts.has('c')).toBe(false);
  });

  it.each([
    [{}, ['a', 'b', 'c']],
    [{ regionId: 'street-2' }, ['c']],
    [{ regionId: 'district-1' }, ['a', 'b', 'c']],
    [{ category: 'disabled' }, ['b']],
    [{ alerts: 'open' as const }, ['a', 'b']],
    [{ alerts: 'unclaimed' as const }, ['a']],
    [{ alerts: 'none' as const }, ['c']],
    [{ devices: 'offline' as const }, ['b']],
    [{ devices: 'low-battery' as const }, ['c']],
    [{ devices: 'offline' as const, alerts: 'unclaimed' as const }, []],
  ])('with %j lets through %j', (filters, expected) => {
    expect(ids(filters)).toEqual(expected);
  });
});
