import type {
  CheckOutInput,
  OneOffWorkOrderInput,
  PositionInput,
  ResolveVisitExceptionsInput,
  VisitExceptionState,
  WorkOrderView,
} from '@eldercare/contracts';
import type { HttpClient } from './http-client';

const orderPath = (orderId: string, action: string) => `/api/work-orders/${encodeURIComponent(orderId)}/${action}`;

/** What to search by; the api keeps to the user's scope (a caregiver gets their own orders only). */
export interface WorkOrderSearch {
  from?: string;
  to?: string;
  providerId?: string;
  caregiverId?: string;
  elderId?: string;
  exceptions?: VisitExceptionState;
}

export function searchWorkOrders(http: HttpClient, search: WorkOrderSearch): Promise<WorkOrderView[]> {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(search)) if (value) query.set(name, value);
  return http.get<WorkOrderView[]>(`/api/work-orders?${query.toString()}`);
}

/** Sends a caregiver now (from an alert): a one-off order outside any plan. */
export function createWorkOrder(http: HttpClient, input: OneOffWorkOrderInput): Promise<WorkOrderView> {
  return http.post<WorkOrderView>('/api/work-orders', input);
}

export function assignWorkOrder(http: HttpClient, orderId: string, caregiverId: string): Promise<WorkOrderView> {
  return http.post<WorkOrderView>(orderPath(orderId, 'assign'), { caregiverId });
}

export function acceptWorkOrder(http: HttpClient, orderId: string): Promise<WorkOrderView> {
  return http.post<WorkOrderView>(orderPath(orderId, 'accept'));
}

/**
 * The answer says how far from the home the caregiver checked in (`checkIn.distanceM`) and any exception recorded
 * (`exceptions`): a check-in outside the rules is taken, never refused.
 */
export function checkInWorkOrder(http: HttpClient, orderId: string, position: PositionInput): Promise<WorkOrderView> {
  return http.post<WorkOrderView>(orderPath(orderId, 'check-in'), position);
}

export function checkOutWorkOrder(http: HttpClient, orderId: string, input: CheckOutInput): Promise<WorkOrderView> {
  return http.post<WorkOrderView>(orderPath(orderId, 'check-out'), input);
}

/** Once per visit, for a visit checked out; a second rating is refused with `visit-already-rated` (409). */
export function rateWorkOrder(
  http: HttpClient,
  orderId: string,
  rating: { stars: number; comment: string },
): Promise<void> {
  return http.post<void>(orderPath(orderId, 'rating'), rating);
}

/** The provider admin's decision on a checked-out visit's open exceptions; once (`visit-exception-not-open`, 409). */
export function resolveVisitExceptions(
  http: HttpClient,
  orderId: string,
  decision: ResolveVisitExceptionsInput,
): Promise<WorkOrderView> {
  return http.post<WorkOrderView>(orderPath(orderId, 'resolve-exceptions'), decision);
}
