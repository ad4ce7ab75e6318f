import type { HttpClient } from './http-client';

/** What the dispatch centre has set for its consoles. Not in `libs/contracts` yet: its shape is the api's word. */
export interface ConsoleSettings {
  /** An operator should have claimed a new alert by now. */
  answerTargetSec: number;
  /** Past this, the wait is a failure of the centre. */
  answerWorstSec: number;
  /** Leaflet tile template; empty when the centre has no tile server. */
  tileUrl: string;
  tileAttribution: string;
}

/** Used when the settings cannot be read: the targets of the brief, and a map without tiles. */
export const FALLBACK_SETTINGS: ConsoleSettings = {
  answerTargetSec: 60,
  answerWorstSec: 180,
  tileUrl: '',
  tileAttribution: '',
};

export function fetchConsoleSettings(http: HttpClient): Promise<ConsoleSettings> {
  return http.get<ConsoleSettings>('/api/console/settings');
}
