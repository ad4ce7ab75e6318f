import type { CareCallOutcome } from '@eldercare/domain';
import type { Actor, Timestamp } from './alert-view';

export { CARE_CALL_OUTCOMES, type CareCallOutcome } from '@eldercare/domain';

/**
 * Care calls (主动呼出关怀电话): elders due a proactive call today by their categories and when they were last
 * reached, and the calls made.
 *
 * GET  /api/care-calls?date=YYYY-MM-DD   → CareCallDay (operators, supervisors; their scope)
 * POST /api/care-calls   CareCallInput  → CareCallRecord (201). An unanswered call to an elder living alone
 *      raises a `care-call-unanswered` check-on alert.
 */
export interface CareCallDue {
  elder: {
    id: string;
    name: string;
    age: number;
    categories: string[];
    phone: string;
    place: { community: string; street: string };
  };
  /** The category whose schedule makes the call due, e.g. `living_alone`. */
  because: string;
  /** Days between calls for that category. */
  everyDays: number;
  lastReached: Timestamp | null;
  /** The last call was not answered: try again today. */
  retry: boolean;
}

export interface CareCallRecord {
  id: string;
  at: Timestamp;
  by: Actor;
  elder: { id: string; name: string };
  outcome: CareCallOutcome;
  note: string;
  /** The check-on alert the call raised, if it did. */
  alertId: string | null;
}

export interface CareCallDay {
  date: string;
  due: CareCallDue[];
  made: CareCallRecord[];
}

export interface CareCallInput {
  elderId: string;
  outcome: CareCallOutcome;
  note: string;
}
