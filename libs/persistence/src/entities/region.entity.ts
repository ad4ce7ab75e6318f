import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';

export type RegionLevel = 'district' | 'street' | 'community';

/** One node of the three-level network: 区 > 镇/街道 > 村/社区. */
@Entity({ name: 'regions' })
@Check('regions_level_check', `level IN ('district', 'street', 'community')`)
export class RegionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Administrative division code, unique nationally. */
  @Index('regions_code_key', { unique: true })
  @Column({ type: 'text' })
  code: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  level: RegionLevel;

  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId: string | null;

  @ManyToOne(() => RegionEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_id', foreignKeyConstraintName: 'regions_parent_id_fkey' })
  parent?: Relation<RegionEntity> | null;

  /** The boundary as a GeoJSON Polygon or MultiPolygon geometry, once imported. */
  @Column({ type: 'jsonb', nullable: true })
  outline: RegionOutline | null;
}

/** A GeoJSON Polygon or MultiPolygon geometry, `[lon, lat]` positions. */
export type RegionOutline =
  { type: 'Polygon'; coordinates: number[][][] } | { type: 'MultiPolygon'; coordinates: number[][][][] };
