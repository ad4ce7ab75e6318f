import { isInScope, scopeOf, type ScopedUser } from './access-scope';

const user = (overrides: Partial<ScopedUser>): ScopedUser => ({
  role: 'operator',
  regionIds: [],
  elderIds: [],
  providerId: null,
  ...overrides,
});
const elder = { elderId: 'elder-1', regionIds: ['community-1', 'street-1', 'district-1'] };

describe('access scope', () => {
  it.each([
    ['an operator of the street', user({ role: 'operator', regionIds: ['street-1'] }), true],
    ['an operator of the district', user({ role: 'operator', regionIds: ['district-1'] }), true],
    ['an operator of another street', user({ role: 'operator', regionIds: ['street-2'] }), false],
    ['a supervisor of the community', user({ role: 'supervisor', regionIds: ['community-1'] }), true],
    ['an operator with no region', user({ role: 'operator' }), false],
    ['the family of the elder', user({ role: 'family', elderIds: ['elder-1'] }), true],
    ['the family of another elder', user({ role: 'family', elderIds: ['elder-2'] }), false],
    ['the bureau', user({ role: 'bureau' }), true],
    ['an admin', user({ role: 'admin' }), true],
    ['a caregiver', user({ role: 'caregiver', providerId: 'provider-1' }), false],
  ])('%s: sees the elder = %s', (_name, who, expected) => {
    expect(isInScope(scopeOf(who), elder)).toBe(expected);
  });

  it('gives a family member no region even when the row carries some', () => {
    expect(scopeOf(user({ role: 'family', regionIds: ['district-1'], elderIds: [] }))).toEqual({
      kind: 'elders',
      elderIds: [],
    });
  });
});
