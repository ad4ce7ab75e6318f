import { navItems, sectionOf } from './nav-items';

const sections = (role: Parameters<typeof navItems>[0]) => navItems(role).map((item) => item.section);

describe('navItems', () => {
  it('gives an operator the dispatch pages, care calls and the registry to read', () => {
    expect(sections('operator')).toEqual(['queue', 'history', 'care-calls', 'elders', 'devices']);
  });

  it('gives a supervisor the audit log too', () => {
    expect(sections('supervisor')).toEqual(['queue', 'history', 'care-calls', 'elders', 'devices', 'audit']);
  });

  it('gives an admin users and audit but no care calls, which only those who work alerts make', () => {
    expect(sections('admin')).toEqual(['queue', 'history', 'elders', 'devices', 'users', 'audit']);
  });

  it('gives a family and the bureau the registry they may read, and nothing of the dispatch console', () => {
    expect(sections('family')).toEqual(['elders', 'devices']);
    expect(sections('bureau')).toEqual(['elders', 'devices']);
  });

  it('gives a caregiver nothing yet', () => {
    expect(sections('caregiver')).toEqual([]);
  });
});

describe('sectionOf', () => {
  it.each([
    ['elder', 'elders'],
    ['elder-edit', 'elders'],
    ['elder-import', 'elders'],
    ['devices', 'devices'],
    ['case', 'case'],
  ] as const)('%p lights %p', (page, section) => {
    expect(sectionOf(page)).toBe(section);
  });
});
