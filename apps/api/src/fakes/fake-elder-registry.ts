import { isInScope, type AccessScope } from '@eldercare/domain';
import type { ElderRecord, ElderRegistryRepository, ElderWrite, WritableRegion } from '@eldercare/persistence';
import type { EntityManager } from 'typeorm';
import { FakeElderRecords } from './fake-elder-records';

/** A region with the ids of the regions above it, so a scope over any of them covers it. */
interface PlacedRegion extends WritableRegion {
  name: string;
  within: string[];
}

/**
 * The registry of elders in memory, in two communities of one district: 东亭社区 (community-1, in street-1) and
 * 中北社区 (community-2, in street-2). Regions are found in a scope by the domain's scope rule, as the repository's
 * query does; what it writes is readable through `records`, as the elders table is through `ElderRecordRepository`.
 */
export class FakeElderRegistry {
  readonly regions: PlacedRegion[] = [
    {
      id: 'community-1',
      code: '360102001001',
      level: 'community',
      name: '东亭社区',
      within: ['street-1', 'district-1'],
    },
    { id: 'street-1', code: '360102001', level: 'street', name: '水果湖街道', within: ['district-1'] },
    {
      id: 'community-2',
      code: '360102002001',
      level: 'community',
      name: '中北社区',
      within: ['street-2', 'district-1'],
    },
  ];
  /** ID numbers of elders on record before the test, besides those it writes. */
  readonly onRecord = new Set<string>();
  /** Every record as last written, by elder id. */
  readonly written = new Map<string, ElderWrite>();
  readonly inserted: ElderWrite[] = [];
  transactions = 0;

  constructor(readonly records = new FakeElderRecords()) {}

  async regionsInScope(scope: AccessScope, named: { ids?: string[]; codes?: string[] }): Promise<WritableRegion[]> {
    if (scope.kind !== 'city' && scope.kind !== 'regions') return [];
    return this.regions
      .filter((region) => named.ids?.includes(region.id) || named.codes?.includes(region.code))
      .filter((region) => isInScope(scope, { elderId: '', regionIds: [region.id, ...region.within] }))
      .map(({ id, code, level }) => ({ id, code, level }));
  }

  async inWriteTransaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    this.transactions += 1;
    return work({} as EntityManager);
  }

  async registeredIdNumbers(
    _manager: EntityManager,
    idNumbers: string[],
    exceptElderId?: string,
  ): Promise<Set<string>> {
    const taken = new Set(this.onRecord);
    for (const [id, elder] of this.written) if (id !== exceptElderId) taken.add(elder.idNumber);
    return new Set(idNumbers.filter((idNumber) => taken.has(idNumber)));
  }

  async insert(_manager: EntityManager, elders: ElderWrite[]): Promise<string[]> {
    this.inserted.push(...elders);
    return elders.map((elder) => {
      const id = `elder-${this.written.size + 1}`;
      this.write(id, elder);
      return id;
    });
  }

  /** Answers the names of the fields that changed, as the repository does. */
  async update(_manager: EntityManager, elderId: string, elder: ElderWrite): Promise<string[]> {
    const before = this.written.get(elderId);
    if (!before) return [];
    this.write(elderId, elder);
    return (Object.keys(elder) as (keyof ElderWrite)[]).filter(
      (field) => JSON.stringify(before[field]) !== JSON.stringify(elder[field]),
    );
  }

  asRepository(): ElderRegistryRepository {
    return this as unknown as ElderRegistryRepository;
  }

  private write(id: string, elder: ElderWrite): void {
    this.written.set(id, elder);
    const community = this.regions.find((region) => region.id === elder.communityId)!;
    const record: ElderRecord = {
      id,
      name: elder.name,
      gender: elder.gender,
      birthDate: elder.birthDate,
      categories: elder.categories,
      idNumber: elder.idNumber,
      phone: elder.phone === '' ? null : elder.phone,
      address: elder.address,
      keySafeCode: elder.keySafeCode,
      medicalNotes: elder.medicalNotes,
      contacts: elder.contacts,
      home: elder.home,
      place: { community: community.name, street: null, district: null },
    };
    this.records.add(record, [community.id, ...community.within]);
  }
}
