import type { FamilyElderView } from '@eldercare/contracts';
import type { HttpClient } from './http-client';

/** One of the family's elders: devices, alerts and the service record. */
export function fetchFamilyElder(http: HttpClient, elderId: string): Promise<FamilyElderView> {
  return http.get<FamilyElderView>(`/api/family/elders/${encodeURIComponent(elderId)}`);
}

/** A complaint reaches the provider and the bureau. */
export function fileComplaint(
  http: HttpClient,
  complaint: { elderId: string; workOrderId?: string; text: string },
): Promise<{ id: string }> {
  return http.post<{ id: string }>('/api/complaints', complaint);
}
