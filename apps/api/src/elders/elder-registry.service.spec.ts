import type { ElderInput } from '@eldercare/contracts';
import { FakeAudit } from '../fakes/fake-audit';
import { FakeElderRegistry } from '../fakes/fake-elder-registry';
import { viewer } from '../fakes/viewers';
import { ElderAccessService } from './elder-access.service';
import { ElderRegistryService } from './elder-registry.service';

const supervisor = viewer({ role: 'supervisor', regionIds: ['street-1'] });
const otherStreetSupervisor = viewer({ role: 'supervisor', id: 'supervisor-2', regionIds: ['street-2'] });
const districtSupervisor = viewer({ role: 'supervisor', id: 'supervisor-3', regionIds: ['district-1'] });
const family = viewer({ role: 'family', elderIds: ['elder-1'] });

/** 王秀英, born 1941: 高龄 by her birth date whatever the form ticks. */
const wang: ElderInput = {
  name: '王秀英',
  gender: 'female',
  birthDate: '1941-05-02',
  idNumber: '420106194105021228',
  phone: '13907141234',
  address: '东亭社区3栋2单元501',
  communityId: 'community-1',
  categories: ['living_alone'],
  medicalNotes: '',
  contacts: [{ name: '李建国', relation: '儿子', phone: '13811112222' }],
  keySafeCode: '4821',
  home: { lat: 30.55, lon: 114.35 },
};

/** 周建国, too young for 高龄 and living with family. */
const zhou: ElderInput = {
  ...wang,
  name: '周建国',
  gender: 'male',
  birthDate: '1960-01-01',
  idNumber: '420106196001011234',
  categories: ['advanced_age'],
};

describe('ElderRegistryService', () => {
  let registry: FakeElderRegistry;
  let audit: FakeAudit;
  let sut: ElderRegistryService;

  beforeEach(() => {
    registry = new FakeElderRegistry();
    audit = new FakeAudit();
    sut = new ElderRegistryService(
      registry.asRepository(),
      new ElderAccessService(registry.records.asRepository()),
      audit.asRepository(),
    );
  });

  describe('a new record', () => {
    it('is written in its community with 高龄 from the birth date, audited, and shown to the writer in full', async () => {
      const card = await sut.create(supervisor, wang);

      expect(card).toMatchObject({
        name: '王秀英',
        categories: ['living_alone', 'advanced_age'],
        idNumber: '420106194105021228',
        place: { community: '东亭社区' },
      });
      expect(registry.written.get(card.id)).toMatchObject({ communityId: 'community-1' });
      expect(audit.entries).toEqual([
        { userId: supervisor.id, action: 'elder.create', elderId: card.id, subject: `elder:${card.id}` },
      ]);
    });

    it('loses a 高龄 ticked by hand when the birth date does not give it', async () => {
      const card = await sut.create(supervisor, zhou);

      expect(card.categories).toEqual([]);
    });

    it('is refused with elder-already-registered for an ID number on record, and nothing is written', async () => {
      await sut.create(supervisor, wang);

      await expect(sut.create(supervisor, { ...zhou, idNumber: wang.idNumber })).rejects.toMatchObject({
        code: 'elder-already-registered',
      });
      expect(registry.written.size).toBe(1);
      expect(audit.entries).toHaveLength(1);
    });

    it('is refused with region-not-found in a community outside the writer’s streets', async () => {
      await expect(sut.create(otherStreetSupervisor, wang)).rejects.toMatchObject({ code: 'region-not-found' });
      expect(registry.written.size).toBe(0);
      expect(audit.entries).toEqual([]);
    });

    it('is refused with region-not-found for a family, who place elders nowhere', async () => {
      await expect(sut.create(family, wang)).rejects.toMatchObject({ code: 'region-not-found' });
      expect(registry.written.size).toBe(0);
    });

    it('is refused with region-not-a-community when placed in a street', async () => {
      await expect(sut.create(supervisor, { ...wang, communityId: 'street-1' })).rejects.toMatchObject({
        code: 'region-not-a-community',
      });
      expect(registry.written.size).toBe(0);
    });
  });

  describe('an edit', () => {
    let elderId: string;

    beforeEach(async () => {
      elderId = (await sut.create(districtSupervisor, wang)).id;
      audit.entries.length = 0;
    });

    it('replaces the record and audits the names of the fields that changed, not their values', async () => {
      const card = await sut.update(supervisor, elderId, { ...wang, phone: '13900001111', address: '东亭社区5栋' });

      expect(card).toMatchObject({ phone: '13900001111', address: '东亭社区5栋' });
      expect(audit.entries).toEqual([
        {
          userId: supervisor.id,
          action: 'elder.update',
          elderId,
          subject: `elder:${elderId}`,
          detail: { changed: ['phone', 'address'] },
        },
      ]);
    });

    it('keeps the elder’s own ID number without calling it a duplicate', async () => {
      await expect(sut.update(supervisor, elderId, { ...wang, name: '王秀瑛' })).resolves.toMatchObject({
        name: '王秀瑛',
      });
    });

    it('is refused with elder-already-registered for another elder’s ID number', async () => {
      await sut.create(districtSupervisor, zhou);

      await expect(sut.update(supervisor, elderId, { ...wang, idNumber: zhou.idNumber })).rejects.toMatchObject({
        code: 'elder-already-registered',
      });
      expect(registry.written.get(elderId)?.idNumber).toBe(wang.idNumber);
    });

    it('answers an elder outside the writer’s streets as not found, and writes nothing', async () => {
      await expect(sut.update(otherStreetSupervisor, elderId, { ...wang, name: '王秀瑛' })).rejects.toMatchObject({
        code: 'elder-not-found',
      });
      expect(registry.written.get(elderId)?.name).toBe('王秀英');
      expect(audit.entries).toEqual([]);
    });

    it('is refused with region-not-found when it moves the elder to a community outside the writer’s streets', async () => {
      await expect(sut.update(supervisor, elderId, { ...wang, communityId: 'community-2' })).rejects.toMatchObject({
        code: 'region-not-found',
      });
      expect(registry.written.get(elderId)?.communityId).toBe('community-1');
    });
  });
});
