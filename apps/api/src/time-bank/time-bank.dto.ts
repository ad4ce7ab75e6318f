import { COIN_GIFT_RELATIONS, VOLUNTEER_REQUEST_STATUSES, VOLUNTEER_SERVICES } from '@eldercare/domain';
import { z } from 'zod';
import { multiLine, singleLine } from '../http/text-field';
import { zodDto } from '../http/zod-dto';

const position = {
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
  accuracyM: z.number().min(0).max(100_000).optional(),
};
const day = z.iso.date();

export class VolunteerRegistration extends zodDto(
  z.strictObject({
    name: singleLine(50).pipe(z.string().min(1)),
    idNumber: z.string().trim().toUpperCase().length(18),
    phone: z
      .string()
      .trim()
      .regex(/^1\d{10}$/, 'must be an 11-digit mobile number'),
    communityId: z.uuid(),
    elderId: z.uuid().optional(),
    trainedOn: day.optional(),
  }),
) {}

export class IdCheckRequest extends zodDto(z.strictObject({ trainedOn: day.optional() })) {}

export class ApprovalRequest extends zodDto(
  z.strictObject({
    username: z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[a-z0-9][a-z0-9_.-]{1,63}$/),
    password: z.string().min(10).max(200),
  }),
) {}

export class VolunteerListQuery extends zodDto(
  z.strictObject({ limit: z.coerce.number().int().min(1).max(1000).default(500) }),
) {}

export class VolunteerRequestQuery extends zodDto(
  z.strictObject({
    status: z.enum(VOLUNTEER_REQUEST_STATUSES).optional(),
    elderId: z.uuid().optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(200),
  }),
) {}

export class NewVolunteerRequestBody extends zodDto(
  z.strictObject({
    elderId: z.uuid().optional(),
    service: z.enum(VOLUNTEER_SERVICES),
    startsAt: z.iso.datetime({ offset: true }),
    minutes: z.number().int().min(15).max(480),
    note: multiLine(1000).default(''),
    payer: z.enum(['city', 'elder']).default('city'),
  }),
) {}

export class VolunteerCheckInBody extends zodDto(z.strictObject(position)) {}

export class VolunteerCheckOutBody extends zodDto(z.strictObject({ ...position, note: multiLine(2000).default('') })) {}

export class DisputeBody extends zodDto(z.strictObject({ reason: multiLine(1000).pipe(z.string().min(1)) })) {}

export class ResolveDisputeBody extends zodDto(
  z.strictObject({
    decision: z.enum(['uphold', 'reject']),
    /** For `uphold`: the minutes staff approve, at most what was held; the served minutes when left out. */
    minutes: z.number().int().min(0).max(480).optional(),
    note: multiLine(1000).pipe(z.string().min(1)),
  }),
) {}

export class ReasonBody extends zodDto(z.strictObject({ reason: multiLine(500).pipe(z.string().min(1)) })) {}

export class GiftBody extends zodDto(
  z.strictObject({
    elderId: z.uuid(),
    relation: z.enum(COIN_GIFT_RELATIONS),
    minutes: z.number().int().min(1).max(100_000),
  }),
) {}
