import { ROLES } from '@eldercare/domain';
import { z } from 'zod';
import { zodDto } from '../http/zod-dto';
import { singleLine } from '../http/text-field';

/** As users_username_check; lower-cased first, as sign-in lower-cases what is typed. */
const USERNAME = /^[a-z0-9][a-z0-9_.-]{1,63}$/;

export class CreateUserRequest extends zodDto(
  z.strictObject({
    username: z
      .string()
      .trim()
      .toLowerCase()
      .regex(USERNAME, 'must be 2 to 64 characters of a-z 0-9 _ . -, starting with a letter or digit'),
    displayName: singleLine(50).min(1, 'is required'),
    /** Stored only as a scrypt hash. */
    password: z.string().min(10, 'must be at least 10 characters').max(256, 'must be at most 256 characters'),
    role: z.enum(ROLES),
    /** Operators and supervisors only: the regions (any level) they watch. */
    regionIds: z.array(z.uuid()).max(100).default([]),
    /** Family members only: their own elders. */
    elderIds: z.array(z.uuid()).max(100).default([]),
    /** Provider admins and caregivers only: the provider they work for. */
    providerId: z.uuid().nullable().default(null),
  }),
) {}
