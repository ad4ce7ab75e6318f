import { mayOpen } from './page-access';

describe('mayOpen', () => {
  it.each([
    ['operator', 'care-calls', true],
    ['admin', 'care-calls', false],
    ['operator', 'elders', true],
    ['operator', 'elder', true],
    ['operator', 'elder-new', false],
    ['operator', 'elder-import', false],
    ['supervisor', 'elder-edit', true],
    ['family', 'elder', true],
    ['caregiver', 'elders', false],
    ['bureau', 'devices', true],
    ['provider_admin', 'devices', false],
    ['supervisor', 'users', false],
    ['admin', 'users', true],
    ['supervisor', 'audit', true],
    ['operator', 'audit', false],
    ['bureau', 'reports', true],
    ['supervisor', 'reports', true],
    ['operator', 'reports', false],
    ['family', 'reports', false],
    ['family', 'queue', true],
  ] as const)('%p may open %p: %p', (role, page, answer) => {
    expect(mayOpen(role, page)).toBe(answer);
  });
});
