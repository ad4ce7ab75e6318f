import { ageOn } from '../elders/elder-age';
import { DomainError } from '../errors/domain-error';

/** What staff know of a volunteer when asked to approve them. */
export interface VolunteerForApproval {
  birthDate: string;
  idCheckedAt: number | null;
  trainedOn: string | null;
  approvedAt: number | null;
}

/** The age from which a person may volunteer. */
export const VOLUNTEER_MIN_AGE = 18;

/**
 * A volunteer is approved once: an adult whose ID community staff checked in person and who has been trained.
 * Refuses with `volunteer-not-approvable` (409) saying what is missing.
 */
export function requireApprovable(volunteer: VolunteerForApproval, at: number): void {
  const missing = [
    volunteer.approvedAt !== null && 'is approved already',
    ageOn(volunteer.birthDate, at) < VOLUNTEER_MIN_AGE && `is under ${VOLUNTEER_MIN_AGE}`,
    volunteer.idCheckedAt === null && 'has no ID check by community staff',
    volunteer.trainedOn === null && 'has no training date',
  ].filter((problem): problem is string => typeof problem === 'string');
  if (missing.length > 0) throw new DomainError('volunteer-not-approvable', `the volunteer ${missing.join(', ')}`);
}
