import type { AccessScope, AdaptationStage, PricedPlan, PricedPlanLine } from '@eldercare/domain';
import type { DataSource, EntityManager } from 'typeorm';
import { ELDER_PLACE_JOINS, scopeCondition } from './scope-condition';

export interface AdaptationCaseRow {
  id: string;
  elder: { id: string; name: string; address: string; categories: string[] };
  place: { community: string; street: string | null; district: string | null; districtId: string | null };
  subsidised: boolean;
  capYuan: number;
  /** The company that builds the plan, once planned. */
  contractor: { id: string; name: string } | null;
  stage: AdaptationStage;
  stageEnteredAt: Date;
  needs: string;
  plan: PricedPlanLine[] | null;
  totalYuan: number | null;
  subsidyYuan: number | null;
  selfPayYuan: number | null;
  appliedAt: Date;
}

export interface AdaptationStepRow {
  step: string;
  stage: AdaptationStage;
  by: string;
  at: Date;
  deadline: Date | null;
  note: string;
}

export interface AdaptationPhotoRow {
  id: string;
  caseId: string;
  kind: 'assessment' | 'before' | 'after';
  contentType: string;
  bytes: number;
  storageKey: string;
  uploadedAt: Date;
}

/** One district's cases for the bureau: how many at each stage, the subsidy settled, households done. */
export interface AdaptationDistrictRow {
  district: string | null;
  stages: Partial<Record<AdaptationStage, number>>;
  settledSubsidyYuan: number;
  householdsDone: number;
}

const SELECT_CASES = `
  SELECT a.id, e.id AS elder_id, e.name AS elder_name, e.address, e.categories, c.name AS community,
    s.name AS street, d.name AS district, d.id AS district_id, a.subsidised, a.cap_yuan, a.stage, a.stage_entered_at,
    a.needs, a.plan, a.total_yuan, a.subsidy_yuan, a.self_pay_yuan, a.applied_at, p.id AS contractor_id,
    p.name AS contractor_name
  FROM adaptation_cases a
  JOIN elders e ON e.id = a.elder_id
  LEFT JOIN providers p ON p.id = a.contractor_id
  ${ELDER_PLACE_JOINS}`;

/**
 * The cases a scope covers: those of the elders it covers, and for a contractor's company (a provider scope) the
 * cases given to it, never the elders the same company might serve otherwise.
 */
function caseScopeCondition(scope: AccessScope, params: unknown[]): string {
  if (scope.kind !== 'provider') return scopeCondition(scope, params);
  params.push(scope.providerId);
  return `a.contractor_id = $${params.length}::uuid`;
}

interface Row {
  id: string;
  elder_id: string;
  elder_name: string;
  address: string;
  categories: string[];
  community: string;
  street: string | null;
  district: string | null;
  district_id: string | null;
  subsidised: boolean;
  cap_yuan: number;
  contractor_id: string | null;
  contractor_name: string | null;
  stage: AdaptationStage;
  stage_entered_at: Date;
  needs: string;
  plan: PricedPlanLine[] | null;
  total_yuan: number | null;
  subsidy_yuan: number | null;
  self_pay_yuan: number | null;
  applied_at: Date;
}

const toRow = (row: Row): AdaptationCaseRow => ({
  id: row.id,
  elder: { id: row.elder_id, name: row.elder_name, address: row.address, categories: row.categories },
  place: { community: row.community, street: row.street, district: row.district, districtId: row.district_id },
  subsidised: row.subsidised,
  capYuan: row.cap_yuan,
  contractor: row.contractor_id && row.contractor_name ? { id: row.contractor_id, name: row.contractor_name } : null,
  stage: row.stage,
  stageEnteredAt: row.stage_entered_at,
  needs: row.needs,
  plan: row.plan,
  totalYuan: row.total_yuan,
  subsidyYuan: row.subsidy_yuan,
  selfPayYuan: row.self_pay_yuan,
  appliedAt: row.applied_at,
});

/** Home adaptation cases, their steps and photos, and the bureau's caps and budgets. */
export class AdaptationCaseRepository {
  constructor(private readonly dataSource: DataSource) {}

  async caps(): Promise<Record<string, number>> {
    const rows: { category: string; cap_yuan: number }[] = await this.dataSource.query(
      'SELECT category, cap_yuan FROM adaptation_caps ORDER BY category',
    );
    return Object.fromEntries(rows.map((row) => [row.category, row.cap_yuan]));
  }

  async setCaps(caps: Record<string, number>, by: string): Promise<void> {
    const categories = Object.keys(caps);
    await this.dataSource.transaction(async (manager) => {
      await manager.query('DELETE FROM adaptation_caps WHERE NOT (category = ANY($1::text[]))', [categories]);
      await manager.query(
        `INSERT INTO adaptation_caps (category, cap_yuan, set_by) SELECT unnest($1::text[]), unnest($2::int[]), $3
         ON CONFLICT (category) DO UPDATE SET cap_yuan = EXCLUDED.cap_yuan, set_by = EXCLUDED.set_by, set_at = now()`,
        [categories, categories.map((category) => caps[category]), by],
      );
    });
  }

  async budgetOf(year: number): Promise<number | null> {
    const [row]: { budget_yuan: string }[] = await this.dataSource.query(
      'SELECT budget_yuan FROM adaptation_budgets WHERE year = $1',
      [year],
    );
    return row ? Number(row.budget_yuan) : null;
  }

  async setBudget(year: number, budgetYuan: number, by: string): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO adaptation_budgets (year, budget_yuan, set_by) VALUES ($1, $2, $3)
       ON CONFLICT (year) DO UPDATE SET budget_yuan = EXCLUDED.budget_yuan, set_by = EXCLUDED.set_by, set_at = now()`,
      [year, budgetYuan, by],
    );
  }

  /**
   * Opens a case and records its application; answers undefined when the household has a subsidised case already
   * (the unique index decides, so two applications at once make one).
   */
  async open(kase: {
    elderId: string;
    subsidised: boolean;
    capYuan: number;
    needs: string;
    appliedBy: string;
    deadline: Date | null;
  }): Promise<string | undefined> {
    return this.dataSource.transaction(async (manager) => {
      const rows: { id: string }[] = await manager.query(
        `INSERT INTO adaptation_cases (elder_id, subsidised, cap_yuan, needs, applied_by) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (elder_id) WHERE subsidised AND stage <> 'cancelled' DO NOTHING RETURNING id`,
        [kase.elderId, kase.subsidised, kase.capYuan, kase.needs, kase.appliedBy],
      );
      const id = rows[0]?.id;
      if (!id) return undefined;
      await this.addStep(manager, id, { step: 'apply', stage: 'applied', by: kase.appliedBy, deadline: kase.deadline });
      return id;
    });
  }

  async findInScope(scope: AccessScope, id: string): Promise<AdaptationCaseRow | undefined> {
    const params: unknown[] = [id];
    const [row]: Row[] = await this.dataSource.query(
      `${SELECT_CASES} WHERE a.id = $1 AND ${caseScopeCondition(scope, params)}`,
      params,
    );
    return row && toRow(row);
  }

  async search(scope: AccessScope, search: { stage?: AdaptationStage; limit: number }): Promise<AdaptationCaseRow[]> {
    const params: unknown[] = [];
    const where = [caseScopeCondition(scope, params)];
    if (search.stage) {
      params.push(search.stage);
      where.push(`a.stage = $${params.length}`);
    }
    params.push(search.limit);
    const rows: Row[] = await this.dataSource.query(
      `${SELECT_CASES} WHERE ${where.join(' AND ')} ORDER BY a.applied_at DESC LIMIT $${params.length}`,
      params,
    );
    return rows.map(toRow);
  }

  /** The cases still waiting for a step, for the late list. */
  async waiting(scope: AccessScope): Promise<AdaptationCaseRow[]> {
    const params: unknown[] = [];
    const rows: Row[] = await this.dataSource.query(
      `${SELECT_CASES} WHERE a.stage NOT IN ('followed-up', 'cancelled') AND ${caseScopeCondition(scope, params)}
       ORDER BY a.stage_entered_at`,
      params,
    );
    return rows.map(toRow);
  }

  async steps(caseId: string): Promise<AdaptationStepRow[]> {
    return this.dataSource.query(
      `SELECT t.step, t.stage, u.display_name AS by, t.at, t.deadline, t.note
       FROM adaptation_case_steps t JOIN users u ON u.id = t.by_user WHERE t.case_id = $1 ORDER BY t.at, t.id`,
      [caseId],
    );
  }

  /** Runs `work` holding the case's row lock, with its stage now (undefined when there is no such case). */
  inCaseTransaction<T>(
    id: string,
    work: (manager: EntityManager, locked: { stage: AdaptationStage; capYuan: number } | undefined) => Promise<T>,
  ): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      const [row]: { stage: AdaptationStage; cap_yuan: number }[] = await manager.query(
        'SELECT stage, cap_yuan FROM adaptation_cases WHERE id = $1 FOR UPDATE',
        [id],
      );
      return work(manager, row && { stage: row.stage, capYuan: row.cap_yuan });
    });
  }

  async moveTo(
    manager: EntityManager,
    id: string,
    step: { step: string; stage: AdaptationStage; by: string; at: Date; deadline: Date | null; note: string },
  ): Promise<void> {
    await manager.query('UPDATE adaptation_cases SET stage = $2, stage_entered_at = $3 WHERE id = $1', [
      id,
      step.stage,
      step.at,
    ]);
    await this.addStep(manager, id, step);
  }

  async setNeeds(manager: EntityManager, id: string, needs: string): Promise<void> {
    await manager.query('UPDATE adaptation_cases SET needs = $2 WHERE id = $1', [id, needs]);
  }

  /** Sets the plan and the company that builds it; false when no provider has `contractorId`. */
  async setPlan(manager: EntityManager, id: string, plan: PricedPlan, contractorId: string): Promise<boolean> {
    const [rows]: [{ id: string }[], number] = await manager.query(
      `UPDATE adaptation_cases SET plan = $2, total_yuan = $3, subsidy_yuan = $4, self_pay_yuan = $5, contractor_id = $6
       WHERE id = $1 AND EXISTS (SELECT 1 FROM providers WHERE id = $6) RETURNING id`,
      [id, JSON.stringify(plan.lines), plan.total, plan.subsidy, plan.selfPay, contractorId],
    );
    return rows.length === 1;
  }

  async addPhoto(photo: Omit<AdaptationPhotoRow, 'id' | 'uploadedAt'> & { uploadedBy: string }): Promise<string> {
    const [{ id }]: { id: string }[] = await this.dataSource.query(
      `INSERT INTO adaptation_photos (case_id, kind, content_type, bytes, storage_key, uploaded_by)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [photo.caseId, photo.kind, photo.contentType, photo.bytes, photo.storageKey, photo.uploadedBy],
    );
    return id;
  }

  async photos(caseId: string): Promise<AdaptationPhotoRow[]> {
    return this.dataSource.query(
      `SELECT id, case_id AS "caseId", kind, content_type AS "contentType", bytes, storage_key AS "storageKey",
         uploaded_at AS "uploadedAt" FROM adaptation_photos WHERE case_id = $1 ORDER BY uploaded_at`,
      [caseId],
    );
  }

  /** Per district of the scope: cases by stage, the subsidy of cases settled in `[from, to)`, households done. */
  async byDistrict(window: {
    scope: AccessScope;
    regionId?: string;
    from: Date;
    to: Date;
  }): Promise<AdaptationDistrictRow[]> {
    const params: unknown[] = [window.from, window.to];
    const where = [caseScopeCondition(window.scope, params)];
    if (window.regionId) {
      params.push(window.regionId);
      where.push(`$${params.length}::uuid IN (c.id, s.id, d.id)`);
    }
    const rows: { district: string | null; stages: Record<string, number>; settled: number; done: number }[] =
      await this.dataSource.query(
        `WITH scoped AS (
           SELECT a.*, d.name AS district FROM adaptation_cases a JOIN elders e ON e.id = a.elder_id ${ELDER_PLACE_JOINS}
           WHERE ${where.join(' AND ')}),
         settled AS (
           SELECT t.case_id FROM adaptation_case_steps t WHERE t.step = 'settle' AND t.at >= $1 AND t.at < $2)
         SELECT district,
           (SELECT jsonb_object_agg(stage, n) FROM (SELECT stage, count(*)::int AS n FROM scoped x
              WHERE x.district IS NOT DISTINCT FROM g.district GROUP BY stage) k) AS stages,
           COALESCE(sum(subsidy_yuan) FILTER (WHERE id IN (SELECT case_id FROM settled)), 0)::int AS settled,
           count(DISTINCT elder_id) FILTER (WHERE stage IN ('accepted', 'settled', 'followed-up'))::int AS done
         FROM scoped g GROUP BY district ORDER BY district`,
        params,
      );
    return rows.map((row) => ({
      district: row.district,
      stages: row.stages ?? {},
      settledSubsidyYuan: row.settled,
      householdsDone: row.done,
    }));
  }

  private async addStep(
    manager: EntityManager,
    caseId: string,
    step: { step: string; stage: AdaptationStage; by: string; at?: Date; deadline: Date | null; note?: string },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO adaptation_case_steps (case_id, step, stage, by_user, at, deadline, note)
       VALUES ($1, $2, $3, $4, COALESCE($5, now()), $6, $7)`,
      [caseId, step.step, step.stage, step.by, step.at ?? null, step.deadline, step.note ?? ''],
    );
  }
}
