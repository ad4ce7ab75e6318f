import type { DeviceType } from '@eldercare/protocol';
import { DomainError } from '../errors/domain-error';

/**
 * Care needs by the national ability assessment of older people (老年人能力评估): mild, moderate, severe or total
 * loss of ability. STORED OUTSIDE THE CODE (care_beds.care_level): never rename.
 */
export const CARE_NEED_LEVELS = ['mild', 'moderate', 'severe', 'total'] as const;

/** One of `CARE_NEED_LEVELS`. */
export type CareNeedLevel = (typeof CARE_NEED_LEVELS)[number];

/**
 * What opening a care bed at home (家庭养老床位) records: the assessment that found the elder needs care, the home
 * adaptation case that fits the home (none yet while one is applied for), and the day the bed starts. Its devices
 * are the elder's registered devices, and its monthly service package is the elder's care plan.
 */
export interface CareBedOpening {
  careLevel: CareNeedLevel;
  /** Local date of the assessment, YYYY-MM-DD. */
  assessedOn: string;
  adaptationCaseId: string | null;
  /** Local date the bed starts, YYYY-MM-DD. */
  startsOn: string;
}

/** What the elder's record says, for `checkCareBedOpening`. */
export interface CareBedFacts {
  /** Local date today, YYYY-MM-DD. */
  today: string;
  /** True when the elder already has a care bed. */
  alreadyOpen: boolean;
  /** The types of the elder's active devices. */
  deviceTypes: readonly DeviceType[];
  /** True when the given adaptation case is the elder's (irrelevant when none is given). */
  adaptationCaseIsTheElders: boolean;
}

/**
 * Checks that an elder's care bed may be opened: one care bed per elder, an assessment already made, a bed-sensor
 * mat among the elder's devices (the bed's watch at night), and the adaptation case, if given, the elder's own.
 * Throws `DomainError` `care-bed-exists`, `invalid-request`, `care-bed-needs-mat` or `adaptation-case-not-found`.
 */
export function checkCareBedOpening(opening: CareBedOpening, facts: CareBedFacts): void {
  if (facts.alreadyOpen) throw new DomainError('care-bed-exists', 'this elder already has a care bed');
  if (opening.assessedOn > facts.today)
    throw new DomainError('invalid-request', 'assessedOn: an assessment is recorded once it was made, not ahead');
  if (opening.startsOn < opening.assessedOn)
    throw new DomainError('invalid-request', 'startsOn: a care bed starts on or after its assessment');
  if (!facts.deviceTypes.includes('bed_mat'))
    throw new DomainError('care-bed-needs-mat', 'register a bed-sensor mat for the elder before opening a care bed');
  if (opening.adaptationCaseId !== null && !facts.adaptationCaseIsTheElders)
    throw new DomainError('adaptation-case-not-found', "the adaptation case is not this elder's");
}
