import { DISPATCH_KINDS } from '@eldercare/contracts';
import { ALERT_OUTCOMES, OPERATOR_OUTCOMES, RULE_CODES } from '@eldercare/domain';
import { z } from 'zod';
import { multiLine, singleLine } from '../http/text-field';
import { zodDto } from '../http/zod-dto';

const note = multiLine(2000);
const outcomes = Object.keys(ALERT_OUTCOMES) as [keyof typeof ALERT_OUTCOMES, ...(keyof typeof ALERT_OUTCOMES)[]];

export class LogCallRequest extends zodDto(
  z.strictObject({
    /** Which emergency contact, by position; null for the elder. */
    contactIndex: z.number().int().min(0).max(20).nullable(),
    answered: z.boolean(),
    note: note.default(''),
  }),
) {}

export class DispatchRequest extends zodDto(
  z.strictObject({
    kind: z.enum(DISPATCH_KINDS),
    to: singleLine(200).min(1),
    note: note.default(''),
  }),
) {}

export class ResolveRequest extends zodDto(
  z.strictObject({
    outcome: z.enum(OPERATOR_OUTCOMES),
    reason: note.optional(),
  }),
) {}

export class AlertSearchQuery extends zodDto(
  z.strictObject({
    rule: z.enum(RULE_CODES as [string, ...string[]]).optional(),
    status: z.enum(['raised', 'acknowledged', 'resolved', 'cancelled-by-elder']).optional(),
    outcome: z.enum(outcomes).optional(),
    regionId: z.uuid().optional(),
    elderId: z.uuid().optional(),
    elder: z.string().trim().min(1).max(50).optional(),
    from: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
    to: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
    /** The cursor of the page before: `nextBefore` of the previous answer. */
    before: z
      .string()
      .regex(
        /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z\|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
        'must be the nextBefore of a previous page',
      )
      .optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  }),
) {}
