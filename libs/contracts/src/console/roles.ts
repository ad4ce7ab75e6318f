import type { Role } from '@eldercare/domain';

export type { Role };

/** The signed-in user as the console knows them. */
export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  /** Operators and supervisors: the regions (any level) whose elders they watch. */
  regionIds: string[];
  /** Provider admins and caregivers: their organisation. */
  providerId: string | null;
  /** Families: their own elders. */
  elderIds: string[];
}
