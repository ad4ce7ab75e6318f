import type {
  ElderPairInput,
  ElderPairView,
  OverdueVisitView,
  RiskVisitInput,
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
