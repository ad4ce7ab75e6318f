import { navItems } from './nav-items';

const sections = (role: Parameters<typeof navItems>[0]) => navItems(role).map((item) => item.section);

describe('navItems', () => {
  it('gives an operator the dispatch pages, care calls, the registry to read, the map, overdue visits and adaptation cases', () => {
    expect(sections('operator')).toEqual([
      'queue',
      'history',
      'care-calls',
      'elders',
      'devices',
      'map',
      'risk-visits',
      'adaptation',
    ]);
  });

  it('gives a supervisor the audit log, the reports, the wallboard, the time bank and the overdue visits too', () => {
    expect(sections('supervisor')).toEqual([
      'queue',
      'history',
      'care-calls',
      'elders',
      'devices',
      'audit',
      'reports',
      'map',
      'wallboard',
      'time-bank',
      'risk-visits',
      'adaptation',
    ]);
  });

  it('gives an admin users, audit, reports and the wallboard but no care calls, which only those who work alerts make', () => {
    expect(sections('admin')).toEqual([
      'queue',
      'history',
      'elders',
      'devices',
      'users',
      'audit',
      'reports',
      'map',
      'wallboard',
      'time-bank',
      'risk-visits',
      'adaptation',
      'settings',
    ]);
  });

  it('gives a family and the bureau the registry they may read and the adaptation cases, the bureau the map, nothing of the dispatch console', () => {
    expect(sections('family')).toEqual(['elders', 'devices', 'adaptation']);
    expect(sections('bureau')).toEqual(['elders', 'devices', 'reports', 'map', 'adaptation', 'settings']);
  });

  it('gives an inspector and a contractor their adaptation cases only', () => {
    expect(sections('inspector')).toEqual(['adaptation']);
    expect(sections('contractor')).toEqual(['adaptation']);
  });

  it('gives a caregiver, a provider admin, a cashier and a volunteer nothing beyond their home page', () => {
    for (const role of ['caregiver', 'provider_admin', 'cashier', 'volunteer'] as const)
      expect(sections(role)).toEqual([]);
  });
});
