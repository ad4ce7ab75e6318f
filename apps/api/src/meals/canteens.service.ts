import type { CanteenInput, CanteenView, MealSubsidyRule } from '@eldercare/contracts';
import { checkMealPeriods, DomainError, ELDER_CATEGORIES, AGED_65_CATEGORY } from '@eldercare/domain';
import { AuditRepository, CanteenRepository, CarePlanRepository, type CanteenRecord } from '@eldercare/persistence';
import { Injectable } from '@nestjs/common';
import type { Viewer } from '../auth/viewer';

export function toCanteenView(canteen: CanteenRecord): CanteenView {
  return {
    id: canteen.id,
    name: canteen.name,
    provider: canteen.provider,
    community: canteen.community,
    address: canteen.address,
    position: canteen.position,
    priceCents: canteen.priceCents,
    periods: canteen.periods,
  };
}

/** Canteens and the bureau's meal subsidies. */
@Injectable()
export class CanteensService {
  constructor(
    private readonly canteens: CanteenRepository,
    private readonly plans: CarePlanRepository,
    private readonly audit: AuditRepository,
  ) {}

  /** A provider's staff and cashiers see their own provider's canteens; the rest every canteen of the city. */
  async list(viewer: Viewer): Promise<CanteenView[]> {
    const own = viewer.scope.kind === 'provider' ? (viewer.scope.providerId ?? 'none') : undefined;
    if (own === 'none') return [];
    return (await this.canteens.canteens(own)).map(toCanteenView);
  }

  async create(viewer: Viewer, input: CanteenInput): Promise<CanteenView> {
    checkMealPeriods(input.periods);
    if (!(await this.plans.providerExists(input.providerId)))
      throw new DomainError('provider-not-found', 'no provider has this id');
    const id = await this.canteens
      .insertCanteen({ ...input, ...input.position })
      .catch((error: { driverError?: { code?: string } }) => {
        if (error.driverError?.code === '23505') throw new DomainError('canteen-invalid', 'a canteen has this name');
        if (error.driverError?.code === '23503') throw new DomainError('region-not-found', 'no community has this id');
        throw error;
      });
    await this.audit.append({ userId: viewer.id, action: 'canteen.create', elderId: null, subject: `canteen:${id}` });
    return toCanteenView((await this.canteens.findCanteen(id))!);
  }

  subsidyRules(): Promise<MealSubsidyRule[]> {
    return this.canteens.subsidyRules();
  }

  /** The bureau sets a category's subsidy from a date on; audited. */
  async setSubsidyRule(viewer: Viewer, rule: MealSubsidyRule): Promise<MealSubsidyRule[]> {
    const categories: readonly string[] = [...Object.keys(ELDER_CATEGORIES), AGED_65_CATEGORY];
    if (!categories.includes(rule.category))
      throw new DomainError('meal-subsidy-invalid', `unknown category ${rule.category}`);
    await this.canteens.setSubsidyRule(rule, viewer.id);
    await this.audit.append({
      userId: viewer.id,
      action: 'meal-subsidy.set',
      elderId: null,
      subject: `meal-subsidy:${rule.category}`,
      detail: { ...rule },
    });
    return this.canteens.subsidyRules();
  }
}
