import type { CareNeedLevel } from '@eldercare/domain';
import type { DeviceType } from '@eldercare/protocol';
import type { DataSource } from 'typeorm';

export interface CareBedRow {
  elderId: string;
  careLevel: CareNeedLevel;
  assessedOn: string;
  startsOn: string;
  adaptationCase: { id: string; stage: string } | null;
  openedBy: string;
  openedAt: Date;
}

interface Row {
  elder_id: string;
  care_level: CareNeedLevel;
  assessed_on: string;
  starts_on: string;
  adaptation_case_id: string | null;
  adaptation_stage: string | null;
  opened_by: string;
  opened_at: Date;
}

/** Care beds at home: the record itself; its devices come from the registry, its package from the care plan. */
export class CareBedRepository {
  constructor(private readonly dataSource: DataSource) {}

  async careBedOf(elderId: string): Promise<CareBedRow | undefined> {
    const [row]: Row[] = await this.dataSource.query(
      `SELECT b.elder_id, b.care_level, to_char(b.assessed_on, 'YYYY-MM-DD') AS assessed_on,
              to_char(b.starts_on, 'YYYY-MM-DD') AS starts_on, b.adaptation_case_id, c.stage AS adaptation_stage,
              b.opened_by, b.opened_at
       FROM care_beds b LEFT JOIN adaptation_cases c ON c.id = b.adaptation_case_id
       WHERE b.elder_id = $1`,
      [elderId],
    );
    if (!row) return undefined;
    return {
      elderId: row.elder_id,
      careLevel: row.care_level,
      assessedOn: row.assessed_on,
      startsOn: row.starts_on,
      adaptationCase: row.adaptation_case_id ? { id: row.adaptation_case_id, stage: row.adaptation_stage! } : null,
      openedBy: row.opened_by,
      openedAt: row.opened_at,
    };
  }

  /** The types of the elder's active devices, and whether `adaptationCaseId` (if any) is one of the elder's cases. */
  async factsOf(
    elderId: string,
    adaptationCaseId: string | null,
  ): Promise<{ deviceTypes: DeviceType[]; caseIsTheElders: boolean }> {
    const [row]: { device_types: DeviceType[]; case_is_the_elders: boolean }[] = await this.dataSource.query(
      `SELECT ARRAY(SELECT type FROM devices WHERE elder_id = $1 AND status = 'active') AS device_types,
              EXISTS (SELECT 1 FROM adaptation_cases WHERE id = $2 AND elder_id = $1) AS case_is_the_elders`,
      [elderId, adaptationCaseId],
    );
    return { deviceTypes: row.device_types, caseIsTheElders: row.case_is_the_elders };
  }

  /** The elder's active devices, id and type. */
  async devicesOf(elderId: string): Promise<{ id: string; type: DeviceType }[]> {
    return this.dataSource.query(
      `SELECT id, type FROM devices WHERE elder_id = $1 AND status = 'active' ORDER BY type, id`,
      [elderId],
    );
  }

  /** Opens the care bed; false when the elder already has one (a concurrent opening included). */
  async open(bed: {
    elderId: string;
    careLevel: CareNeedLevel;
    assessedOn: string;
    adaptationCaseId: string | null;
    startsOn: string;
    openedBy: string;
  }): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `INSERT INTO care_beds (elder_id, care_level, assessed_on, adaptation_case_id, starts_on, opened_by)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (elder_id) DO NOTHING RETURNING elder_id`,
      [bed.elderId, bed.careLevel, bed.assessedOn, bed.adaptationCaseId, bed.startsOn, bed.openedBy],
    );
    return rows.length === 1;
  }
}
