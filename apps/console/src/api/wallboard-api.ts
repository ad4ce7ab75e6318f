import type { WallboardView } from '@eldercare/contracts';
import type { HttpClient } from './http-client';

export function fetchWallboard(http: HttpClient): Promise<WallboardView> {
  return http.get<WallboardView>('/api/wallboard');
}
