import type {
  AdaptationBudgetView,
  AdaptationCaseView,
  AdaptationPhotoView,
  AdaptationStage,
  AdaptationStep,
} from '@eldercare/contracts';
import type { HttpClient } from './http-client';

const casePath = (id: string) => `/api/adaptation-cases/${encodeURIComponent(id)}`;

export function searchAdaptationCases(http: HttpClient, stage?: AdaptationStage): Promise<AdaptationCaseView[]> {
  return http.get<AdaptationCaseView[]>(`/api/adaptation-cases${stage ? `?stage=${stage}` : ''}`);
}

/** The supervisor's list: cases whose pending step is past its deadline, the longest waiting first. */
export function fetchLateAdaptationCases(http: HttpClient): Promise<AdaptationCaseView[]> {
  return http.get<AdaptationCaseView[]>('/api/adaptation-cases/late');
}

export function fetchAdaptationCase(http: HttpClient, id: string): Promise<AdaptationCaseView> {
  return http.get<AdaptationCaseView>(casePath(id));
}

export function openAdaptationCase(
  http: HttpClient,
  input: { elderId: string; subsidised: boolean; needs: string },
): Promise<AdaptationCaseView> {
  return http.post<AdaptationCaseView>('/api/adaptation-cases', input);
}

export function takeAdaptationStep(
  http: HttpClient,
  id: string,
  step: AdaptationStep,
  body: { note: string; needs?: string; plan?: { item: string; quantity: number }[]; contractorId?: string },
): Promise<AdaptationCaseView> {
  return http.post<AdaptationCaseView>(`${casePath(id)}/steps/${step}`, body);
}

export function uploadAdaptationPhoto(
  http: HttpClient,
  id: string,
  kind: 'assessment' | 'before' | 'after',
  file: File,
): Promise<AdaptationPhotoView> {
  return http.postText<AdaptationPhotoView>(`${casePath(id)}/photos?kind=${kind}`, file, file.type);
}

export function adaptationPhotoUrl(id: string, photoId: string): string {
  return `${casePath(id)}/photos/${encodeURIComponent(photoId)}`;
}

/** The bureau's household caps per elder category, in yuan. */
export function fetchAdaptationCaps(http: HttpClient): Promise<Record<string, number>> {
  return http.get<Record<string, number>>('/api/adaptation/caps');
}

/** Replaces the whole table of caps: a category left out has no subsidy. */
export function setAdaptationCaps(http: HttpClient, caps: Record<string, number>): Promise<Record<string, number>> {
  return http.put<Record<string, number>>('/api/adaptation/caps', caps);
}

export function fetchAdaptationBudget(http: HttpClient, year: number): Promise<AdaptationBudgetView> {
  return http.get<AdaptationBudgetView>(`/api/adaptation/budgets/${year}`);
}

export function setAdaptationBudget(http: HttpClient, year: number, budgetYuan: number): Promise<void> {
  return http.put<void>(`/api/adaptation/budgets/${year}`, { budgetYuan });
}
