import type {
  EntitlementRule,
  ServiceCode,
  VisitExceptionReason,
  VisitExceptionResolution,
  WorkOrderStatus,
} from '@eldercare/domain';
import type { CarePlanLineRecord, CarePlanRepository, WorkOrderRepository } from '@eldercare/persistence';

/** Providers with their caregivers, plan lines and entitlement rules in memory, as the care-plan repository keeps them. */
export class FakeCarePlans {
  private readonly caregivers = new Map<string, Set<string>>();
  readonly lines: (CarePlanLineRecord & { createdBy: string })[] = [];
  rules: EntitlementRule[] = [];
  /** Where each ended line's unstarted orders were cancelled from. */
  readonly cancelledFrom = new Map<string, Date>();

  provider(providerId: string, ...caregiverIds: string[]): this {
    this.caregivers.set(providerId, new Set(caregiverIds));
    return this;
  }

  async providerExists(id: string): Promise<boolean> {
    return this.caregivers.has(id);
  }

  async isCaregiverOf(providerId: string, userId: string): Promise<boolean> {
    return this.caregivers.get(providerId)?.has(userId) ?? false;
  }

  async entitlementRules(): Promise<EntitlementRule[]> {
    return this.rules;
  }

  async replaceEntitlementRules(rules: readonly EntitlementRule[]): Promise<void> {
    this.rules = [...rules];
  }

  async linesOf(elderId: string): Promise<CarePlanLineRecord[]> {
    return this.lines.filter((line) => line.elderId === elderId);
  }

  async insertLine(
    line: Omit<CarePlanLineRecord, 'id' | 'provider'> & { providerId: string; createdBy: string },
  ): Promise<string> {
    const { providerId, ...rest } = line;
    const id = `line-${this.lines.length + 1}`;
    this.lines.push({ ...rest, id, provider: { id: providerId, name: providerId } });
    return id;
  }

  async endLine(elderId: string, lineId: string, endsOn: string, cancelFrom: Date): Promise<boolean> {
    const line = this.lines.find((candidate) => candidate.id === lineId && candidate.elderId === elderId);
    if (!line) return false;
    line.endsOn = endsOn < line.startsOn ? line.startsOn : endsOn;
    this.cancelledFrom.set(lineId, cancelFrom);
    return true;
  }

  asRepository(): CarePlanRepository {
    return this as unknown as CarePlanRepository;
  }
}

/** The month's orders of each elder, for the account a care plan is shown with. */
export class FakeMonthOrders {
  readonly orders: {
    elderId: string;
    startsAt: Date;
    service: ServiceCode;
    quantity: number;
    status: WorkOrderStatus;
    /** None unless given. */
    exceptions?: VisitExceptionReason[];
    resolution?: VisitExceptionResolution | null;
  }[] = [];

  async ordersOfElder(elderId: string, from: Date, to: Date): ReturnType<WorkOrderRepository['ordersOfElder']> {
    return this.orders
      .filter((order) => order.elderId === elderId && order.startsAt >= from && order.startsAt < to)
      .map(({ service, quantity, status, exceptions = [], resolution = null }) => ({
        service,
        quantity,
        status,
        exceptions,
        resolution,
      }));
  }

  asRepository(): WorkOrderRepository {
    return this as unknown as WorkOrderRepository;
  }
}
