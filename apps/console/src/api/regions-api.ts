import type { HttpClient } from './http-client';

/** A node of the three-level network (区 > 镇/街道 > 村/社区). Not in `libs/contracts` yet. */
export interface RegionView {
  id: string;
  name: string;
  level: 'district' | 'street' | 'community';
  parentId: string | null;
}

/** The regions the user watches and everything below them. */
export function fetchRegions(http: HttpClient): Promise<RegionView[]> {
  return http.get<RegionView[]>('/api/regions');
}
