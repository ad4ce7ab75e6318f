import { navItems } from './nav-items';

const sections = (role: Parameters<typeof navItems>[0]) => navItems(role).map((item) => item.section);

describe('navItems', () => {
  it('gives an operator the dispatch pages, care calls, the registry to read, overdue visits and adaptation cases', () => {
    expect(sections('operator')).toEqual([
      'queue',
      'history',
      'care-calls',
      'elders',
      'devices',
      'risk-visits',
      'adaptation',
    ]);
  });

  it('gives a supervisor the audit log, the reports, the time bank and the overdue visits too', () => {
    expect(sections('supervisor')).toEqual([
      'queue',
      'history',
      'care-calls',
      'elders',
      'devices',
      'audit',
      'reports',
      'time-bank',
      'risk-visits',
      'adaptation',
    ]);
  });

  it('gives an admin users, audit and reports but no care calls, which only those who work alerts make', () => {
    expect(sections('admin')).toEqual([
      'queue',
      'history',
      'elders',
      'devices',
      'users',
      'audit',
      'reports',
      'time-bank',
      'risk-visits',
      'adaptation',
    ]);
  });

  it('gives a family and the bureau the registry they may read and the adaptation cases, nothing of the dispatch console', () => {
    expect(sections('family')).toEqual(['elders', 'devices', 'adaptation']);
    expect(sections('bureau')).toEqual(['elders', 'devices', 'reports', 'adaptation']);
  });

  it('gives a caregiver and a provider admin nothing beyond their home page', () => {
    expect(sections('caregiver')).toEqual([]);
    expect(sections('provider_admin')).toEqual([]);
  });

  it('gives a volunteer nothing beyond their phone page', () => {
    expect(sections('volunteer')).toEqual([]);
  });
});
