import type { MealOrderInput, MealOrderView } from '@eldercare/contracts';
import type { HttpClient } from './http-client';

/** The elder's ordered meals, latest meal first. */
export function listMealOrders(http: HttpClient, elderId: string): Promise<MealOrderView[]> {
  return http.get<MealOrderView[]>(`/api/meal-orders?elderId=${encodeURIComponent(elderId)}`);
}

/** 409 `meal-already-subsidised` when the elder has the period's subsidised meal: confirm `fullPrice` to go on. */
export function orderMeal(http: HttpClient, input: MealOrderInput): Promise<MealOrderView> {
  return http.post<MealOrderView>('/api/meal-orders', input);
}

/** Before the cut-off only (409 `meal-order-closed`); a delivery's work order is cancelled with it. */
export function cancelMealOrder(http: HttpClient, orderId: string): Promise<MealOrderView> {
  return http.post<MealOrderView>(`/api/meal-orders/${encodeURIComponent(orderId)}/cancel`, {});
}
