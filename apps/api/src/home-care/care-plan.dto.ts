import { ELDER_CATEGORIES, SERVICE_CODES } from '@eldercare/domain';
import { z } from 'zod';
import { zodDto } from '../http/zod-dto';

const service = z.enum(SERVICE_CODES as [string, ...string[]]);

export class CarePlanLineRequest extends zodDto(
  z.strictObject({
    service,
    providerId: z.uuid(),
    weekdays: z.array(z.number().int()).min(1).max(7),
    times: z.array(z.string()).min(1).max(12),
    minutes: z.number().int().optional(),
    startsOn: z.iso.date(),
    endsOn: z.iso.date().nullable(),
  }),
) {}

export class EndLineRequest extends zodDto(z.strictObject({ endsOn: z.iso.date() })) {}

export class CarePlanMonthQuery extends zodDto(
  z.strictObject({
    month: z
      .string()
      .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be YYYY-MM')
      .optional(),
  }),
) {}

export class EntitlementRulesRequest extends zodDto(
  z
    .array(
      z.strictObject({
        category: z.enum(Object.keys(ELDER_CATEGORIES) as [string, ...string[]]),
        service,
        perMonth: z.number().min(0).max(1000),
      }),
    )
    .max(500),
) {}
