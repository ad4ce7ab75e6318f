import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { DeviceEntity } from './device.entity';

/** What the rules remember about one device (the timers they want included), updated under a row lock. */
@Entity({ name: 'device_rule_states' })
export class DeviceRuleStateEntity {
  @PrimaryColumn({ name: 'device_id', type: 'text' })
  deviceId: string;

  @OneToOne(() => DeviceEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'device_id', foreignKeyConstraintName: 'device_rule_states_device_id_fkey' })
  device?: DeviceEntity;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  state: Record<string, unknown>;

  @Column({ name: 'updated_at', type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;
}
