import type { Permission } from '../access/permissions';
import { DomainError } from '../errors/domain-error';
import { DAY_MS } from '../time/durations';

/**
 * The life of a home adaptation case.
 * STORED OUTSIDE THE CODE: adaptation_cases rows keep these codes. Never rename one.
 */
export const ADAPTATION_STAGES = [
  'applied',
  'assessed',
  'planned',
  'agreed',
  'works-done',
  'accepted',
  'settled',
  'followed-up',
  'cancelled',
] as const;
export type AdaptationStage = (typeof ADAPTATION_STAGES)[number];

/** Each step: from which stage, to which, and the days it must be taken within, counted from entering `from`. */
const STEPS = {
  assess: { from: 'applied', to: 'assessed', days: 10 },
  plan: { from: 'assessed', to: 'planned', days: 7 },
  agree: { from: 'planned', to: 'agreed', days: 7 },
  'complete-works': { from: 'agreed', to: 'works-done', days: 30 },
  accept: { from: 'works-done', to: 'accepted', days: 7 },
  settle: { from: 'accepted', to: 'settled', days: 15 },
  'follow-up': { from: 'settled', to: 'followed-up', days: 90 },
} as const satisfies Record<string, { from: AdaptationStage; to: AdaptationStage; days: number }>;

/**
 * Every step, the sideways ones too: `cancel` before the works begin, and `refuse`, the inspector's answer that the
 * works do not match the plan, which sends the case back to the contractor (agreed) with a new deadline.
 */
export type AdaptationStep = keyof typeof STEPS | 'cancel' | 'refuse';
export const ADAPTATION_STEPS = [...(Object.keys(STEPS) as (keyof typeof STEPS)[]), 'refuse', 'cancel'] as const;

/** Stages a case may still be cancelled from: before the works begin. */
const CANCELLABLE: readonly AdaptationStage[] = ['applied', 'assessed', 'planned', 'agreed'];

/** The stage `step` leads to from `stage`; `adaptation-step-illegal` (409) when it cannot be taken now. */
export function nextAdaptationStage(stage: AdaptationStage, step: AdaptationStep): AdaptationStage {
  if (step === 'cancel') {
    if (CANCELLABLE.includes(stage)) return 'cancelled';
  } else if (step === 'refuse') {
    if (stage === STEPS.accept.from) return STEPS['complete-works'].from;
  } else if (STEPS[step].from === stage) return STEPS[step].to;
  throw new DomainError('adaptation-step-illegal', `a case that is ${stage} cannot be given ${step}`);
}

/** The step a case in `stage` waits for, with its allowed days; none once followed up or cancelled. */
export function pendingStep(stage: AdaptationStage): { step: keyof typeof STEPS; days: number } | null {
  const found = (Object.entries(STEPS) as [keyof typeof STEPS, (typeof STEPS)[keyof typeof STEPS]][]).find(
    ([, step]) => step.from === stage,
  );
  return found ? { step: found[0], days: found[1].days } : null;
}

/** When the pending step is due: the stage's start plus its allowed days; null when nothing is pending. */
export function stepDeadline(stage: AdaptationStage, enteredAt: number): number | null {
  const pending = pendingStep(stage);
  return pending ? enteredAt + pending.days * DAY_MS : null;
}

/** Late: the pending step's deadline has passed. */
export function isStepLate(stage: AdaptationStage, enteredAt: number, now: number): boolean {
  const deadline = stepDeadline(stage, enteredAt);
  return deadline !== null && now > deadline;
}

/**
 * Who takes each step: community staff apply, assess, plan, follow up and cancel; the family agrees (or staff record
 * it); the contractor the case is given to records the works; an inspector of its region accepts or refuses them;
 * the bureau settles.
 */
export const ADAPTATION_STEP_PERMISSION: Record<AdaptationStep, Permission> = {
  assess: 'adaptation.manage',
  plan: 'adaptation.manage',
  agree: 'adaptation.agree',
  'complete-works': 'adaptation.build',
  accept: 'adaptation.inspect',
  refuse: 'adaptation.inspect',
  settle: 'adaptation.settle',
  'follow-up': 'adaptation.manage',
  cancel: 'adaptation.manage',
};

/**
 * What a step needs besides the case being at it: a plan its items and its contractor, the works a photo before and
 * one after, a refusal its reason.
 */
export function checkStepInput(
  step: AdaptationStep,
  input: { note: string; plan?: unknown; contractorId?: string; photoKinds: readonly string[] },
): void {
  if (step === 'plan' && (!input.plan || !input.contractorId))
    throw new DomainError('adaptation-plan-invalid', 'a plan needs its items and the contractor who builds it');
  if (step === 'complete-works' && !(input.photoKinds.includes('before') && input.photoKinds.includes('after')))
    throw new DomainError('adaptation-works-photos-missing', 'record the works with a photo before and one after');
  if (step === 'refuse' && input.note.trim() === '')
    throw new DomainError('adaptation-refusal-reason-required', 'say what in the works does not match the plan');
}
