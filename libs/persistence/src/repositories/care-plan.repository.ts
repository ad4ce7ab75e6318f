import type { EntitlementRule, ProviderDirectory, ServiceCode } from '@eldercare/domain';
import type { DataSource } from 'typeorm';

export interface CarePlanLineRecord {
  id: string;
  elderId: string;
  service: ServiceCode;
  provider: { id: string; name: string };
  weekdays: number[];
  times: string[];
  minutes: number | null;
  startsOn: string;
  endsOn: string | null;
}

export interface ProviderRecord {
  id: string;
  name: string;
  phone: string;
  /** Only when the directory it was read from shows caregivers. */
  caregivers?: { id: string; displayName: string }[];
}

interface LineRow {
  id: string;
  elder_id: string;
  service: ServiceCode;
  provider_id: string;
  provider_name: string;
  weekdays: number[];
  times: string[];
  minutes: number | null;
  starts_on: string;
  ends_on: string | null;
}

const SELECT_LINES = `
  SELECT l.id, l.elder_id, l.service, l.provider_id, p.name AS provider_name, l.weekdays, l.times, l.minutes,
    to_char(l.starts_on, 'YYYY-MM-DD') AS starts_on, to_char(l.ends_on, 'YYYY-MM-DD') AS ends_on
  FROM care_plan_lines l JOIN providers p ON p.id = l.provider_id`;

const toLine = (row: LineRow): CarePlanLineRecord => ({
  id: row.id,
  elderId: row.elder_id,
  service: row.service,
  provider: { id: row.provider_id, name: row.provider_name },
  weekdays: row.weekdays,
  times: row.times,
  minutes: row.minutes,
  startsOn: row.starts_on,
  endsOn: row.ends_on,
});

/** The providers a directory opens, as a condition on `providers p`. */
function whereOfDirectory(directory: ProviderDirectory): { where: string; params: unknown[] } {
  switch (directory.kind) {
    case 'all':
      return { where: 'true', params: [] };
    case 'own':
      return { where: 'p.id = $1', params: [directory.providerId] };
    case 'serving-elders':
      return {
        where: `p.id IN (SELECT provider_id FROM care_plan_lines WHERE elder_id = ANY($1::uuid[])
                         UNION SELECT provider_id FROM work_orders WHERE elder_id = ANY($1::uuid[]))`,
        params: [directory.elderIds],
      };
  }
}

/** Care plans, the providers that deliver them, and what each category is owed. */
export class CarePlanRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The providers `directory` opens, by name, with their active caregivers only where it says so. */
  async providers(directory: ProviderDirectory): Promise<ProviderRecord[]> {
    const which = whereOfDirectory(directory);
    const caregivers = `COALESCE((SELECT json_agg(json_build_object('id', u.id, 'displayName', u.display_name) ORDER BY u.display_name)
                   FROM users u WHERE u.provider_id = p.id AND u.role = 'caregiver' AND u.disabled_at IS NULL), '[]') AS caregivers`;
    const rows: ProviderRecord[] = await this.dataSource.query(
      `SELECT p.id, p.name, p.phone${directory.withCaregivers ? `, ${caregivers}` : ''}
       FROM providers p WHERE ${which.where} ORDER BY p.name`,
      which.params,
    );
    return rows;
  }

  /** True when the user is an active caregiver of the provider. */
  async isCaregiverOf(providerId: string, userId: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM users WHERE id = $1 AND provider_id = $2 AND role = 'caregiver' AND disabled_at IS NULL`,
      [userId, providerId],
    );
    return rows.length > 0;
  }

  async providerExists(id: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query('SELECT 1 FROM providers WHERE id = $1', [id]);
    return rows.length > 0;
  }

  async insertProvider(provider: { name: string; phone?: string; address?: string }): Promise<string> {
    const [{ id }]: { id: string }[] = await this.dataSource.query(
      'INSERT INTO providers (name, phone, address) VALUES ($1, $2, $3) RETURNING id',
      [provider.name, provider.phone ?? '', provider.address ?? ''],
    );
    return id;
  }

  async linesOf(elderId: string): Promise<CarePlanLineRecord[]> {
    const rows: LineRow[] = await this.dataSource.query(
      `${SELECT_LINES} WHERE l.elder_id = $1 ORDER BY l.starts_on, l.service, l.id`,
      [elderId],
    );
    return rows.map(toLine);
  }

  /** Lines running on any day of `[from, to]` (`YYYY-MM-DD`), for the work-order generator. */
  async linesRunningBetween(from: string, to: string): Promise<CarePlanLineRecord[]> {
    const rows: LineRow[] = await this.dataSource.query(
      `${SELECT_LINES} WHERE l.starts_on <= $2 AND (l.ends_on IS NULL OR l.ends_on >= $1) ORDER BY l.id`,
      [from, to],
    );
    return rows.map(toLine);
  }

  async insertLine(
    line: Omit<CarePlanLineRecord, 'id' | 'provider'> & { providerId: string; createdBy: string },
  ): Promise<string> {
    const [{ id }]: { id: string }[] = await this.dataSource.query(
      `INSERT INTO care_plan_lines (elder_id, provider_id, service, weekdays, times, minutes, starts_on, ends_on, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [
        line.elderId,
        line.providerId,
        line.service,
        line.weekdays,
        line.times,
        line.minutes,
        line.startsOn,
        line.endsOn,
        line.createdBy,
      ],
    );
    return id;
  }

  /** Ends a line on `endsOn` (kept for the record) and cancels its orders after that day that nobody has started. */
  async endLine(elderId: string, lineId: string, endsOn: string, cancelFrom: Date): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const [, ended]: [unknown, number] = await manager.query(
        `UPDATE care_plan_lines SET ends_on = GREATEST(starts_on, $3::date) WHERE id = $2 AND elder_id = $1`,
        [elderId, lineId, endsOn],
      );
      if (ended === 0) return false;
      await manager.query(
        `UPDATE work_orders SET status = 'cancelled', cancelled_at = now(), cancel_reason = 'plan-changed'
         WHERE plan_line_id = $1 AND starts_at >= $2 AND status IN ('created', 'assigned', 'accepted')`,
        [lineId, cancelFrom],
      );
      return true;
    });
  }

  async entitlementRules(): Promise<EntitlementRule[]> {
    const rows: { category: string; service: ServiceCode; per_month: string }[] = await this.dataSource.query(
      'SELECT category, service, per_month FROM entitlement_rules ORDER BY category, service',
    );
    return rows.map((row) => ({ category: row.category, service: row.service, perMonth: Number(row.per_month) }));
  }

  async replaceEntitlementRules(rules: readonly EntitlementRule[]): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query('DELETE FROM entitlement_rules');
      await manager.query(
        'INSERT INTO entitlement_rules (category, service, per_month) SELECT unnest($1::text[]), unnest($2::text[]), unnest($3::numeric[])',
        [rules.map((rule) => rule.category), rules.map((rule) => rule.service), rules.map((rule) => rule.perMonth)],
      );
    });
  }
}
