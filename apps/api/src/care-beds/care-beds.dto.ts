import { CARE_NEED_LEVELS } from '@eldercare/domain';
import { z } from 'zod';
import { zodDto } from '../http/zod-dto';

export class CareBedBody extends zodDto(
  z.strictObject({
    careLevel: z.enum(CARE_NEED_LEVELS),
    assessedOn: z.iso.date(),
    adaptationCaseId: z.uuid().nullable(),
    startsOn: z.iso.date(),
  }),
) {}
