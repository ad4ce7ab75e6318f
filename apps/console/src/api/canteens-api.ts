import type {
  CanteenView,
  DinerLookupInput,
  DinerView,
  FaceCheckInput,
  MealInput,
  MealView,
} from '@eldercare/contracts';
import type { HttpClient } from './http-client';

const canteenPath = (canteenId: string, rest: string) => `/api/canteens/${encodeURIComponent(canteenId)}/${rest}`;

/** The canteens the user works at (a cashier: their provider's), or all. */
export function listCanteens(http: HttpClient): Promise<CanteenView[]> {
  return http.get<CanteenView[]>('/api/canteens');
}

/** The elder by QR card or ID number, with why the face check was not used. */
export function findDiner(http: HttpClient, canteenId: string, lookup: DinerLookupInput): Promise<DinerView> {
  return http.post<DinerView>(canteenPath(canteenId, 'diner'), lookup);
}

/** The elder by the camera's frames: the api matches the face, checks it moved, and records the check. */
export function checkFace(http: HttpClient, canteenId: string, check: FaceCheckInput): Promise<DinerView> {
  return http.post<DinerView>(canteenPath(canteenId, 'face'), check);
}

/** 409 `meal-already-subsidised` for a second subsidised meal in the period, unless `fullPrice` is confirmed. */
export function serveMeal(http: HttpClient, canteenId: string, meal: MealInput): Promise<MealView> {
  return http.post<MealView>(canteenPath(canteenId, 'meals'), meal);
}

export function mealsOfDay(http: HttpClient, canteenId: string, date: string): Promise<MealView[]> {
  return http.get<MealView[]>(canteenPath(canteenId, `meals?date=${encodeURIComponent(date)}`));
}
