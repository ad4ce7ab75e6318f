import type { AccessScope } from '@eldercare/domain';
import type { DataSource } from 'typeorm';
import type { RegionLevel } from '../entities/region.entity';

export interface RegionRecord {
  id: string;
  code: string;
  name: string;
  level: RegionLevel;
  parentId: string | null;
}

/** The three-level network: 区 > 镇/街道 > 村/社区. */
export class RegionRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The regions a scope watches and everything below them, parents before children. */
  async findInScope(scope: AccessScope): Promise<RegionRecord[]> {
    if (scope.kind === 'elders' || scope.kind === 'provider' || scope.kind === 'volunteer') return [];
    const roots = scope.kind === 'city' ? null : scope.regionIds;
    const rows: { id: string; code: string; name: string; level: RegionLevel; parent_id: string | null }[] =
      await this.dataSource.query(
        `WITH RECURSIVE visible AS (
         SELECT r.* FROM regions r WHERE CASE WHEN $1::uuid[] IS NULL THEN r.parent_id IS NULL ELSE r.id = ANY($1::uuid[]) END
         UNION
         SELECT r.* FROM regions r JOIN visible v ON r.parent_id = v.id
       )
       SELECT id, code, name, level, parent_id FROM visible
       ORDER BY array_position(ARRAY['district', 'street', 'community'], level), code`,
        [roots],
      );
    return rows.map((row) => ({
      id: row.id,
      code: row.code,
      name: row.name,
      level: row.level,
      parentId: row.parent_id,
    }));
  }
}
