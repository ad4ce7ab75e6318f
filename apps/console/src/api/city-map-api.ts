import type { OperationsMapView, ServiceMapView } from '@eldercare/contracts';
import type { HttpClient } from './http-client';

export function fetchOperationsMap(http: HttpClient): Promise<OperationsMapView> {
  return http.get<OperationsMapView>('/api/map');
}

export function fetchServiceMap(http: HttpClient, elderId: string): Promise<ServiceMapView> {
  return http.get<ServiceMapView>(`/api/family/elders/${encodeURIComponent(elderId)}/service-map`);
}
