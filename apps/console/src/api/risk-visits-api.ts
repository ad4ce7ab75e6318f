import type {
  ElderPairInput,
  ElderPairView,
  OverdueVisitView,
  RiskVisitInput,
  RiskLevel,
  RiskVisitView,
} from '@eldercare/contracts';
import type { HttpClient } from './http-client';

const elderPath = (elderId: string, rest: string) => `/api/elders/${encodeURIComponent(elderId)}/${rest}`;

export function fetchElderPair(http: HttpClient, elderId: string): Promise<ElderPairView> {
  return http.get<ElderPairView>(elderPath(elderId, 'pair'));
}

export function setElderPair(http: HttpClient, elderId: string, pair: ElderPairInput): Promise<ElderPairView> {
  return http.put<ElderPairView>(elderPath(elderId, 'pair'), pair);
}

export function recordRiskVisit(http: HttpClient, elderId: string, visit: RiskVisitInput): Promise<RiskVisitView> {
  return http.post<RiskVisitView>(elderPath(elderId, 'risk-visits'), visit);
}

export function fetchOverdueVisits(http: HttpClient): Promise<OverdueVisitView[]> {
  return http.get<OverdueVisitView[]>('/api/risk-visits/overdue');
}

/** How many days apart each risk level is visited, as the bureau set it. */
export function fetchVisitFrequencies(http: HttpClient): Promise<Record<RiskLevel, number>> {
  return http.get<Record<RiskLevel, number>>('/api/visit-frequencies');
}

export function setVisitFrequencies(
  http: HttpClient,
  everyDays: Record<RiskLevel, number>,
): Promise<Record<RiskLevel, number>> {
  return http.put<Record<RiskLevel, number>>('/api/visit-frequencies', everyDays);
}
