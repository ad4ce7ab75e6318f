import { scopeOf } from './access-scope';
import { providerDirectoryFor } from './provider-directory';
import { ROLES, type Role } from './roles';

const userOf = (role: Role) => ({ role, regionIds: ['region-1'], elderIds: ['elder-1'], providerId: 'provider-1' });
const directoryOf = (role: Role) => providerDirectoryFor(role, scopeOf(userOf(role)));

describe('the provider directory', () => {
  it('shows caregivers only to the admin of their own provider', () => {
    expect(ROLES.filter((role) => directoryOf(role).withCaregivers)).toEqual(['provider_admin']);
    expect(directoryOf('provider_admin')).toEqual({ kind: 'own', providerId: 'provider-1', withCaregivers: true });
  });

  it('lists every provider to those who pick or oversee them city-wide', () => {
    for (const role of ['operator', 'supervisor', 'admin', 'bureau'] as const)
      expect(directoryOf(role)).toEqual({ kind: 'all', withCaregivers: false });
  });

  it('lists to a family only the providers serving their own elders', () => {
    expect(directoryOf('family')).toEqual({ kind: 'serving-elders', elderIds: ['elder-1'], withCaregivers: false });
  });

  it('lists nothing to provider staff without a provider', () => {
    expect(providerDirectoryFor('provider_admin', { kind: 'provider', providerId: null })).toMatchObject({
      kind: 'own',
      providerId: null,
    });
  });
});
