import { COUNTER_IDENTIFICATIONS, MEAL_PERIODS } from '@eldercare/domain';
import { z } from 'zod';
import { multiLine, singleLine } from '../http/text-field';
import { zodDto } from '../http/zod-dto';

const localDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const reason = multiLine(500);

export class CanteenRequest extends zodDto(
  z.strictObject({
    name: singleLine(200).min(1),
    providerId: z.uuid(),
    communityId: z.uuid(),
    address: singleLine(200).min(1),
    position: z.strictObject({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) }),
    priceCents: z.number().int().min(0).max(100_000),
    periods: z
      .array(z.strictObject({ period: z.enum(MEAL_PERIODS), opens: z.string(), closes: z.string() }))
      .min(1)
      .max(3),
  }),
) {}

export class MealSubsidyRequest extends zodDto(
  z.strictObject({
    category: singleLine(50).min(1),
    subsidyCents: z.number().int().min(0).max(100_000),
    effectiveFrom: localDate,
  }),
) {}

export class DinerLookupRequest extends zodDto(
  z.strictObject({ by: z.enum(['qr', 'id-card']), value: singleLine(64).min(1), reason }),
) {}

export class MealRequest extends zodDto(
  z.strictObject({
    elderId: z.uuid(),
    terminal: singleLine(64).min(1),
    identifiedBy: z.enum(COUNTER_IDENTIFICATIONS),
    reason: reason.optional(),
    matchScore: z.number().min(0).max(1).optional(),
    liveness: singleLine(32).optional(),
    fullPrice: z.boolean().default(false),
  }),
) {}

export class MealsQuery extends zodDto(z.strictObject({ date: localDate })) {}

/** A face descriptor from the model on the terminal or the enrolment desk: 128 numbers, never the photo. */
export class FaceRequest extends zodDto(z.strictObject({ embedding: z.array(z.number()).length(128) })) {}

export class MealOrderRequest extends zodDto(
  z.strictObject({
    elderId: z.uuid(),
    canteenId: z.uuid(),
    date: localDate,
    period: z.enum(MEAL_PERIODS),
    delivery: z.boolean(),
    fullPrice: z.boolean().default(false),
  }),
) {}

export class MealOrdersQuery extends zodDto(z.strictObject({ elderId: z.uuid() })) {}
