import type { CarePlanLineInput, CarePlanView } from '@eldercare/contracts';
import type { HttpClient } from './http-client';

const planPath = (elderId: string) => `/api/elders/${encodeURIComponent(elderId)}/care-plan`;

/** The plan's lines, `month`'s account (`YYYY-MM`) and the subsidies. */
export function fetchCarePlan(http: HttpClient, elderId: string, month: string): Promise<CarePlanView> {
  return http.get<CarePlanView>(`${planPath(elderId)}?month=${encodeURIComponent(month)}`);
}

/** Refused with 422 `care-plan-over-entitlement` and `details.excesses` when the plan asks for more than is owed. */
export function addCarePlanLine(http: HttpClient, elderId: string, line: CarePlanLineInput): Promise<CarePlanView> {
  return http.post<CarePlanView>(`${planPath(elderId)}/lines`, line);
}

/** The line's last day; orders after it are cancelled. */
export function endCarePlanLine(
  http: HttpClient,
  elderId: string,
  lineId: string,
  endsOn: string,
): Promise<CarePlanView> {
  return http.post<CarePlanView>(`${planPath(elderId)}/lines/${encodeURIComponent(lineId)}/end`, { endsOn });
}
