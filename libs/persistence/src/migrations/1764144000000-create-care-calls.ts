import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateCareCalls1764144000000 implements MigrationInterface {
  name = 'CreateCareCalls1764144000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // An unanswered care call raises an alert that no device raised.
    await queryRunner.query(`ALTER TABLE alerts ALTER COLUMN device_id DROP NOT NULL`);

    await queryRunner.query(`
      CREATE TABLE care_calls (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        elder_id uuid NOT NULL,
        called_at timestamptz NOT NULL DEFAULT now(),
        called_by uuid NOT NULL,
        outcome text NOT NULL,
        note text NOT NULL DEFAULT '',
        alert_id uuid,
        CONSTRAINT care_calls_outcome_check CHECK (outcome IN ('answered-well', 'answered-needs-help', 'no-answer', 'wrong-number')),
        CONSTRAINT care_calls_elder_id_fkey FOREIGN KEY (elder_id) REFERENCES elders (id) ON DELETE CASCADE,
        CONSTRAINT care_calls_called_by_fkey FOREIGN KEY (called_by) REFERENCES users (id) ON DELETE RESTRICT,
        CONSTRAINT care_calls_alert_id_fkey FOREIGN KEY (alert_id) REFERENCES alerts (id) ON DELETE SET NULL
      )`);
    await queryRunner.query(`CREATE INDEX care_calls_elder_called_idx ON care_calls (elder_id, called_at)`);
    await queryRunner.query(`CREATE INDEX care_calls_called_at_idx ON care_calls (called_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE care_calls`);
    await queryRunner.query(`ALTER TABLE alerts ALTER COLUMN device_id SET NOT NULL`);
  }
}
