import type { WorkOrderView } from '@eldercare/contracts';

/** A family rates a visit once it is checked out, and only once. */
export function mayRate(visit: WorkOrderView): boolean {
  return visit.status === 'checked-out' && visit.rating === null;
}

/** ★★★☆☆ for 3 of 5. */
export function starsText(stars: number): string {
  const whole = Math.max(0, Math.min(5, Math.round(stars)));
  return '★'.repeat(whole) + '☆'.repeat(5 - whole);
}
