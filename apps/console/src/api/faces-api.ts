import type { HttpClient } from './http-client';

/** Whether the elder's face is enrolled for the canteen, and since when; the api never gives the descriptor out. */
export interface FaceStatus {
  enrolled: boolean;
  enrolledAt: string | null;
}

const facePath = (elderId: string) => `/api/elders/${encodeURIComponent(elderId)}/face`;

export function faceStatus(http: HttpClient, elderId: string): Promise<FaceStatus> {
  return http.get<FaceStatus>(facePath(elderId));
}

/** Enrols (or replaces) the elder's face from a base64 JPEG; the api keeps its descriptor, not the photo. */
export function enrolFace(http: HttpClient, elderId: string, photo: string): Promise<void> {
  return http.put<void>(facePath(elderId), { photo });
}

/** Consent withdrawn: the api deletes the descriptor (404 `face-not-enrolled` when there is none). */
export function withdrawFace(http: HttpClient, elderId: string): Promise<void> {
  return http.delete<void>(facePath(elderId));
}
