import { navItems } from './nav-items';

const sections = (role: Parameters<typeof navItems>[0]) => navItems(role).map((item) => item.section);

describe('navItems', () => {
  it('gives an operator the dispatch pages, care calls, the registry to read and the map', () => {
    expect(sections('operator')).toEqual(['queue', 'history', 'care-calls', 'elders', 'devices', 'map']);
  });

  it('gives a supervisor the audit log, the reports and the wallboard too', () => {
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
    ]);
  });

  it('gives a family and the bureau the registry they may read, the bureau the map, and nothing of the dispatch console', () => {
    expect(sections('family')).toEqual(['elders', 'devices']);
    expect(sections('bureau')).toEqual(['elders', 'devices', 'reports', 'map']);
  });

  it('gives a caregiver and a provider admin nothing beyond their home page', () => {
    expect(sections('caregiver')).toEqual([]);
    expect(sections('provider_admin')).toEqual([]);
  });
});
