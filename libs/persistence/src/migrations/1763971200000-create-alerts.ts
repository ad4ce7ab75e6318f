import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateAlerts1763971200000 implements MigrationInterface {
  name = 'CreateAlerts1763971200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE elders ADD rule_settings jsonb NOT NULL DEFAULT '{}'`);

    await queryRunner.query(`
      CREATE TABLE elder_absences (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        elder_id uuid NOT NULL REFERENCES elders (id) ON DELETE CASCADE,
        reason text NOT NULL CHECK (reason IN ('away', 'hospital')),
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        recorded_by text NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT elder_absences_period_check CHECK (ends_at > starts_at)
      )`);
    await queryRunner.query(`CREATE INDEX elder_absences_elder_idx ON elder_absences (elder_id, ends_at)`);

    await queryRunner.query(`
      CREATE TABLE device_rule_states (
        device_id text PRIMARY KEY REFERENCES devices (id) ON DELETE CASCADE,
        state jsonb NOT NULL DEFAULT '{}',
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);

    await queryRunner.query(`
      CREATE TABLE alerts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        elder_id uuid NOT NULL REFERENCES elders (id) ON DELETE RESTRICT,
        device_id text NOT NULL REFERENCES devices (id) ON DELETE RESTRICT,
        rule text NOT NULL,
        severity text NOT NULL CHECK (severity IN ('critical', 'urgent', 'check-on', 'notice', 'maintenance')),
        status text NOT NULL CHECK (status IN ('raised', 'acknowledged', 'resolved', 'cancelled-by-elder')),
        trigger_count integer NOT NULL DEFAULT 1,
        evidence jsonb NOT NULL,
        source_msg_id text,
        device_time timestamptz NOT NULL,
        received_at timestamptz NOT NULL,
        stored_at timestamptz NOT NULL,
        raised_at timestamptz NOT NULL,
        first_shown_at timestamptz,
        acknowledged_at timestamptz,
        acknowledged_by text,
        resolved_at timestamptz,
        outcome text,
        reason text,
        cancelled_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // One open alert per elder and rule: repeated triggers merge into it.
    await queryRunner.query(
      `CREATE UNIQUE INDEX alerts_open_per_elder_rule_key ON alerts (elder_id, rule) WHERE status IN ('raised', 'acknowledged')`,
    );
    await queryRunner.query(`CREATE INDEX alerts_status_raised_idx ON alerts (status, raised_at)`);

    // Each device event or timer firing counts once per rule, however often its job is delivered.
    await queryRunner.query(`
      CREATE TABLE alert_triggers (
        trigger_key text NOT NULL,
        rule text NOT NULL,
        alert_id uuid NOT NULL REFERENCES alerts (id) ON DELETE CASCADE,
        occurred_at timestamptz NOT NULL,
        evidence jsonb NOT NULL,
        PRIMARY KEY (trigger_key, rule)
      )`);
    await queryRunner.query(`CREATE INDEX alert_triggers_alert_idx ON alert_triggers (alert_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE alert_triggers');
    await queryRunner.query('DROP TABLE alerts');
    await queryRunner.query('DROP TABLE device_rule_states');
    await queryRunner.query('DROP TABLE elder_absences');
    await queryRunner.query('ALTER TABLE elders DROP COLUMN rule_settings');
  }
}
