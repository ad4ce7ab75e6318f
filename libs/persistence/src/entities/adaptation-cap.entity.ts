import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { UserEntity } from './user.entity';

/** The bureau's subsidy cap for a household of one elder category, in yuan. */
@Entity({ name: 'adaptation_caps' })
@Check('adaptation_caps_cap_yuan_check', `cap_yuan BETWEEN 0 AND 100000`)
export class AdaptationCapEntity {
  @PrimaryColumn({ type: 'text' })
  category: string;

  @Column({ name: 'cap_yuan', type: 'integer' })
  capYuan: number;

  @Column({ name: 'set_by', type: 'uuid', nullable: true })
  setBy: string | null;

  @ManyToOne(() => UserEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'set_by', foreignKeyConstraintName: 'adaptation_caps_set_by_fkey' })
  setter?: UserEntity | null;

  @Column({ name: 'set_at', type: 'timestamptz', default: () => 'now()' })
  setAt: Date;
}
