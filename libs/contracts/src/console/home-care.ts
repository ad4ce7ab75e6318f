import type {
  CarePlanLine,
  VisitExceptionReason,
  VisitExceptionResolution,
  VisitExceptionState,
  WorkOrderStatus,
} from '@eldercare/domain';
import type { Actor, Timestamp } from './alert-view';

export type { VisitExceptionReason, VisitExceptionResolution, VisitExceptionState, WorkOrderStatus };

/**
 * Home care as the console, the caregiver's phone page and the family page read and write it.
 *
 * GET  /api/providers                                   → ProviderView[]: every provider for dispatch, supervisors,
 *      admins and the bureau; a provider's staff their own; a family those serving their elders. Caregivers only to
 *      the provider's own admin.
 * GET  /api/elders/:id/care-plan?month=YYYY-MM          → CarePlanView (lines, the month's account, subsidies)
 * POST /api/elders/:id/care-plan/lines   CarePlanLineInput → CarePlanView (201); 422 `care-plan-over-entitlement`
 *      with the excesses when the plan asks for more than the elder is owed
 * POST /api/elders/:id/care-plan/lines/:lineId/end  { endsOn } → CarePlanView; future orders after endsOn cancelled
 * GET  /api/entitlements                                → EntitlementRuleView[];  PUT (bureau, admin) the whole table
 * GET  /api/work-orders?from=&to=&status=&providerId=&caregiverId=&elderId=&exceptions= → WorkOrderView[] (in scope:
 *      operators by region, provider staff by provider, a caregiver their own, a family their elder's); `exceptions`
 *      is a VisitExceptionState (`open` for the provider's list of visits to decide on)
 * POST /api/work-orders            OneOffWorkOrderInput → WorkOrderView (201): send a caregiver now, from an alert
 * POST /api/work-orders/:id/assign { caregiverId }      → WorkOrderView (provider admin of the order's provider)
 * POST /api/work-orders/:id/accept                      → WorkOrderView (the assigned caregiver)
 * POST /api/work-orders/:id/check-in  PositionInput     → WorkOrderView (the assigned caregiver)
 * POST /api/work-orders/:id/check-out CheckOutInput     → WorkOrderView (the assigned caregiver)
 * POST /api/work-orders/:id/cancel { reason }           → WorkOrderView (operators, supervisors, provider admin)
 * POST /api/work-orders/:id/resolve-exceptions ResolveVisitExceptionsInput → WorkOrderView (provider admin of the
 *      order's provider; checked-out visits with open exceptions, once: 409 `visit-exception-not-open` otherwise)
 * POST /api/work-orders/:id/rating { stars, comment }   → 204 (family, once per visit, checked-out visits only)
 * POST /api/complaints { elderId, workOrderId?, text }  → 201 (family): reaches the provider and the bureau
 * GET  /api/family/elders/:id                           → FamilyElderView (family)
 * GET  /api/reports/monthly?month=YYYY-MM&regionId=     → MonthlyReport (bureau, supervisor, admin); `&format=csv&table=…` for one table as CSV,
 *      `&format=xlsx` for every table as an Excel workbook with a cover sheet
 * GET  /api/reports/archive                             → ArchivedReportView[]: the city's months made on schedule (bureau,
 *      admin; empty for a supervisor); GET /api/reports/archive/:month → that month's workbook
 *
 * socket.io: `work-order.updated` (WorkOrderView) to the order's region rooms, its provider and its elder.
 */
export interface ProviderView {
  id: string;
  name: string;
  phone: string;
  /** The provider's active caregivers: only for its own admin, who assigns them. */
  caregivers?: Actor[];
}

export interface CarePlanLineView {
  id: string;
  service: string;
  provider: { id: string; name: string };
  weekdays: number[];
  times: string[];
  minutes: number;
  startsOn: string;
  endsOn: string | null;
}

/** A plan line as the console sends it: the domain's line without its id; the api checks the service code. */
export type CarePlanLineInput = Omit<CarePlanLine, 'id' | 'service'> & { service: string };

export interface ServiceMonthView {
  service: string;
  unit: 'visit' | 'meal' | 'hour';
  owed: number;
  planned: number;
  delivered: number;
  missed: number;
  remaining: number;
}

export interface CarePlanView {
  elder: { id: string; name: string; categories: string[] };
  lines: CarePlanLineView[];
  month: string;
  account: ServiceMonthView[];
  subsidy: { ageAllowance: number; careSubsidy: number; careLevel: string | null; total: number };
}

export interface EntitlementExcessView {
  month: string;
  service: string;
  planned: number;
  owed: number;
}

export interface EntitlementRuleView {
  category: string;
  service: string;
  perMonth: number;
}

export interface VisitPositionView {
  lat: number;
  lon: number;
  accuracyM: number | null;
  distanceM: number | null;
}

/**
 * A visit's exceptions (checked in outside the window around its start, shorter than its service's minimum, far from
 * the home). Recorded, never blocking; the provider approves the visit or rejects it as not delivered.
 */
export interface VisitExceptionsView {
  reasons: VisitExceptionReason[];
  state: VisitExceptionState;
  resolvedBy: Actor | null;
  resolvedAt: Timestamp | null;
  note: string | null;
}

export interface ResolveVisitExceptionsInput {
  resolution: VisitExceptionResolution;
  note: string;
}

export interface WorkOrderView {
  id: string;
  seq: string;
  service: string;
  status: WorkOrderStatus;
  startsAt: Timestamp;
  minutes: number;
  quantity: number;
  elder: { id: string; name: string; address: string; phone: string; home: { lat: number; lon: number } | null };
  place: { community: string; street: string };
  provider: { id: string; name: string };
  caregiver: Actor | null;
  fromPlan: boolean;
  sourceAlertId: string | null;
  assignedAt: Timestamp | null;
  acceptedAt: Timestamp | null;
  checkedInAt: Timestamp | null;
  checkIn: VisitPositionView | null;
  checkedOutAt: Timestamp | null;
  checkOut: VisitPositionView | null;
  /** What about the visit broke the rules, and what the provider decided. */
  exceptions: VisitExceptionsView;
  /** Checked out, and within the rules or approved: what the elder's account and the bureau count. */
  delivered: boolean;
  note: string;
  confirmedBy: 'elder' | 'family' | null;
  missedAt: Timestamp | null;
  cancelledAt: Timestamp | null;
  cancelReason: string | null;
  rating: { stars: number; comment: string } | null;
}

export interface OneOffWorkOrderInput {
  elderId: string;
  providerId: string;
  service: string;
  startsAt: Timestamp;
  minutes?: number;
  sourceAlertId?: string;
}

export interface PositionInput {
  lat: number;
  lon: number;
  accuracyM?: number;
}

/** A check-in; a booking's visit also needs the code the elder holds. */
export interface CheckInInput extends PositionInput {
  visitCode?: string;
}

export interface CheckOutInput extends PositionInput {
  note: string;
  confirmedBy: 'elder' | 'family' | null;
}

export interface FamilyElderView {
  elder: { id: string; name: string; age: number; categories: string[] };
  devices: { id: string; type: string; online: boolean; battery: number | null; lastSeenAt: Timestamp | null }[];
  openAlerts: { id: string; rule: string; severity: string; status: string; raisedAt: Timestamp }[];
  pastAlerts: { id: string; rule: string; outcome: string | null; raisedAt: Timestamp; resolvedAt: Timestamp | null }[];
  /** The service record: visits done, missed or to come, newest first. */
  visits: WorkOrderView[];
}

export interface ReportTable {
  /** Stable name: `alerts`, `response`, `false-alarms`, `services`, `visits`, `ratings`, `coverage`, `time-bank`,
   * `risk-visits`, `adaptation`. */
  name: string;
  columns: string[];
  rows: (string | number | null)[][];
}

/** A month in the report archive; its workbook is at `/api/reports/archive/:month`. */
export interface ArchivedReportView {
  month: string;
  madeAt: Timestamp;
  bytes: number;
}

export interface MonthlyReport {
  month: string;
  region: { id: string; name: string } | null;
  tables: ReportTable[];
}
