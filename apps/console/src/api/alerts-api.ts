import type { AlertCase, AlertView, CallLogEntry, DispatchEntry, DispatchKind } from '@eldercare/contracts';
import type { AlertOutcome } from '@eldercare/domain';
import type { HttpClient } from './http-client';

const alertPath = (alertId: string, action = '') => `/api/alerts/${encodeURIComponent(alertId)}${action}`;

/** The open alerts in the user's scope, before the socket's snapshot arrives. */
export function fetchOpenAlerts(http: HttpClient): Promise<AlertView[]> {
  return http.get<AlertView[]>('/api/alerts/open');
}

/** Everything about one alert; a 404 `alert-not-found` also when it is outside the user's scope. */
export function fetchAlertCase(http: HttpClient, alertId: string): Promise<AlertCase> {
  return http.get<AlertCase>(alertPath(alertId));
}

/** Tells the server this console has put the alert on screen (it keeps the first time). */
export function markAlertShown(http: HttpClient, alertId: string): Promise<void> {
  return http.post<void>(alertPath(alertId, '/shown'));
}

/** Rejects with `alert-already-acknowledged` (409) when someone else has it. */
export function claimAlert(http: HttpClient, alertId: string): Promise<AlertView> {
  return http.post<AlertView>(alertPath(alertId, '/claim'));
}

export interface ResolveRequest {
  outcome: AlertOutcome;
  reason?: string;
}

export function resolveAlert(http: HttpClient, alertId: string, request: ResolveRequest): Promise<AlertView> {
  return http.post<AlertView>(alertPath(alertId, '/resolve'), request);
}

export interface CallRequest {
  /** Index into the elder's contacts; null for the elder. */
  contactIndex: number | null;
  answered: boolean;
  note: string;
}

export function logCall(http: HttpClient, alertId: string, request: CallRequest): Promise<CallLogEntry> {
  return http.post<CallLogEntry>(alertPath(alertId, '/calls'), request);
}

export interface DispatchRequest {
  kind: DispatchKind;
  to: string;
  note: string;
}

export function dispatchHelp(http: HttpClient, alertId: string, request: DispatchRequest): Promise<DispatchEntry> {
  return http.post<DispatchEntry>(alertPath(alertId, '/dispatches'), request);
}
