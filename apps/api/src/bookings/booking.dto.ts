import { OFFER_CAPACITY_KINDS, SERVICE_CODES } from '@eldercare/domain';
import { z } from 'zod';
import { multiLine } from '../http/text-field';
import { zodDto } from '../http/zod-dto';

const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

export class OfferRequest extends zodDto(
  z.strictObject({
    service: z.enum(SERVICE_CODES as [string, ...string[]]),
    minutes: z.number().int().min(30).max(720),
    priceCents: z.number().int().min(0).max(10_000_000),
    capacity: z.enum(OFFER_CAPACITY_KINDS),
    places: z.number().int().min(1).max(500).nullable().default(null),
    weekdays: z.array(z.number().int()).min(1).max(7),
    opens: z.string(),
    closes: z.string(),
    cancelCutoffMinutes: z
      .number()
      .int()
      .min(0)
      .max(7 * 24 * 60),
    lateCancelShare: z.number().min(0).max(1),
  }),
) {}

export class OfferSearchQuery extends zodDto(
  z.strictObject({
    service: z.enum(SERVICE_CODES as [string, ...string[]]).optional(),
    providerId: z.uuid().optional(),
  }),
) {}

export class SlotsQuery extends zodDto(z.strictObject({ date: localDate })) {}

export class BookingRequest extends zodDto(
  z.strictObject({ offerId: z.uuid(), elderId: z.uuid(), startsAt: z.iso.datetime({ offset: true }) }),
) {}

export class BookingSearchQuery extends zodDto(
  z.strictObject({
    elderId: z.uuid().optional(),
    providerId: z.uuid().optional(),
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(500),
  }),
) {}

export class BookingCancelRequest extends zodDto(z.strictObject({ reason: multiLine(500).min(1) })) {}

export class DisputeRequest extends zodDto(z.strictObject({ text: multiLine(4000).min(1) })) {}
