import type { ProviderView } from '@eldercare/contracts';
import type { HttpClient } from './http-client';

/** The care providers (服务商) and their caregivers; for `care-plans.read`. */
export function fetchProviders(http: HttpClient): Promise<ProviderView[]> {
  return http.get<ProviderView[]>('/api/providers');
}
