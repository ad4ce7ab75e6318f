import { Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { RegionEntity } from './region.entity';
import { UserEntity } from './user.entity';

/** A region an operator or supervisor watches, with everything below it. */
@Entity({ name: 'user_regions' })
export class UserRegionEntity {
  @PrimaryColumn({ name: 'user_id', type: 'uuid', primaryKeyConstraintName: 'user_regions_pkey' })
  userId: string;

  @PrimaryColumn({ name: 'region_id', type: 'uuid', primaryKeyConstraintName: 'user_regions_pkey' })
  regionId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'user_regions_user_id_fkey' })
  user?: UserEntity;

  @ManyToOne(() => RegionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'region_id', foreignKeyConstraintName: 'user_regions_region_id_fkey' })
  region?: RegionEntity;
}
