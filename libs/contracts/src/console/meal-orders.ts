import type { MealPeriod, WorkOrderStatus } from '@eldercare/domain';

/**
 * Canteen meals a family orders for their own elder and pays remotely (fen, 分). A delivered meal (送餐) is a work
 * order of the canteen's provider, visited with the same check-in and check-out as every work order. The ordered
 * meal holds the period's subsidy as a meal at the counter does: one subsidised meal per elder per period.
 *
 * POST /api/meal-orders  MealOrderInput       → MealOrderView (201; the family of the elder, else 404
 *      `elder-not-found`); 409 `meal-already-subsidised` unless `fullPrice` is confirmed, 409 `meal-order-closed`
 *      from two hours before the meal opens (or more than a week ahead), 409 `canteen-closed` for a meal not served
 * GET  /api/meal-orders?elderId=              → MealOrderView[] (the family of the elder): audited
 * POST /api/meal-orders/:id/cancel            → MealOrderView (the family): before the cut-off, the delivery's work
 *      order cancelled with it; 409 `meal-order-not-cancellable` once cancelled
 */
export interface MealOrderInput {
  elderId: string;
  canteenId: string;
  /** `YYYY-MM-DD`, local. */
  date: string;
  period: MealPeriod;
  delivery: boolean;
  /** The elder had the period's subsidised meal already: order this one at the full price. */
  fullPrice?: boolean;
}

export interface MealOrderView {
  id: string;
  elder: { id: string; name: string };
  canteen: { id: string; name: string };
  mealDate: string;
  period: MealPeriod;
  delivery: boolean;
  priceCents: number;
  subsidyCents: number;
  /** Paid remotely when ordering. */
  selfPayCents: number;
  /** Ordering and cancelling close then. */
  cutoffAt: string;
  orderedAt: string;
  cancelledAt: string | null;
  /** The delivery's work order. */
  workOrder: { id: string; status: WorkOrderStatus } | null;
}
