import { z } from 'zod';
import { zodDto } from '../http/zod-dto';

/** The overrides as JSON; which keys and values are allowed is the domain's to say (mergeRuleSettings). */
export class RuleSettingsRequest extends zodDto(
  z
    .record(z.string().max(40), z.unknown())
    .refine((value) => JSON.stringify(value).length <= 8_000, 'must be at most 8,000 characters of JSON'),
) {}

export class AbsenceRequest extends zodDto(
  z
    .strictObject({
      reason: z.enum(['away', 'hospital']),
      startsAt: z.iso.datetime({ offset: true }),
      endsAt: z.iso.datetime({ offset: true }),
    })
    .refine((absence) => Date.parse(absence.endsAt) > Date.parse(absence.startsAt), {
      path: ['endsAt'],
      message: 'must be after startsAt',
    }),
) {}
