import type { AdaptationBudgetView, AdaptationCaseView, AdaptationPhotoView } from '@eldercare/contracts';
import {
  ADAPTATION_GROUPS,
  ADAPTATION_ITEMS,
  ADAPTATION_STEP_PERMISSION,
  can,
  checkStepInput,
  DomainError,
  householdCap,
  isStepLate,
  maskAddress,
  nextAdaptationStage,
  pendingStep,
  pricePlan,
  requirePhoto,
  seesInFull,
  stepDeadline,
  type AdaptationStage,
  type AdaptationStep,
  type PlanLineInput,
  type Role,
} from '@eldercare/domain';
import {
  AdaptationCaseRepository,
  AuditRepository,
  type AdaptationCaseRow,
  type AdaptationPhotoRow,
} from '@eldercare/persistence';
import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Viewer } from '../auth/viewer';
import { ElderAccessService } from '../elders/elder-access.service';
import { PHOTO_STORAGE, type PhotoStorage } from './photo-storage';

const toPhotoView = (photo: AdaptationPhotoRow): AdaptationPhotoView => ({
  id: photo.id,
  kind: photo.kind,
  contentType: photo.contentType,
  bytes: photo.bytes,
  uploadedAt: new Date(photo.uploadedAt).toISOString(),
});

/** A case as the viewer's role may read it: the door in full only for a role that sees addresses in full. */
function toCaseView(row: AdaptationCaseRow, role: Role, now: number): AdaptationCaseView {
  const pending = pendingStep(row.stage);
  const deadline = stepDeadline(row.stage, row.stageEnteredAt.getTime());
  return {
    id: row.id,
    elder: {
      id: row.elder.id,
      name: row.elder.name,
      address: seesInFull(role, 'address') ? row.elder.address : maskAddress(row.elder.address),
    },
    community: row.place.community,
    subsidised: row.subsidised,
    capYuan: row.capYuan,
    contractor: row.contractor,
    stage: row.stage,
    stageEnteredAt: row.stageEnteredAt.toISOString(),
    pending:
      pending && deadline !== null
        ? {
            step: pending.step,
            deadline: new Date(deadline).toISOString(),
            late: isStepLate(row.stage, row.stageEnteredAt.getTime(), now),
          }
        : null,
    needs: row.needs,
    plan: row.plan,
    totalYuan: row.totalYuan,
    subsidyYuan: row.subsidyYuan,
    selfPayYuan: row.selfPayYuan,
    appliedAt: row.appliedAt.toISOString(),
  };
}

/**
 * Home adaptation cases through their life: applied for (a subsidised case only for an elder of a capped category,
 * once per household), assessed at the home, planned from the catalogue and split under the household's cap, agreed,
 * built, accepted against the plan, settled and followed up. Each step is taken under the case's row lock and
 * recorded with who, when and the deadline it had; photos go to the photo storage and are served only to those who
 * may see the case.
 */
@Injectable()
export class HomeAdaptationService {
  constructor(
    private readonly cases: AdaptationCaseRepository,
    private readonly elderAccess: ElderAccessService,
    private readonly audit: AuditRepository,
    @Inject(PHOTO_STORAGE) private readonly storage: PhotoStorage,
  ) {}

  catalogue() {
    return { groups: ADAPTATION_GROUPS, items: ADAPTATION_ITEMS };
  }

  caps(): Promise<Record<string, number>> {
    return this.cases.caps();
  }

  async setCaps(viewer: Viewer, caps: Record<string, number>): Promise<Record<string, number>> {
    await this.cases.setCaps(caps, viewer.id);
    await this.audit.append({
      userId: viewer.id,
      action: 'adaptation.caps.set',
      elderId: null,
      subject: 'adaptation-caps',
      detail: caps,
    });
    return this.cases.caps();
  }

  async budget(year: number): Promise<AdaptationBudgetView> {
    return { year, budgetYuan: await this.cases.budgetOf(year) };
  }

  async setBudget(viewer: Viewer, year: number, budgetYuan: number): Promise<void> {
    await this.cases.setBudget(year, budgetYuan, viewer.id);
    await this.audit.append({
      userId: viewer.id,
      action: 'adaptation.budget.set',
      elderId: null,
      subject: `adaptation-budget:${year}`,
      detail: { budgetYuan },
    });
  }

  async search(viewer: Viewer, search: { stage?: AdaptationStage; limit: number }, now = Date.now()) {
    return (await this.cases.search(viewer.scope, search)).map((row) => toCaseView(row, viewer.role, now));
  }

  /** The supervisor's list: cases whose pending step is past its deadline, the longest waiting first. */
  async late(viewer: Viewer, now = Date.now()): Promise<AdaptationCaseView[]> {
    return (await this.cases.waiting(viewer.scope))
      .filter((row) => isStepLate(row.stage, row.stageEnteredAt.getTime(), now))
      .map((row) => toCaseView(row, viewer.role, now));
  }

  async open(
    viewer: Viewer,
    input: { elderId: string; subsidised: boolean; needs: string },
    now = new Date(),
  ): Promise<AdaptationCaseView> {
    const elder = await this.elderAccess.elderInScope(viewer, input.elderId);
    const cap = input.subsidised ? householdCap(elder.categories, await this.cases.caps()) : 0;
    if (input.subsidised && cap === 0)
      throw new DomainError(
        'adaptation-not-eligible',
        'none of the elder’s categories is subsidised: open a self-paid case',
      );
    const deadline = stepDeadline('applied', now.getTime());
    const id = await this.cases.open({
      elderId: input.elderId,
      subsidised: input.subsidised,
      capYuan: cap,
      needs: input.needs,
      appliedBy: viewer.id,
      deadline: deadline === null ? null : new Date(deadline),
    });
    if (!id) throw new DomainError('adaptation-case-exists', 'this household has a subsidised case already');
    await this.audit.append({
      userId: viewer.id,
      action: 'adaptation-case.open',
      elderId: input.elderId,
      subject: `adaptation-case:${id}`,
      detail: { subsidised: input.subsidised, capYuan: cap },
    });
    return this.get(viewer, id);
  }

  async get(viewer: Viewer, id: string, now = Date.now()): Promise<AdaptationCaseView> {
    const row = await this.find(viewer, id);
    await this.audit.append({
      userId: viewer.id,
      action: 'adaptation-case.read',
      elderId: row.elder.id,
      subject: `adaptation-case:${id}`,
    });
    const [steps, photos] = await Promise.all([this.cases.steps(id), this.cases.photos(id)]);
    return {
      ...toCaseView(row, viewer.role, now),
      steps: steps.map((step) => ({
        ...step,
        at: new Date(step.at).toISOString(),
        deadline: step.deadline ? new Date(step.deadline).toISOString() : null,
      })),
      photos: photos.map(toPhotoView),
    };
  }

  /**
   * Takes a step as its own actor only (`ADAPTATION_STEP_PERMISSION`), asked before the case is looked up so that a
   * refusal tells nothing of the case; the contractor and the inspector reach only the cases of their scope.
   */
  async step(
    viewer: Viewer,
    id: string,
    step: AdaptationStep,
    input: { note: string; needs?: string; plan?: PlanLineInput[]; contractorId?: string },
    now = new Date(),
  ): Promise<AdaptationCaseView> {
    if (!can(viewer.role, ADAPTATION_STEP_PERMISSION[step]))
      throw new DomainError('forbidden', `a ${viewer.role} does not take the step ${step}`);
    const row = await this.find(viewer, id);
    const photoKinds = step === 'complete-works' ? (await this.cases.photos(id)).map((photo) => photo.kind) : [];
    await this.cases.inCaseTransaction(id, async (manager, locked) => {
      if (!locked) throw new DomainError('adaptation-case-not-found', 'no case has this id');
      const stage = nextAdaptationStage(locked.stage, step);
      checkStepInput(step, { ...input, photoKinds });
      if (step === 'assess' && input.needs !== undefined) await this.cases.setNeeds(manager, id, input.needs);
      if (step === 'plan' && input.plan && input.contractorId) {
        const priced = pricePlan(input.plan, locked.capYuan);
        if (!(await this.cases.setPlan(manager, id, priced, input.contractorId)))
          throw new DomainError('provider-not-found', 'no company has this id to build the plan');
      }
      const deadline = stepDeadline(stage, now.getTime());
      await this.cases.moveTo(manager, id, {
        step,
        stage,
        by: viewer.id,
        at: now,
        deadline: deadline === null ? null : new Date(deadline),
        note: input.note,
      });
      await this.audit.append(
        {
          userId: viewer.id,
          action: `adaptation-case.${step}`,
          elderId: row.elder.id,
          subject: `adaptation-case:${id}`,
          detail: step === 'plan' ? { stage, contractorId: input.contractorId } : { stage },
        },
        manager,
      );
    });
    return this.get(viewer, id);
  }

  async addPhoto(
    viewer: Viewer,
    id: string,
    photo: { kind: 'assessment' | 'before' | 'after'; contentType: string | undefined; bytes: unknown },
  ): Promise<AdaptationPhotoView> {
    if (photo.kind === 'assessment' && !can(viewer.role, 'adaptation.manage'))
      throw new DomainError('forbidden', `a ${viewer.role} adds photos of the works only, before and after`);
    const row = await this.find(viewer, id);
    if (!(photo.bytes instanceof Buffer) || photo.bytes.length === 0)
      throw new DomainError(
        'photo-type-not-allowed',
        'send the photo as the body, as image/jpeg, image/png or image/webp',
      );
    const contentType = requirePhoto(photo.bytes, photo.contentType?.split(';')[0].trim());
    const key = `${id}/${randomUUID()}`;
    await this.storage.put(key, photo.bytes);
    const photoId = await this.cases.addPhoto({
      caseId: id,
      kind: photo.kind,
      contentType,
      bytes: photo.bytes.length,
      storageKey: key,
      uploadedBy: viewer.id,
    });
    await this.audit.append({
      userId: viewer.id,
      action: 'adaptation-photo.add',
      elderId: row.elder.id,
      subject: `adaptation-photo:${photoId}`,
      detail: { kind: photo.kind, bytes: photo.bytes.length },
    });
    const stored = (await this.cases.photos(id)).find((candidate) => candidate.id === photoId);
    if (!stored) throw new Error(`photo ${photoId} was stored but cannot be read`);
    return toPhotoView(stored);
  }

  async photo(viewer: Viewer, id: string, photoId: string): Promise<{ contentType: string; bytes: Buffer }> {
    const row = await this.find(viewer, id);
    const photo = (await this.cases.photos(id)).find((candidate) => candidate.id === photoId);
    const bytes = photo && (await this.storage.get(photo.storageKey));
    if (!photo || !bytes) throw new DomainError('adaptation-photo-not-found', 'this case has no such photo');
    await this.audit.append({
      userId: viewer.id,
      action: 'adaptation-photo.read',
      elderId: row.elder.id,
      subject: `adaptation-photo:${photoId}`,
    });
    return { contentType: photo.contentType, bytes };
  }

  private async find(viewer: Viewer, id: string): Promise<AdaptationCaseRow> {
    const row = await this.cases.findInScope(viewer.scope, id);
    if (!row) throw new DomainError('adaptation-case-not-found', 'no case with this id is yours to see');
    return row;
  }
}
