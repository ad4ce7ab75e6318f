import type { DinerLookupInput, DinerView, MealInput, MealView } from '@eldercare/contracts';
import {
  DomainError,
  isFaceEmbedding,
  matchFace,
  mealCharge,
  mealPeriodAt,
  normaliseMealCardCode,
  requireIdentificationReason,
  type MealPeriod,
} from '@eldercare/domain';
import {
  AuditRepository,
  CanteenRepository,
  type CanteenRecord,
  type DinerRecord,
  type MealRecord,
} from '@eldercare/persistence';
import { Inject, Injectable } from '@nestjs/common';
import { API_OPTIONS, type ApiOptions } from '../api.options';
import type { Viewer } from '../auth/viewer';
import { MealSubsidyCheck } from './meal-subsidy-check';

function toMealView(meal: MealRecord): MealView {
  return {
    id: meal.id,
    elder: { id: meal.elderId, name: meal.elderName },
    mealDate: meal.mealDate,
    period: meal.period,
    identifiedBy: meal.identifiedBy,
    priceCents: meal.priceCents,
    subsidyCents: meal.subsidyCents,
    selfPayCents: meal.selfPayCents,
    servedAt: meal.servedAt.toISOString(),
  };
}

/**
 * The canteen's terminal (助餐终端): the cashier finds the elder (a face, or the QR card or ID number with the reason
 * the face check was not used), sees the subsidy and what to pay, and records the meal. One subsidised meal per
 * elder per meal period across the city is kept by the database; a second one is refused, or served at the full
 * price once the cashier confirms. Every lookup and meal is audited with how the elder was identified.
 */
@Injectable()
export class MealTerminalService {
  constructor(
    private readonly canteens: CanteenRepository,
    private readonly audit: AuditRepository,
    private readonly subsidies: MealSubsidyCheck,
    @Inject(API_OPTIONS) private readonly options: ApiOptions,
  ) {}

  async findDiner(viewer: Viewer, canteenId: string, lookup: DinerLookupInput, now = Date.now()): Promise<DinerView> {
    const canteen = await this.ownCanteen(viewer, canteenId);
    requireIdentificationReason(lookup.by, lookup.reason);
    const diner =
      lookup.by === 'qr'
        ? await this.canteens.dinerByCardCode(normaliseMealCardCode(lookup.value))
        : await this.canteens.dinerByIdNumber(lookup.value.toUpperCase());
    if (!diner) throw new DomainError('elder-not-found', 'no elder has this card or ID number');
    return this.dinerView(viewer, canteen, diner, { by: lookup.by, reason: lookup.reason }, now);
  }

  /**
   * The elder whose enrolled face is nearest the terminal's descriptor, within the configured distance, with the
   * match score the meal will record; `face-not-matched` when nobody is near enough (or two are nearly as near).
   */
  async findDinerByFace(viewer: Viewer, canteenId: string, embedding: number[], now = Date.now()): Promise<DinerView> {
    const canteen = await this.ownCanteen(viewer, canteenId);
    if (!isFaceEmbedding(embedding))
      throw new DomainError('face-embedding-invalid', 'a face descriptor is 128 finite numbers');
    const match = matchFace(embedding, await this.canteens.enrolledFaces(), this.options.faceMatchMaxDistance);
    const diner = match && (await this.canteens.dinerById(match.elderId));
    if (!match || !diner) throw new DomainError('face-not-matched', 'the face matches no enrolled elder');
    return {
      ...(await this.dinerView(viewer, canteen, diner, { by: 'face', score: match.score }, now)),
      matchScore: match.score,
    };
  }

  private async dinerView(
    viewer: Viewer,
    canteen: CanteenRecord,
    diner: DinerRecord,
    identified: Record<string, unknown>,
    now: number,
  ): Promise<DinerView> {
    const meal = this.servingNow(canteen, now);
    const [{ subsidy, alreadySubsidised }, collects] = await Promise.all([
      this.subsidies.of(canteen, diner, meal, now),
      this.canteens.hasOrderToCollect(diner.id, canteen.id, meal.date, meal.period),
    ]);
    // What the cashier would charge: a second meal in the period shows at the full price until they confirm it.
    const charge = mealCharge({
      priceCents: canteen.priceCents,
      subsidy,
      alreadySubsidised,
      fullPriceConfirmed: alreadySubsidised,
    });
    await this.audit.append({
      userId: viewer.id,
      action: 'meal.lookup',
      elderId: diner.id,
      subject: `canteen:${canteen.id}`,
      detail: identified,
    });
    return {
      elder: { id: diner.id, name: diner.name, categories: diner.categories },
      canteen: { id: canteen.id, name: canteen.name },
      mealDate: meal.date,
      period: meal.period,
      priceCents: canteen.priceCents,
      subsidyCents: charge.subsidyCents,
      selfPayCents: charge.selfPayCents,
      subsidyCategory: charge.category,
      alreadySubsidised,
      collects,
    };
  }

  async serve(viewer: Viewer, canteenId: string, input: MealInput, now = Date.now()): Promise<MealView> {
    const canteen = await this.ownCanteen(viewer, canteenId);
    requireIdentificationReason(input.identifiedBy, input.reason ?? null);
    const diner = await this.canteens.dinerById(input.elderId);
    if (!diner) throw new DomainError('elder-not-found', 'no elder has this id');
    const meal = this.servingNow(canteen, now);
    const { subsidy, alreadySubsidised } = await this.subsidies.of(canteen, diner, meal, now);
    const charge = mealCharge({
      priceCents: canteen.priceCents,
      subsidy,
      alreadySubsidised,
      fullPriceConfirmed: input.fullPrice ?? false,
    });
    const record = {
      elderId: diner.id,
      canteenId: canteen.id,
      terminal: input.terminal,
      mealDate: meal.date,
      period: meal.period,
      identifiedBy: input.identifiedBy,
      identifyReason: input.reason?.trim() || null,
      matchScore: input.matchScore ?? null,
      liveness: input.liveness ?? null,
      priceCents: canteen.priceCents,
      subsidyCents: charge.subsidyCents,
      selfPayCents: charge.selfPayCents,
      subsidyCategory: charge.category,
      cashierId: viewer.id,
      orderedBy: null,
      workOrderId: null,
    };
    const id = await this.canteens.recordMeal(record);
    // Another terminal served the elder's subsidised meal between the quote and now: the index refused this one.
    if (!id) throw new DomainError('meal-already-subsidised', 'the elder has had a subsidised meal in this period');
    await this.audit.append({
      userId: viewer.id,
      action: 'meal.serve',
      elderId: diner.id,
      subject: `meal:${id}`,
      detail: { canteenId: canteen.id, identifiedBy: input.identifiedBy, subsidyCents: charge.subsidyCents },
    });
    return toMealView({ ...record, id, elderName: diner.name, servedAt: new Date(now) });
  }

  async mealsOf(viewer: Viewer, canteenId: string, date: string): Promise<MealView[]> {
    const canteen = await this.ownCanteen(viewer, canteenId);
    return (await this.canteens.mealsOf(canteen.id, date)).map(toMealView);
  }

  private servingNow(canteen: CanteenRecord, now: number): { date: string; period: MealPeriod } {
    const meal = mealPeriodAt(canteen.periods, now);
    if (!meal) throw new DomainError('canteen-closed', `${canteen.name} serves no meal now`);
    return meal;
  }

  /** A cashier serves at their provider's canteens only; any other is answered as if it did not exist. */
  private async ownCanteen(viewer: Viewer, canteenId: string): Promise<CanteenRecord> {
    const canteen = await this.canteens.findCanteen(canteenId);
    if (!canteen || viewer.scope.kind !== 'provider' || canteen.provider.id !== viewer.scope.providerId)
      throw new DomainError('canteen-not-found', 'no canteen with this id is yours to serve at');
    return canteen;
  }
}
