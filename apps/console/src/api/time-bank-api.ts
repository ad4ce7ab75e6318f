import type {
  PositionInput,
  TimeCoinMovementView,
  VolunteerInput,
  VolunteerRequestInput,
  VolunteerRequestStatus,
  VolunteerRequestView,
  VolunteerView,
} from '@eldercare/contracts';
import type { HttpClient } from './http-client';

const requestPath = (id: string, action: string) => `/api/time-bank/requests/${encodeURIComponent(id)}/${action}`;
const volunteerPath = (id: string, action: string) => `/api/time-bank/volunteers/${encodeURIComponent(id)}/${action}`;

export function fetchVolunteers(http: HttpClient): Promise<VolunteerView[]> {
  return http.get<VolunteerView[]>('/api/time-bank/volunteers');
}

export function registerVolunteer(http: HttpClient, input: VolunteerInput): Promise<VolunteerView> {
  return http.post<VolunteerView>('/api/time-bank/volunteers', input);
}

export function recordIdCheck(http: HttpClient, id: string, trainedOn?: string): Promise<VolunteerView> {
  return http.post<VolunteerView>(volunteerPath(id, 'id-check'), trainedOn ? { trainedOn } : {});
}

export function approveVolunteer(
  http: HttpClient,
  id: string,
  signIn: { username: string; password: string },
): Promise<VolunteerView> {
  return http.post<VolunteerView>(volunteerPath(id, 'approve'), signIn);
}

export function fetchOwnVolunteer(http: HttpClient): Promise<VolunteerView> {
  return http.get<VolunteerView>('/api/time-bank/me');
}

export function fetchOwnMovements(http: HttpClient): Promise<TimeCoinMovementView[]> {
  return http.get<TimeCoinMovementView[]>('/api/time-bank/me/movements');
}

export function searchVolunteerRequests(
  http: HttpClient,
  search: { status?: VolunteerRequestStatus; elderId?: string } = {},
): Promise<VolunteerRequestView[]> {
  const query = new URLSearchParams();
  if (search.status) query.set('status', search.status);
  if (search.elderId) query.set('elderId', search.elderId);
  return http.get<VolunteerRequestView[]>(`/api/time-bank/requests?${query.toString()}`);
}

export function askVolunteer(http: HttpClient, input: VolunteerRequestInput): Promise<VolunteerRequestView> {
  return http.post<VolunteerRequestView>('/api/time-bank/requests', input);
}

export function takeRequest(http: HttpClient, id: string): Promise<VolunteerRequestView> {
  return http.post<VolunteerRequestView>(requestPath(id, 'take'));
}

export function checkInRequest(http: HttpClient, id: string, position: PositionInput): Promise<VolunteerRequestView> {
  return http.post<VolunteerRequestView>(requestPath(id, 'check-in'), position);
}

export function checkOutRequest(
  http: HttpClient,
  id: string,
  visit: PositionInput & { note: string },
): Promise<VolunteerRequestView> {
  return http.post<VolunteerRequestView>(requestPath(id, 'check-out'), visit);
}

export function confirmRequest(http: HttpClient, id: string): Promise<VolunteerRequestView> {
  return http.post<VolunteerRequestView>(requestPath(id, 'confirm'));
}

export function disputeRequest(http: HttpClient, id: string, reason: string): Promise<VolunteerRequestView> {
  return http.post<VolunteerRequestView>(requestPath(id, 'dispute'), { reason });
}

export function resolveDispute(
  http: HttpClient,
  id: string,
  decision: { decision: 'uphold' | 'reject'; minutes?: number; note: string },
): Promise<VolunteerRequestView> {
  return http.post<VolunteerRequestView>(requestPath(id, 'resolve'), decision);
}
