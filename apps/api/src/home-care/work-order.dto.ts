import {
  SERVICE_CODES,
  VISIT_EXCEPTION_RESOLUTIONS,
  VISIT_EXCEPTION_STATES,
  WORK_ORDER_STATUSES,
  type VisitExceptionState,
} from '@eldercare/domain';
import { z } from 'zod';
import { multiLine } from '../http/text-field';
import { zodDto } from '../http/zod-dto';

const position = {
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
  accuracyM: z.number().min(0).max(100_000).optional(),
};

export class WorkOrderSearchQuery extends zodDto(
  z.strictObject({
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
    status: z.enum(WORK_ORDER_STATUSES).optional(),
    providerId: z.uuid().optional(),
    caregiverId: z.uuid().optional(),
    elderId: z.uuid().optional(),
    exceptions: z.enum(VISIT_EXCEPTION_STATES as [VisitExceptionState, ...VisitExceptionState[]]).optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(500),
  }),
) {}

export class OneOffWorkOrderRequest extends zodDto(
  z.strictObject({
    elderId: z.uuid(),
    providerId: z.uuid(),
    service: z.enum(SERVICE_CODES as [string, ...string[]]),
    startsAt: z.iso.datetime({ offset: true }),
    minutes: z.number().int().min(5).max(720).optional(),
    sourceAlertId: z.uuid().optional(),
  }),
) {}

export class AssignRequest extends zodDto(z.strictObject({ caregiverId: z.uuid() })) {}

export class CheckInRequest extends zodDto(
  z.strictObject({ ...position, visitCode: z.string().trim().max(20).optional() }),
) {}

export class CheckOutRequest extends zodDto(
  z.strictObject({
    ...position,
    note: multiLine(2000).default(''),
    confirmedBy: z.enum(['elder', 'family']).nullable().default(null),
  }),
) {}

export class CancelRequest extends zodDto(z.strictObject({ reason: multiLine(500).min(1) })) {}

export class ResolveExceptionsRequest extends zodDto(
  z.strictObject({ resolution: z.enum(VISIT_EXCEPTION_RESOLUTIONS), note: multiLine(2000).min(1) }),
) {}

export class RatingRequest extends zodDto(
  z.strictObject({ stars: z.number().int().min(1).max(5), comment: multiLine(2000).default('') }),
) {}

export class ComplaintRequest extends zodDto(
  z.strictObject({ elderId: z.uuid(), workOrderId: z.uuid().optional(), text: multiLine(4000).min(1) }),
) {}
