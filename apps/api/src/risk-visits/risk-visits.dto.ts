import {
  PAIR_KINDS,
  RISK_LEVELS,
  RISK_VISIT_MODES,
  VISIT_CONCERN_CODES,
  VISIT_EVERY_DAYS_BOUNDS,
  type VisitConcern,
} from '@eldercare/domain';
import { z } from 'zod';
import { multiLine, singleLine } from '../http/text-field';
import { zodDto } from '../http/zod-dto';

const days = z.number().int().min(VISIT_EVERY_DAYS_BOUNDS.min).max(VISIT_EVERY_DAYS_BOUNDS.max);

export class VisitFrequenciesBody extends zodDto(z.strictObject({ high: days, key: days, general: days })) {}

export class ElderPairBody extends zodDto(
  z.strictObject({
    riskLevel: z.enum(RISK_LEVELS),
    pairKind: z.enum(PAIR_KINDS),
    pairName: singleLine(50).pipe(z.string().min(1)),
    pairPhone: z
      .string()
      .trim()
      .regex(/^[0-9+\-\s]{5,20}$/, 'must be a phone number'),
  }),
) {}

export class RiskVisitBody extends zodDto(
  z.strictObject({
    mode: z.enum(RISK_VISIT_MODES),
    visitedAt: z.iso.datetime({ offset: true }).optional(),
    findings: multiLine(2000).default(''),
    concerns: z
      .array(z.enum(VISIT_CONCERN_CODES as [VisitConcern, ...VisitConcern[]]))
      .max(VISIT_CONCERN_CODES.length)
      .default([]),
  }),
) {}
