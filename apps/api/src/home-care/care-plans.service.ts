import type { CarePlanView, EntitlementRuleView, ProviderView } from '@eldercare/contracts';
import {
  accountMonth,
  addLocalDays,
  checkPlanLine,
  DomainError,
  DomainErrorWithDetails,
  entitlementOf,
  localDateStart,
  localMonthBounds,
  localMonthOf,
  monthlySubsidy,
  planExcesses,
  providerDirectoryFor,
  SERVICES,
  type CarePlanLine,
  type EntitlementRule,
  type ServiceCode,
} from '@eldercare/domain';
import {
  AuditRepository,
  CarePlanRepository,
  WorkOrderRepository,
  type CarePlanLineRecord,
} from '@eldercare/persistence';
import { Injectable } from '@nestjs/common';
import type { Viewer } from '../auth/viewer';
import { ElderAccessService } from '../elders/elder-access.service';

const asPlanLine = (line: CarePlanLineRecord): CarePlanLine => ({
  ...line,
  providerId: line.provider.id,
  minutes: line.minutes ?? undefined,
});

/**
 * Care plans: which services each elder gets, from which provider, when; checked against what the elder's
 * categories are owed when saved; with the month's account (owed, planned, delivered, missed, remaining) and
 * subsidies.
 */
@Injectable()
export class CarePlansService {
  constructor(
    private readonly plans: CarePlanRepository,
    private readonly orders: WorkOrderRepository,
    private readonly elderAccess: ElderAccessService,
    private readonly audit: AuditRepository,
  ) {}

  /** The providers the viewer's role and scope open, with caregivers only for the provider's own admin. */
  async providers(viewer: Viewer): Promise<ProviderView[]> {
    return this.plans.providers(providerDirectoryFor(viewer.role, viewer.scope));
  }

  async entitlementRules(): Promise<EntitlementRuleView[]> {
    return this.plans.entitlementRules();
  }

  async replaceEntitlementRules(viewer: Viewer, rules: EntitlementRule[]): Promise<EntitlementRuleView[]> {
    await this.plans.replaceEntitlementRules(rules);
    await this.audit.append({
      userId: viewer.id,
      action: 'entitlements.replace',
      elderId: null,
      subject: 'entitlement-rules',
      detail: { rules: rules.length },
    });
    return this.plans.entitlementRules();
  }

  async view(viewer: Viewer, elderId: string, month = localMonthOf(Date.now())): Promise<CarePlanView> {
    const elder = await this.elderAccess.elderInScope(viewer, elderId);
    const { start, end } = localMonthBounds(month);
    const [lines, rules, orders] = await Promise.all([
      this.plans.linesOf(elderId),
      this.plans.entitlementRules(),
      this.orders.ordersOfElder(elderId, new Date(start), new Date(end)),
    ]);
    const account = accountMonth(entitlementOf(elder.categories, rules), orders);
    return {
      elder: { id: elder.id, name: elder.name, categories: elder.categories },
      lines: lines.map((line) => ({ ...line, minutes: line.minutes ?? SERVICES[line.service].minutes })),
      month,
      account: account.map((entry) => ({ ...entry, unit: SERVICES[entry.service].unit })),
      subsidy: monthlySubsidy(elder, month),
    };
  }

  /** Adds a line; refused whole when, with the elder's other lines, it asks for more than the elder is owed. */
  async addLine(viewer: Viewer, elderId: string, input: Omit<CarePlanLine, 'id'>): Promise<CarePlanView> {
    const elder = await this.elderAccess.elderInScope(viewer, elderId);
    checkPlanLine(input);
    if (!(await this.plans.providerExists(input.providerId)))
      throw new DomainError('provider-not-found', 'no provider has this id');
    const [lines, rules] = await Promise.all([this.plans.linesOf(elderId), this.plans.entitlementRules()]);
    const proposed = { ...input, id: 'proposed', service: input.service as ServiceCode };
    const excesses = planExcesses([...lines.map(asPlanLine), proposed], elder.categories, rules, input.startsOn);
    if (excesses.length > 0) {
      throw new DomainErrorWithDetails(
        'care-plan-over-entitlement',
        `the plan asks for more than ${elder.name} is owed`,
        { excesses },
      );
    }
    const id = await this.plans.insertLine({ ...input, minutes: input.minutes ?? null, elderId, createdBy: viewer.id });
    await this.audit.append({
      userId: viewer.id,
      action: 'care-plan.add-line',
      elderId,
      subject: `care-plan-line:${id}`,
      detail: { service: input.service },
    });
    return this.view(viewer, elderId);
  }

  /** Ends a line on a day; its orders after that day that nobody has started are cancelled. */
  async endLine(viewer: Viewer, elderId: string, lineId: string, endsOn: string): Promise<CarePlanView> {
    await this.elderAccess.elderInScope(viewer, elderId);
    const cancelFrom = new Date(localDateStart(addLocalDays(endsOn, 1)));
    if (!(await this.plans.endLine(elderId, lineId, endsOn, cancelFrom)))
      throw new DomainError('care-plan-line-not-found', 'the elder has no such plan line');
    await this.audit.append({
      userId: viewer.id,
      action: 'care-plan.end-line',
      elderId,
      subject: `care-plan-line:${lineId}`,
      detail: { endsOn },
    });
    return this.view(viewer, elderId);
  }
}
