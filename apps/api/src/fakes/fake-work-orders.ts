import { isInScope } from '@eldercare/domain';
import type {
  NewComplaint,
  NewOneOffWorkOrder,
  ComplaintRepository,
  LockedWorkOrder,
  VisitRatingRepository,
  WorkOrderChange,
  WorkOrderReader,
  WorkOrderRepository,
  WorkOrderRow,
} from '@eldercare/persistence';
import type { EntityManager } from 'typeorm';

/** A work order for unit specs: a cleaning visit at 王秀英's home in 东亭社区, by provider-1; override the rest. */
export function workOrderRow(overrides: Partial<WorkOrderRow> = {}): WorkOrderRow {
  return {
    id: 'order-1',
    seq: '1',
    service: 'cleaning',
    status: 'created',
    startsAt: new Date('2026-11-23T01:00:00Z'),
    minutes: 120,
    quantity: 2,
    elder: {
      id: 'elder-1',
      name: '王秀英',
      address: '东亭社区3栋2单元501',
      phone: '13907141234',
      categories: ['living_alone'],
      home: { lat: 30.55, lon: 114.35 },
    },
    place: {
      communityId: 'community-1',
      community: '东亭社区',
      streetId: 'street-1',
      street: '水果湖街道',
      districtId: null,
    },
    provider: { id: 'provider-1', name: '康乐家政' },
    caregiver: null,
    planLineId: null,
    sourceAlertId: null,
    assignedAt: null,
    acceptedAt: null,
    checkedInAt: null,
    checkInPosition: null,
    checkedOutAt: null,
    checkOutPosition: null,
    exceptions: [],
    exceptionResolution: { resolution: null, resolvedBy: null, resolvedAt: null, note: null },
    note: '',
    confirmedBy: null,
    missedAt: null,
    cancelledAt: null,
    cancelReason: null,
    rating: null,
    ...overrides,
  };
}

/**
 * Work orders in memory, read through the same scope rules as the repository's queries (a provider sees its own
 * orders, a caregiver only those assigned to them) and changed the way `apply` writes them; each change bumps `seq`.
 */
export class FakeWorkOrders {
  readonly rows = new Map<string, WorkOrderRow>();
  /** Display names of the caregivers an order can be assigned to. */
  readonly caregiverNames = new Map<string, string>();
  private nextId = 1;

  add(row: WorkOrderRow): this {
    this.rows.set(row.id, row);
    return this;
  }

  async findFor(reader: WorkOrderReader, id: string): Promise<WorkOrderRow | undefined> {
    const row = this.rows.get(id);
    return row && this.readable(reader, row) ? structuredClone(row) : undefined;
  }

  async search(reader: WorkOrderReader): Promise<WorkOrderRow[]> {
    return [...this.rows.values()].filter((row) => this.readable(reader, row)).map((row) => structuredClone(row));
  }

  async inTransaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return work({} as EntityManager);
  }

  async insertOneOff(_manager: EntityManager, order: NewOneOffWorkOrder): Promise<{ id: string; seq: string }> {
    const id = `new-order-${this.nextId++}`;
    const template = workOrderRow();
    this.add(
      workOrderRow({
        id,
        service: order.service,
        startsAt: order.startsAt,
        minutes: order.minutes,
        quantity: order.quantity,
        sourceAlertId: order.sourceAlertId,
        elder: { ...template.elder, id: order.elderId },
        provider: { id: order.providerId, name: 'provider' },
      }),
    );
    return { id, seq: this.rows.get(id)!.seq };
  }

  async inOrderTransaction<T>(
    id: string,
    work: (manager: EntityManager, order: LockedWorkOrder | undefined) => Promise<T>,
  ): Promise<T> {
    const row = this.rows.get(id);
    return work(
      {} as EntityManager,
      row && { status: row.status, exceptions: [...row.exceptions], resolution: row.exceptionResolution.resolution },
    );
  }

  async apply(_manager: EntityManager, id: string, change: WorkOrderChange): Promise<string | undefined> {
    const row = this.rows.get(id);
    if (!row) return undefined;
    // The missed alert's id is a column the row does not show.
    const { caregiverId, exceptionResolution, exceptionResolvedBy, exceptionResolvedAt, exceptionNote, ...fields } =
      change;
    delete fields.missedAlertId;
    Object.assign(row, fields, { seq: String(Number(row.seq) + 1) });
    if (exceptionResolution !== undefined)
      row.exceptionResolution = {
        resolution: exceptionResolution,
        resolvedBy: exceptionResolvedBy ? { id: exceptionResolvedBy, displayName: '' } : null,
        resolvedAt: exceptionResolvedAt ?? null,
        note: exceptionNote ?? null,
      };
    if (caregiverId !== undefined)
      row.caregiver =
        caregiverId === null ? null : { id: caregiverId, displayName: this.caregiverNames.get(caregiverId) ?? '' };
    return row.seq;
  }

  asRepository(): WorkOrderRepository {
    return this as unknown as WorkOrderRepository;
  }

  private readable(reader: WorkOrderReader, row: WorkOrderRow): boolean {
    if (reader.scope.kind !== 'provider') {
      const regionIds = [row.place.communityId, row.place.streetId, row.place.districtId].filter(
        (regionId): regionId is string => regionId !== null,
      );
      return isInScope(reader.scope, { elderId: row.elder.id, regionIds });
    }
    if (row.provider.id !== reader.scope.providerId) return false;
    return reader.caregiverId === undefined || row.caregiver?.id === reader.caregiverId;
  }
}

/** Visit ratings in memory: one per order, as the table's key allows. */
export class FakeVisitRatings {
  readonly ratings = new Map<string, { userId: string; stars: number; comment: string }>();

  async add(workOrderId: string, userId: string, stars: number, comment: string): Promise<boolean> {
    if (this.ratings.has(workOrderId)) return false;
    this.ratings.set(workOrderId, { userId, stars, comment });
    return true;
  }

  asRepository(): VisitRatingRepository {
    return this as unknown as VisitRatingRepository;
  }
}

/** Complaints in memory. */
export class FakeComplaints {
  readonly filed: NewComplaint[] = [];

  async file(complaint: NewComplaint): Promise<string> {
    this.filed.push(complaint);
    return `complaint-${this.filed.length}`;
  }

  asRepository(): ComplaintRepository {
    return this as unknown as ComplaintRepository;
  }
}
