import { COUNTER_IDENTIFICATIONS, FACE_CHECK_FRAMES, FACE_PHOTO_MAX_CHARS, MEAL_PERIODS } from '@eldercare/domain';
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
    faceCheckId: z.uuid().optional(),
    fullPrice: z.boolean().default(false),
  }),
) {}

export class MealsQuery extends zodDto(z.strictObject({ date: localDate })) {}

/**
 * The largest base64 JPEG a face check's frame may be (an enrolment photo's: FACE_PHOTO_MAX_CHARS). The api's JSON
 * bodies are at most 100 kB, so two frames of 45,000 characters fit (a 320×240 frame at the counter's quality is
 * 20,000–30,000).
 */
const MAX_FRAME_CHARS = 45_000;

/** At the enrolment desk: a JPEG photo the api describes with its model (not kept), or a descriptor (128 numbers). */
export class FaceRequest extends zodDto(
  z
    .strictObject({
      photo: z.base64().min(1).max(FACE_PHOTO_MAX_CHARS).optional(),
      embedding: z.array(z.number()).length(128).optional(),
    })
    .refine((body) => (body.photo === undefined) !== (body.embedding === undefined), 'send a photo or an embedding'),
) {}

/** The terminal camera's frames, a fraction of a second apart, as base64 JPEGs. */
export class FaceCheckRequest extends zodDto(
  z.strictObject({
    frames: z.array(z.base64().min(1).max(MAX_FRAME_CHARS)).min(FACE_CHECK_FRAMES.min).max(FACE_CHECK_FRAMES.max),
  }),
) {}
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
