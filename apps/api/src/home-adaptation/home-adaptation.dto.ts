import { ADAPTATION_SETTING_BOUNDS, ADAPTATION_STAGES, ADAPTATION_STEPS, ELDER_CATEGORIES } from '@eldercare/domain';
import { z } from 'zod';
import { multiLine } from '../http/text-field';
import { zodDto } from '../http/zod-dto';

export class NewAdaptationCaseBody extends zodDto(
  z.strictObject({ elderId: z.uuid(), subsidised: z.boolean(), needs: multiLine(2000).default('') }),
) {}

export class AdaptationCaseQuery extends zodDto(
  z.strictObject({
    stage: z.enum(ADAPTATION_STAGES).optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(200),
  }),
) {}

export class AdaptationStepParam extends zodDto(z.strictObject({ id: z.string(), step: z.enum(ADAPTATION_STEPS) })) {}

export class AdaptationStepBody extends zodDto(
  z.strictObject({
    note: multiLine(2000).default(''),
    /** With `assess`: the needs found at the home. */
    needs: multiLine(2000).optional(),
    /** With `plan`: the company (a provider) that builds it. */
    contractorId: z.uuid().optional(),
    /** With `plan`: the catalogue items and quantities. */
    plan: z
      .array(z.strictObject({ item: z.string().max(40), quantity: z.number() }))
      .max(60)
      .optional(),
  }),
) {}

export class PhotoQuery extends zodDto(z.strictObject({ kind: z.enum(['assessment', 'before', 'after']) })) {}

const { capYuan, budgetYuan, year } = ADAPTATION_SETTING_BOUNDS;

/**
 * The whole table of caps: a category left out has no cap. An empty table would erase every cap at once, as an empty
 * body must never do, so it is refused.
 */
export class CapsBody extends zodDto(
  z
    .partialRecord(
      z.enum(Object.keys(ELDER_CATEGORIES) as [string, ...string[]]),
      z.number().int().min(capYuan.min).max(capYuan.max),
    )
    .refine((caps) => Object.keys(caps).length > 0, 'name the cap of at least one category'),
) {}

export class BudgetBody extends zodDto(
  z.strictObject({ budgetYuan: z.number().int().min(budgetYuan.min).max(budgetYuan.max) }),
) {}

export class BudgetYearParam extends zodDto(
  z.strictObject({ year: z.coerce.number().int().min(year.min).max(year.max) }),
) {}
