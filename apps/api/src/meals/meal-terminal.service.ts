import type { DinerLookupInput, DinerView, MealInput, MealView } from '@eldercare/contracts';
import {
  DomainError,
  livenessOf,
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
  type FaceCheckRecord,
  type MealRecord,
} from '@eldercare/persistence';
import { Inject, Injectable } from '@nestjs/common';
import { API_OPTIONS, type ApiOptions } from '../api.options';
import type { Viewer } from '../auth/viewer';
import { MealSubsidyCheck } from './meal-subsidy-check';
import { FaceModel } from './face-model';

/** How long after the face check the cashier may serve the meal on it. */
const FACE_CHECK_VALID_MS = 5 * 60_000;

/** The mean of the frames' descriptors: the face the check matches. */
function meanDescriptor(descriptors: number[][]): number[] {
  return descriptors[0].map((_, index) => descriptors.reduce((sum, d) => sum + d[index], 0) / descriptors.length);
}

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
    private readonly faceModel: FaceModel,
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
   * The camera's frames, described by the api's own face model: their mean descriptor is matched against the enrolled
   * elders within the configured distance, and the face must change shape between frames (liveness). Every check is
   * recorded, matched or not; the meal names the check, so its score and liveness come from here, not the terminal.
   * `face-not-found` when a frame shows no face, `face-not-matched` when nobody is near enough (or two are nearly as
   * near), `face-not-live` for a still picture, without saying whom it resembles.
   */
  async findDinerByFace(viewer: Viewer, canteenId: string, frames: string[], now = Date.now()): Promise<DinerView> {
    const canteen = await this.ownCanteen(viewer, canteenId);
    const described = [];
    for (const frame of frames) described.push(await this.faceModel.describe(Buffer.from(frame, 'base64')));
    const liveness = livenessOf(
      described.map((face) => face.landmarks),
      this.options.faceLivenessMinChange,
    );
    const probe = meanDescriptor(described.map((face) => face.descriptor));
    const match = matchFace(probe, await this.canteens.enrolledFaces(), this.options.faceMatchMaxDistance);
    const diner = match && (await this.canteens.dinerById(match.elderId));
    const checkId = await this.canteens.recordFaceCheck({
      canteenId: canteen.id,
      cashierId: viewer.id,
      elderId: diner ? diner.id : null,
      matchScore: diner ? match.score : null,
      liveness: liveness.result,
      livenessScore: liveness.score,
    });
    if (!match || !diner) throw new DomainError('face-not-matched', 'the face matches no enrolled elder');
    if (liveness.result !== 'moved')
      throw new DomainError('face-not-live', 'the face did not move between frames: use the QR card or ID number');
    const face = { checkId, matchScore: match.score, liveness };
    return { ...(await this.dinerView(viewer, canteen, diner, { by: 'face', checkId }, now)), face };
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
    const faceCheck = await this.faceCheckFor(viewer, canteen, input, now);
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
      matchScore: faceCheck?.matchScore ?? null,
      liveness: faceCheck?.liveness ?? null,
      faceCheckId: faceCheck?.id ?? null,
      priceCents: canteen.priceCents,
      subsidyCents: charge.subsidyCents,
      selfPayCents: charge.selfPayCents,
      subsidyCategory: charge.category,
      cashierId: viewer.id,
      orderedBy: null,
      workOrderId: null,
    };
    const id = await this.canteens.recordMeal(record).catch((error: { driverError?: { constraint?: string } }) => {
      // Two meals sent at once on one check: the unique key lets one of them through.
      if (error.driverError?.constraint === 'meal_transactions_face_check_id_key')
        throw new DomainError('face-check-invalid', 'this face check has served a meal already');
      throw error;
    });
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

  /**
   * The face check a meal identified by face is served on: this cashier's, at this canteen, of this elder, live, recent
   * and not used yet. Any other way of identifying takes none.
   */
  private async faceCheckFor(
    viewer: Viewer,
    canteen: CanteenRecord,
    input: MealInput,
    now: number,
  ): Promise<FaceCheckRecord | undefined> {
    if (input.identifiedBy !== 'face') {
      if (input.faceCheckId)
        throw new DomainError('face-check-invalid', 'a face check goes with a meal identified by face');
      return undefined;
    }
    const check = input.faceCheckId ? await this.canteens.findFaceCheck(input.faceCheckId) : undefined;
    const valid =
      check &&
      check.canteenId === canteen.id &&
      check.cashierId === viewer.id &&
      check.elderId === input.elderId &&
      check.liveness === 'moved' &&
      !check.used &&
      now - check.checkedAt.getTime() <= FACE_CHECK_VALID_MS;
    if (!valid)
      throw new DomainError(
        'face-check-invalid',
        "a meal identified by face needs this terminal's recent, live, unused check of this elder",
      );
    return check;
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
