import type { CareNeedLevel } from '@eldercare/domain';
import type { DeviceType } from '@eldercare/protocol';
import type { Timestamp } from './alert-view';
import type { CarePlanLineView } from './home-care';

export type { CareNeedLevel };

/**
 * Care beds at home (家庭养老床位): an elder who needs residential-level care at home, with an assessment, a home
 * adaptation case, devices (a bed-sensor mat among them) and a monthly service package. The package is the elder's
 * care plan: its lines are added with the care-plan routes and become work orders as every care plan's do.
 *
 * GET  /api/elders/:id/care-bed                 → CareBedView | 404 `care-bed-not-found` (audited)
 * POST /api/elders/:id/care-bed CareBedInput    → CareBedView (201; supervisors, admins); 409 `care-bed-exists`,
 *      409 `care-bed-needs-mat` when the elder has no bed-sensor mat, 404 `adaptation-case-not-found` when the case
 *      is not the elder's
 */
export interface CareBedInput {
  careLevel: CareNeedLevel;
  /** YYYY-MM-DD, not after today. */
  assessedOn: string;
  adaptationCaseId: string | null;
  /** YYYY-MM-DD, not before the assessment. */
  startsOn: string;
}

export interface CareBedView {
  elderId: string;
  careLevel: CareNeedLevel;
  assessedOn: string;
  startsOn: string;
  /** The case that fits the home, at its stage; null while none is open. */
  adaptationCase: { id: string; stage: string } | null;
  devices: { id: string; type: DeviceType }[];
  /** The monthly service package: the elder's care plan lines. */
  servicePackage: CarePlanLineView[];
  openedAt: Timestamp;
}
