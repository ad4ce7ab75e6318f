import { isInScope, type AccessScope } from '@eldercare/domain';
import { roomsOfAlert, roomsOfScope } from './alert-rooms';

const alert = {
  elder: { id: 'elder-1', name: '王秀英', gender: 'female' as const, birthDate: '1941-05-02', categories: [] },
  place: {
    communityId: 'community-1',
    community: '东亭社区',
    streetId: 'street-1',
    street: '水果湖街道',
    districtId: 'district-1',
    district: '东湖区',
  },
};
const placement = { elderId: 'elder-1', regionIds: ['community-1', 'street-1', 'district-1'] };

describe('alert rooms', () => {
  it.each<[string, AccessScope]>([
    ['the city', { kind: 'city' }],
    ['a district', { kind: 'regions', regionIds: ['district-1'] }],
    ['a street', { kind: 'regions', regionIds: ['street-1'] }],
    ['a community', { kind: 'regions', regionIds: ['community-1'] }],
    ['another street', { kind: 'regions', regionIds: ['street-2'] }],
    ['the family', { kind: 'elders', elderIds: ['elder-1'] }],
    ['another family', { kind: 'elders', elderIds: ['elder-2'] }],
    ['a provider', { kind: 'provider', providerId: 'provider-1' }],
  ])('reach a console watching %s exactly when its scope covers the elder', (_name, scope) => {
    const hears = roomsOfScope(scope).some((room) => roomsOfAlert(alert).includes(room));
    expect(hears).toBe(isInScope(scope, placement));
  });
});
