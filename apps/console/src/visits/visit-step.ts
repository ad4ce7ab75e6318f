import type { WorkOrderStatus, WorkOrderView } from '@eldercare/contracts';

/** The one thing a caregiver does next with a visit, or nothing once it is done, missed or cancelled. */
export type VisitStep = 'accept' | 'check-in' | 'check-out';

const NEXT: Partial<Record<WorkOrderStatus, VisitStep>> = {
  assigned: 'accept',
  accepted: 'check-in',
  'checked-in': 'check-out',
};

export function nextStep(status: WorkOrderStatus): VisitStep | null {
  return NEXT[status] ?? null;
}

/** Amap's marker page for the home (opens the app on a phone); null when the home has no position. */
export function mapLink(home: WorkOrderView['elder']['home']): string | null {
  return home ? `https://uri.amap.com/marker?position=${home.lon},${home.lat}` : null;
}

/** A `tel:` link with only what a dialler takes; null when there is no number (or it is masked). */
export function telLink(phone: string): string | null {
  const digits = phone.replace(/[^\d+]/g, '');
  return digits.length >= 3 && !phone.includes('*') ? `tel:${digits}` : null;
}

/** Metres as a glance reads them: 85 m, 1.2 km. */
export function formatDistance(metres: number): string {
  return metres < 1000 ? `${Math.round(metres)} m` : `${(metres / 1000).toFixed(1)} km`;
}
