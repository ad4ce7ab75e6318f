import type { CareBedInput, CareBedView } from '@eldercare/contracts';
import type { HttpClient } from './http-client';

const careBedPath = (elderId: string) => `/api/elders/${encodeURIComponent(elderId)}/care-bed`;

export function fetchCareBed(http: HttpClient, elderId: string): Promise<CareBedView> {
  return http.get<CareBedView>(careBedPath(elderId));
}

export function openCareBed(http: HttpClient, elderId: string, opening: CareBedInput): Promise<CareBedView> {
  return http.post<CareBedView>(careBedPath(elderId), opening);
}
