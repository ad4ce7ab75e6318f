import type { AlertView } from '@contracts/console';
import type { HttpClient } from './http-client';

/** One page of past alerts, newest first; `nextBefore` asks for the page after it. Not in `libs/contracts` yet. */
export interface AlertPage {
  alerts: AlertView[];
  nextBefore: string | null;
}

/** A node of the three-level network (区 > 镇/街道 > 村/社区). Not in `libs/contracts` yet. */
export interface RegionView {
  id: string;
  name: string;
  level: 'district' | 'street' | 'community';
  parentId: string | null;
}

/** `query` is a ready query string (see `historyQuery`). */
export function searchAlerts(http: HttpClient, query: string): Promise<AlertPage> {
  return http.get<AlertPage>(`/api/alerts?${query}`);
}

export function fetchRegions(http: HttpClient): Promise<RegionView[]> {
  return http.get<RegionView[]>('/api/regions');
}
