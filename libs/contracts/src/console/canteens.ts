import type { Liveness, MealIdentification, MealPeriod, MealPeriodHours, MealSubsidyRule } from '@eldercare/domain';

export type { Liveness, MealIdentification, MealPeriod, MealPeriodHours, MealSubsidyRule };

/**
 * Community canteens (助餐) and the meal terminal, as the console reads and writes them. Money is in fen (分).
 *
 * GET  /api/canteens                          → CanteenView[]: a provider's staff and cashiers their own, others all
 * POST /api/canteens  CanteenInput            → CanteenView (201; admins)
 * GET  /api/meal-subsidies                    → MealSubsidyRule[] (every rate, with the date it took effect)
 * POST /api/meal-subsidies  MealSubsidyRule   → MealSubsidyRule[] (the bureau, admins): a category's rate from a date
 * POST /api/canteens/:id/diner  DinerLookupInput → DinerView (the canteen's cashier): the elder by the code on their
 *      QR card (never the record id) or ID number, with the reason the face check was not used; audited
 * POST /api/canteens/:id/meals  MealInput     → MealView (201; the canteen's cashier); 409 `meal-already-subsidised`
 *      for a second subsidised meal in the period anywhere in the city unless `fullPrice` is confirmed
 * GET  /api/canteens/:id/meals?date=YYYY-MM-DD → MealView[] (the canteen's cashier): the day's meals, latest first
 * POST /api/canteens/:id/face  FaceCheckInput → DinerView with `face` (the canteen's cashier): the api describes the
 *      camera's frames with its own model, checks liveness (the face changes shape between frames), records the check
 *      and answers the enrolled elder nearest within FACE_MATCH_MAX_DISTANCE; 422 `face-not-found` (no face in a
 *      frame), `face-not-matched` (nobody near enough) or `face-not-live` (a still picture; who it matched is not said)
 * GET  /api/elders/:id/face                   → { enrolled, enrolledAt } (staff, family): never the descriptor
 * PUT  /api/elders/:id/face  { photo } | { embedding } → 204 (supervisors, admins, after an ID check): enrols the face
 *      from a JPEG photo the api describes (the photo is not kept), or a descriptor
 * DELETE /api/elders/:id/face                 → 204 (supervisors, admins, the family): consent withdrawn, deleted
 * PUT  /api/elders/:id/meal-card              → { code } (supervisors, admins): issues the elder's QR card, a random
 *      code to print on it; reissuing voids the old card
 */
export interface CanteenView {
  id: string;
  name: string;
  provider: { id: string; name: string };
  community: { id: string; name: string };
  /** Where the canteen is; none for a canteen opened before positions were kept. */
  address: string | null;
  position: { lat: number; lon: number } | null;
  priceCents: number;
  periods: MealPeriodHours[];
}

export interface CanteenInput {
  name: string;
  providerId: string;
  communityId: string;
  address: string;
  position: { lat: number; lon: number };
  priceCents: number;
  periods: MealPeriodHours[];
}

export interface DinerLookupInput {
  by: 'qr' | 'id-card';
  value: string;
  reason: string;
}

export interface DinerView {
  elder: { id: string; name: string; categories: string[] };
  canteen: { id: string; name: string };
  mealDate: string;
  period: MealPeriod;
  priceCents: number;
  subsidyCents: number;
  selfPayCents: number;
  subsidyCategory: string | null;
  /** The elder had a subsidised meal in this period already: a second is at the full price, after confirming. */
  alreadySubsidised: boolean;
  /** The family ordered and paid this meal here, to collect: hand it over, nothing to record. */
  collects: boolean;
  /** Found by face: the check the meal is to be served on, its match score and liveness. */
  face?: FaceCheckView;
}

/** The camera's frames, a fraction of a second apart: two base64 JPEGs (FACE_CHECK_FRAMES). */
export interface FaceCheckInput {
  frames: string[];
}

export interface FaceCheckView {
  checkId: string;
  matchScore: number;
  liveness: Liveness;
}

export interface MealInput {
  elderId: string;
  terminal: string;
  identifiedBy: MealIdentification;
  reason?: string;
  /** Identified by face: the check the platform made (its score and liveness are recorded from it). */
  faceCheckId?: string;
  /** The cashier confirmed a second meal in the period at the full price. */
  fullPrice?: boolean;
}

export interface MealView {
  id: string;
  elder: { id: string; name: string };
  mealDate: string;
  period: MealPeriod;
  identifiedBy: MealIdentification;
  priceCents: number;
  subsidyCents: number;
  selfPayCents: number;
  servedAt: string;
}
