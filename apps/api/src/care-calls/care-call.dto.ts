import { CARE_CALL_OUTCOMES } from '@eldercare/domain';
import { z } from 'zod';
import { multiLine } from '../http/text-field';
import { zodDto } from '../http/zod-dto';

export class CareCallRequest extends zodDto(
  z.strictObject({
    elderId: z.uuid(),
    outcome: z.enum(CARE_CALL_OUTCOMES),
    note: multiLine(2000).default(''),
  }),
) {}

export class CareCallDayQuery extends zodDto(
  z.strictObject({
    /** A local (Asia/Shanghai) day; today when left out. */
    date: z.iso.date().optional(),
  }),
) {}
