import type { AdaptationStage, AdaptationStep, PricedPlanLine } from '@eldercare/domain';
import type { Timestamp } from './alert-view';

export type { AdaptationStage, AdaptationStep, PricedPlanLine };

/**
 * Home adaptation (适老化改造).
 *
 * GET  /api/adaptation/catalogue                 → the 30 items in 7 groups with guide prices
 * GET  /api/adaptation/caps                      → { [category]: yuan };  PUT (bureau, admin) the whole table (400
 *      for an empty one)
 * GET  /api/adaptation/budgets/:year              → AdaptationBudgetView (bureau, admin)
 * PUT  /api/adaptation/budgets/:year { budgetYuan } → 204 (bureau, admin); a year of 2000–2100
 * GET  /api/adaptation-cases?stage=              → AdaptationCaseView[] in scope
 * POST /api/adaptation-cases { elderId, subsidised, needs? } → AdaptationCaseView (201); 409 `adaptation-case-exists`
 *      for a second subsidised case of a household, 409 `adaptation-not-eligible` for a subsidy without a category
 * GET  /api/adaptation-cases/late                → AdaptationCaseView[] whose pending step is past its deadline
 * GET  /api/adaptation-cases/:id                 → AdaptationCaseView with steps and photos (audited)
 * POST /api/adaptation-cases/:id/steps/:step { note?, needs?, plan?, contractorId? } → AdaptationCaseView; 409
 *      `adaptation-step-illegal` for a step the case is not at; 403 for a step that is not the role's
 *      (`ADAPTATION_STEP_PERMISSION`); `plan` takes [{ item, quantity }] and the contractor's company;
 *      `complete-works` (the contractor's) needs photos before and after (422 `adaptation-works-photos-missing`);
 *      `accept` or `refuse` (the inspector's; a refusal needs its reason in `note`, back to `agreed`)
 * POST /api/adaptation-cases/:id/photos?kind=assessment|before|after, body the image (JPEG, PNG or WebP, ≤ 5 MB)
 *      → AdaptationPhotoView (201); GET /api/adaptation-cases/:id/photos/:photoId → the image, to those who see the case
 */
export interface AdaptationCaseView {
  id: string;
  elder: { id: string; name: string; address: string };
  community: string;
  subsidised: boolean;
  capYuan: number;
  /** The company that builds the plan, named with it. */
  contractor: { id: string; name: string } | null;
  stage: AdaptationStage;
  stageEnteredAt: Timestamp;
  /** The pending step and its deadline; null once followed up or cancelled. */
  pending: { step: string; deadline: Timestamp; late: boolean } | null;
  needs: string;
  plan: PricedPlanLine[] | null;
  totalYuan: number | null;
  subsidyYuan: number | null;
  selfPayYuan: number | null;
  appliedAt: Timestamp;
  steps?: {
    step: string;
    stage: AdaptationStage;
    by: string;
    at: Timestamp;
    deadline: Timestamp | null;
    note: string;
  }[];
  photos?: AdaptationPhotoView[];
}

export interface AdaptationPhotoView {
  id: string;
  kind: 'assessment' | 'before' | 'after';
  contentType: string;
  bytes: number;
  uploadedAt: Timestamp;
}

/** A year's adaptation budget as the bureau set it; null when none was set. */
export interface AdaptationBudgetView {
  year: number;
  budgetYuan: number | null;
}
