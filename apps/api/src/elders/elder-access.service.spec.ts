import type { AccessScope } from '@eldercare/domain';
import { ElderAccessService } from './elder-access.service';
import { elderRecord, FakeElderRecords } from '../fakes/fake-elder-records';

describe('ElderAccessService', () => {
  const records = new FakeElderRecords().add(elderRecord({ id: 'elder-1' }), ['community-1', 'street-1']);
  const sut = new ElderAccessService(records.asRepository());

  it.each<[string, AccessScope]>([
    ['the whole city', { kind: 'city' }],
    ['the street the elder lives in', { kind: 'regions', regionIds: ['street-1'] }],
    ['the family of the elder', { kind: 'elders', elderIds: ['elder-1'] }],
  ])('gives %s the record', async (_who, scope) => {
    await expect(sut.elderInScope({ scope }, 'elder-1')).resolves.toMatchObject({ id: 'elder-1' });
  });

  it.each<[string, AccessScope]>([
    ['another street', { kind: 'regions', regionIds: ['street-2'] }],
    ['the family of another elder', { kind: 'elders', elderIds: ['elder-2'] }],
    ['a provider', { kind: 'provider', providerId: 'provider-1' }],
  ])('answers %s as if the elder did not exist', async (_who, scope) => {
    await expect(sut.elderInScope({ scope }, 'elder-1')).rejects.toMatchObject({ code: 'elder-not-found' });
  });

  it('answers an id that names no one with the same refusal', async () => {
    await expect(sut.elderInScope({ scope: { kind: 'city' } }, 'elder-9')).rejects.toMatchObject({
      code: 'elder-not-found',
      message: 'no elder with this id is yours to see',
    });
  });
});
