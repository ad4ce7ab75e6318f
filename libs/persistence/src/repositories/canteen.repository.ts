import type { MealIdentification, MealPeriod, MealPeriodHours, MealSubsidyRule } from '@eldercare/domain';
import type { WorkOrderStatus } from '@eldercare/domain';
import type { DataSource, EntityManager } from 'typeorm';

export interface CanteenRecord {
  id: string;
  name: string;
  provider: { id: string; name: string };
  community: { id: string; name: string };
  /** The district of the canteen's community: its elders are the ones it subsidises. */
  districtId: string | null;
  /** Where the canteen is; none for one opened before positions were kept. */
  address: string | null;
  position: { lat: number; lon: number } | null;
  priceCents: number;
  periods: MealPeriodHours[];
}

/** A new canteen: where it is is required from now on. */
export interface NewCanteen {
  name: string;
  providerId: string;
  communityId: string;
  address: string;
  lat: number;
  lon: number;
  priceCents: number;
  periods: MealPeriodHours[];
}

/** An elder as the meal terminal needs them: no more than a name, the categories, the age and the district. */
export interface DinerRecord {
  id: string;
  name: string;
  categories: string[];
  birthDate: string;
  districtId: string | null;
}

/** A meal served at the counter (its terminal and cashier), or ordered by the family (who, and a delivery's order). */
export interface NewMeal {
  elderId: string;
  canteenId: string;
  terminal: string | null;
  mealDate: string;
  period: MealPeriod;
  identifiedBy: MealIdentification;
  identifyReason: string | null;
  matchScore: number | null;
  liveness: string | null;
  /** The face check the meal was served on, when identified by face. */
  faceCheckId: string | null;
  priceCents: number;
  subsidyCents: number;
  selfPayCents: number;
  subsidyCategory: string | null;
  cashierId: string | null;
  orderedBy: string | null;
  /** A delivered meal's work order. */
  workOrderId: string | null;
}

/** A face check at a terminal: whom the frames matched, if anyone, and the liveness result. */
export interface NewFaceCheck {
  canteenId: string;
  cashierId: string;
  elderId: string | null;
  matchScore: number | null;
  liveness: 'moved' | 'still';
  livenessScore: number;
}

export interface FaceCheckRecord extends NewFaceCheck {
  id: string;
  checkedAt: Date;
  /** A meal was served on it already. */
  used: boolean;
}

export interface MealRecord extends NewMeal {
  id: string;
  elderName: string;
  servedAt: Date;
}

const SELECT_CANTEENS = `
  SELECT k.id, k.name, k.provider_id, p.name AS provider_name, k.community_id, c.name AS community_name,
    d.id AS district_id, k.address, k.lat, k.lon, k.price_cents, k.periods
  FROM canteens k JOIN providers p ON p.id = k.provider_id JOIN regions c ON c.id = k.community_id
  LEFT JOIN regions s ON s.id = c.parent_id LEFT JOIN regions d ON d.id = s.parent_id`;

interface CanteenRow {
  id: string;
  name: string;
  provider_id: string;
  provider_name: string;
  community_id: string;
  community_name: string;
  district_id: string | null;
  address: string | null;
  lat: number | null;
  lon: number | null;
  price_cents: number;
  periods: MealPeriodHours[];
}

const toCanteen = (row: CanteenRow): CanteenRecord => ({
  id: row.id,
  name: row.name,
  provider: { id: row.provider_id, name: row.provider_name },
  community: { id: row.community_id, name: row.community_name },
  districtId: row.district_id,
  address: row.address,
  position: row.lat !== null && row.lon !== null ? { lat: row.lat, lon: row.lon } : null,
  priceCents: row.price_cents,
  periods: row.periods,
});

const SELECT_DINERS = `
  SELECT e.id, e.name, e.categories, to_char(e.birth_date, 'YYYY-MM-DD') AS birth_date, d.id AS district_id
  FROM elders e JOIN regions c ON c.id = e.community_id
  LEFT JOIN regions s ON s.id = c.parent_id LEFT JOIN regions d ON d.id = s.parent_id`;

const toDiner = (row: {
  id: string;
  name: string;
  categories: string[];
  birth_date: string;
  district_id: string | null;
}) => ({
  id: row.id,
  name: row.name,
  categories: row.categories,
  birthDate: row.birth_date,
  districtId: row.district_id,
});

/** A meal ordered by the family, as its views need it. */
export interface MealOrderRecord {
  id: string;
  elderId: string;
  elderName: string;
  canteenId: string;
  canteenName: string;
  mealDate: string;
  period: MealPeriod;
  delivery: boolean;
  priceCents: number;
  subsidyCents: number;
  selfPayCents: number;
  orderedBy: string;
  orderedAt: Date;
  cancelledAt: Date | null;
  workOrderId: string | null;
  workOrderStatus: WorkOrderStatus | null;
}

const SELECT_MEAL_ORDERS = `
  SELECT t.id, t.elder_id AS "elderId", e.name AS "elderName", t.canteen_id AS "canteenId", k.name AS "canteenName",
    to_char(t.meal_date, 'YYYY-MM-DD') AS "mealDate", t.period, t.delivery, t.price_cents AS "priceCents",
    t.subsidy_cents AS "subsidyCents", t.self_pay_cents AS "selfPayCents", t.ordered_by AS "orderedBy",
    t.served_at AS "orderedAt", t.cancelled_at AS "cancelledAt", t.work_order_id AS "workOrderId",
    w.status AS "workOrderStatus"
  FROM meal_transactions t JOIN elders e ON e.id = t.elder_id JOIN canteens k ON k.id = t.canteen_id
  LEFT JOIN work_orders w ON w.id = t.work_order_id`;

/** Canteens, the bureau's meal subsidies, and the meals served; one subsidised meal per period kept by an index. */
export class CanteenRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insertCanteen(canteen: NewCanteen): Promise<string> {
    const [{ id }]: { id: string }[] = await this.dataSource.query(
      `INSERT INTO canteens (name, provider_id, community_id, address, lat, lon, price_cents, periods)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [
        canteen.name,
        canteen.providerId,
        canteen.communityId,
        canteen.address,
        canteen.lat,
        canteen.lon,
        canteen.priceCents,
        JSON.stringify(canteen.periods),
      ],
    );
    return id;
  }

  /** Every canteen, or one provider's. */
  async canteens(providerId?: string): Promise<CanteenRecord[]> {
    const rows: CanteenRow[] = await this.dataSource.query(
      `${SELECT_CANTEENS} WHERE $1::uuid IS NULL OR k.provider_id = $1::uuid ORDER BY k.name, k.id`,
      [providerId ?? null],
    );
    return rows.map(toCanteen);
  }

  async findCanteen(id: string): Promise<CanteenRecord | undefined> {
    const [row]: CanteenRow[] = await this.dataSource.query(`${SELECT_CANTEENS} WHERE k.id = $1`, [id]);
    return row && toCanteen(row);
  }

  async subsidyRules(): Promise<MealSubsidyRule[]> {
    return this.dataSource.query(
      `SELECT category, subsidy_cents AS "subsidyCents", to_char(effective_from, 'YYYY-MM-DD') AS "effectiveFrom"
       FROM meal_subsidy_rules ORDER BY category, effective_from`,
    );
  }

  /** Sets a category's subsidy from a date on; the same category and date again replaces it. */
  async setSubsidyRule(rule: MealSubsidyRule, setBy: string): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO meal_subsidy_rules (category, effective_from, subsidy_cents, set_by) VALUES ($1, $2, $3, $4)
       ON CONFLICT (category, effective_from) DO UPDATE SET subsidy_cents = EXCLUDED.subsidy_cents,
         set_by = EXCLUDED.set_by, set_at = now()`,
      [rule.category, rule.effectiveFrom, rule.subsidyCents, setBy],
    );
  }

  /** The elder whose current QR card carries this code; a reissued card's old code names nobody. */
  async dinerByCardCode(code: string): Promise<DinerRecord | undefined> {
    const [row] = await this.dataSource.query(
      `${SELECT_DINERS} WHERE e.id = (SELECT elder_id FROM meal_cards WHERE code = $1)`,
      [code],
    );
    return row && toDiner(row);
  }

  /** Issues the elder's card with this code, replacing the one they had. */
  async issueMealCard(elderId: string, code: string, issuedBy: string): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO meal_cards (elder_id, code, issued_by) VALUES ($1, $2, $3)
       ON CONFLICT (elder_id) DO UPDATE SET code = EXCLUDED.code, issued_by = EXCLUDED.issued_by, issued_at = now()`,
      [elderId, code, issuedBy],
    );
  }

  /** The elder the counter serves, once found by face, card or ID number. */
  async dinerById(elderId: string): Promise<DinerRecord | undefined> {
    const [row] = await this.dataSource.query(`${SELECT_DINERS} WHERE e.id = $1`, [elderId]);
    return row && toDiner(row);
  }

  /** The elder with this resident ID number. */
  async dinerByIdNumber(idNumber: string): Promise<DinerRecord | undefined> {
    const [row] = await this.dataSource.query(`${SELECT_DINERS} WHERE e.id_number = $1`, [idNumber]);
    return row && toDiner(row);
  }

  async hasSubsidisedMeal(elderId: string, mealDate: string, period: MealPeriod): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM meal_transactions
       WHERE elder_id = $1 AND meal_date = $2 AND period = $3 AND subsidy_cents > 0 AND cancelled_at IS NULL`,
      [elderId, mealDate, period],
    );
    return rows.length > 0;
  }

  /** Whether the family ordered the elder's meal of the period at this canteen, paid, to collect there. */
  async hasOrderToCollect(elderId: string, canteenId: string, mealDate: string, period: MealPeriod): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM meal_transactions WHERE elder_id = $1 AND canteen_id = $2 AND meal_date = $3 AND period = $4
         AND identified_by = 'order' AND NOT delivery AND cancelled_at IS NULL`,
      [elderId, canteenId, mealDate, period],
    );
    return rows.length > 0;
  }

  /** Runs `work` in one transaction: an ordered meal and its delivery's work order are stored together. */
  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /**
   * Records the meal. Answers undefined, recording nothing, for a subsidised meal when the elder already had one in
   * the period anywhere in the city: the unique index decides, however many terminals serve them at once.
   */
  async recordMeal(meal: NewMeal, manager: EntityManager = this.dataSource.manager): Promise<string | undefined> {
    const [row]: { id: string }[] = await manager.query(
      `INSERT INTO meal_transactions (elder_id, canteen_id, terminal, meal_date, period, identified_by, identify_reason,
         match_score, liveness, face_check_id, price_cents, subsidy_cents, self_pay_cents, subsidy_category, cashier_id,
         ordered_by, work_order_id, delivery)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17::uuid, $17::uuid IS NOT NULL)
       ON CONFLICT (elder_id, meal_date, period) WHERE subsidy_cents > 0 AND cancelled_at IS NULL DO NOTHING
       RETURNING id`,
      [
        meal.elderId,
        meal.canteenId,
        meal.terminal,
        meal.mealDate,
        meal.period,
        meal.identifiedBy,
        meal.identifyReason,
        meal.matchScore,
        meal.liveness,
        meal.faceCheckId,
        meal.priceCents,
        meal.subsidyCents,
        meal.selfPayCents,
        meal.subsidyCategory,
        meal.cashierId,
        meal.orderedBy,
        meal.workOrderId,
      ],
    );
    return row?.id;
  }

  /** A canteen's meals of a day, latest first: the terminal's list. */
  async mealsOf(canteenId: string, mealDate: string): Promise<MealRecord[]> {
    const rows: (Omit<MealRecord, 'mealDate'> & { mealDate: string })[] = await this.dataSource.query(
      `SELECT t.id, t.elder_id AS "elderId", e.name AS "elderName", t.canteen_id AS "canteenId", t.terminal,
         to_char(t.meal_date, 'YYYY-MM-DD') AS "mealDate", t.period, t.identified_by AS "identifiedBy",
         t.identify_reason AS "identifyReason", t.match_score AS "matchScore", t.liveness, t.face_check_id AS "faceCheckId",
         t.price_cents AS "priceCents",
         t.subsidy_cents AS "subsidyCents", t.self_pay_cents AS "selfPayCents", t.subsidy_category AS "subsidyCategory",
         t.cashier_id AS "cashierId", t.ordered_by AS "orderedBy", t.work_order_id AS "workOrderId",
         t.served_at AS "servedAt"
       FROM meal_transactions t JOIN elders e ON e.id = t.elder_id
       WHERE t.canteen_id = $1 AND t.meal_date = $2 AND t.cancelled_at IS NULL ORDER BY t.served_at DESC, t.id`,
      [canteenId, mealDate],
    );
    return rows;
  }

  /** The family's ordered meal, cancelled or not. */
  async findMealOrder(id: string): Promise<MealOrderRecord | undefined> {
    const [row]: MealOrderRecord[] = await this.dataSource.query(
      `${SELECT_MEAL_ORDERS} WHERE t.id = $1 AND t.ordered_by IS NOT NULL`,
      [id],
    );
    return row;
  }

  /** The elder's ordered meals, the latest meal first. */
  async mealOrdersOf(elderId: string, limit = 100): Promise<MealOrderRecord[]> {
    return this.dataSource.query(
      `${SELECT_MEAL_ORDERS} WHERE t.elder_id = $1 AND t.ordered_by IS NOT NULL ORDER BY t.meal_date DESC, t.period, t.served_at DESC LIMIT $2`,
      [elderId, limit],
    );
  }

  /**
   * The order under its row lock, and its delivery's work order under its own: what a cancellation decides on. The
   * work order is locked first (an order's work order never changes), as the work order's own cancellation does
   * before it cancels the meal order, so the two never wait on each other.
   */
  async lockMealOrder(
    manager: EntityManager,
    id: string,
  ): Promise<
    { cancelledAt: Date | null; workOrderId: string | null; workOrderStatus: WorkOrderStatus | null } | undefined
  > {
    const [delivery]: { status: WorkOrderStatus }[] = await manager.query(
      `SELECT w.status FROM work_orders w JOIN meal_transactions t ON t.work_order_id = w.id
       WHERE t.id = $1 FOR UPDATE OF w`,
      [id],
    );
    const [order]: { cancelledAt: Date | null; workOrderId: string | null }[] = await manager.query(
      `SELECT cancelled_at AS "cancelledAt", work_order_id AS "workOrderId" FROM meal_transactions
       WHERE id = $1 AND ordered_by IS NOT NULL FOR UPDATE`,
      [id],
    );
    if (!order) return undefined;
    return { ...order, workOrderStatus: delivery?.status ?? null };
  }

  async markMealOrderCancelled(manager: EntityManager, id: string, at: Date, by: string): Promise<void> {
    await manager.query('UPDATE meal_transactions SET cancelled_at = $2, cancelled_by = $3 WHERE id = $1', [
      id,
      at,
      by,
    ]);
  }

  /**
   * Cancels the meal order a delivery work order carries, if it has one not cancelled yet: its period's subsidy is
   * free again. Answers the order cancelled.
   */
  async cancelMealOrderOfWorkOrder(
    manager: EntityManager,
    workOrderId: string,
    at: Date,
    by: string,
  ): Promise<{ id: string; elderId: string } | undefined> {
    const [rows]: [{ id: string; elderId: string }[], number] = await manager.query(
      `UPDATE meal_transactions SET cancelled_at = $2, cancelled_by = $3
       WHERE work_order_id = $1 AND cancelled_at IS NULL RETURNING id, elder_id AS "elderId"`,
      [workOrderId, at, by],
    );
    return rows[0];
  }

  /** Enrols (or re-enrols) the elder's face descriptor. */
  async enrolFace(elderId: string, embedding: readonly number[], enrolledBy: string): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO face_enrolments (elder_id, embedding, enrolled_by) VALUES ($1, $2, $3)
       ON CONFLICT (elder_id) DO UPDATE SET embedding = EXCLUDED.embedding, enrolled_by = EXCLUDED.enrolled_by,
         enrolled_at = now()`,
      [elderId, embedding, enrolledBy],
    );
  }

  /** Deletes the elder's face: consent withdrawn. Answers whether there was one. */
  async deleteFace(elderId: string): Promise<boolean> {
    const [, deleted]: [unknown, number] = await this.dataSource.query(
      'DELETE FROM face_enrolments WHERE elder_id = $1',
      [elderId],
    );
    return deleted > 0;
  }

  /** When the elder's face was enrolled, if it is; never the descriptor. */
  async faceEnrolledAt(elderId: string): Promise<Date | undefined> {
    const [row]: { enrolled_at: Date }[] = await this.dataSource.query(
      'SELECT enrolled_at FROM face_enrolments WHERE elder_id = $1',
      [elderId],
    );
    return row?.enrolled_at;
  }

  /** Every enrolled face of the city, for matching at a terminal. */
  async enrolledFaces(): Promise<{ elderId: string; embedding: number[] }[]> {
    return this.dataSource.query('SELECT elder_id AS "elderId", embedding FROM face_enrolments');
  }

  /** Records a face check; answers its id. */
  async recordFaceCheck(check: NewFaceCheck): Promise<string> {
    const [row]: { id: string }[] = await this.dataSource.query(
      `INSERT INTO face_checks (canteen_id, cashier_id, elder_id, match_score, liveness, liveness_score)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
      [check.canteenId, check.cashierId, check.elderId, check.matchScore, check.liveness, check.livenessScore],
    );
    return row.id;
  }

  async findFaceCheck(id: string): Promise<FaceCheckRecord | undefined> {
    const [row]: FaceCheckRecord[] = await this.dataSource.query(
      `SELECT c.id, c.canteen_id AS "canteenId", c.cashier_id AS "cashierId", c.elder_id AS "elderId",
         c.match_score AS "matchScore", c.liveness, c.liveness_score AS "livenessScore", c.checked_at AS "checkedAt",
         EXISTS (SELECT 1 FROM meal_transactions t WHERE t.face_check_id = c.id) AS used
       FROM face_checks c WHERE c.id = $1`,
      [id],
    );
    return row;
  }
}
