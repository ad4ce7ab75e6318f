import type { AuditRecord, AuditRepository } from '@eldercare/persistence';

/** The audit log kept in memory, for unit specs that check what a service records. */
export class FakeAudit {
  readonly entries: AuditRecord[] = [];

  async append(record: AuditRecord): Promise<void> {
    this.entries.push(record);
  }

  async appendMany(records: AuditRecord[]): Promise<void> {
    this.entries.push(...records);
  }

  asRepository(): AuditRepository {
    return this as unknown as AuditRepository;
  }
}
