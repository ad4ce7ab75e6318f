import { isInScope, type AccessScope } from '@eldercare/domain';
import type { ElderRecord, ElderRecordRepository } from '@eldercare/persistence';

/** An elder on record for unit specs; override what the test is about. */
export function elderRecord(overrides: Partial<ElderRecord> = {}): ElderRecord {
  return {
    id: 'elder-1',
    name: '王秀英',
    gender: 'female',
    birthDate: '1941-05-02',
    categories: ['living_alone'],
    idNumber: '420106194105021228',
    phone: '13907141234',
    address: '东亭社区3栋2单元501',
    keySafeCode: null,
    medicalNotes: '',
    contacts: [],
    home: { lat: 30.55, lon: 114.35 },
    place: { community: '东亭社区', street: '水果湖街道', district: '东湖区' },
    ...overrides,
  };
}

/**
 * Elders' records held in memory, each placed in regions, answering `findInScope` by the domain's own scope rule,
 * as the repository's query does. For unit specs of services that ask whether an elder is the viewer's.
 */
export class FakeElderRecords {
  private readonly placed = new Map<string, { record: ElderRecord; regionIds: string[] }>();

  add(record: ElderRecord, regionIds: string[] = ['community-1', 'street-1', 'district-1']): this {
    this.placed.set(record.id, { record, regionIds });
    return this;
  }

  async findInScope(scope: AccessScope, elderId: string): Promise<ElderRecord | undefined> {
    const found = this.placed.get(elderId);
    return found && isInScope(scope, { elderId, regionIds: found.regionIds }) ? found.record : undefined;
  }

  /** The fake where the service's type asks for the repository (only `findInScope` is used through it). */
  asRepository(): ElderRecordRepository {
    return this as unknown as ElderRecordRepository;
  }
}
