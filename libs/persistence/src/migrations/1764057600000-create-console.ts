import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateConsole1764057600000 implements MigrationInterface {
  name = 'CreateConsole1764057600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // The elder's record as the dispatch centre works with it.
    await queryRunner.query(`
      ALTER TABLE elders
        ADD id_number text,
        ADD phone text,
        ADD key_safe_code text,
        ADD medical_notes text NOT NULL DEFAULT '',
        ADD emergency_contacts jsonb NOT NULL DEFAULT '[]',
        ADD home_lat double precision,
        ADD home_lon double precision`);

    await queryRunner.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        username text NOT NULL,
        display_name text NOT NULL,
        password_hash text NOT NULL,
        role text NOT NULL,
        provider_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        disabled_at timestamptz,
        CONSTRAINT users_username_check CHECK (username ~ '^[a-z0-9][a-z0-9_.-]{1,63}$'),
        CONSTRAINT users_role_check CHECK (role IN ('operator', 'supervisor', 'provider_admin', 'caregiver', 'family', 'bureau', 'admin'))
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX users_username_key ON users (username)`);
    await queryRunner.query(`
      CREATE TABLE user_regions (
        user_id uuid NOT NULL,
        region_id uuid NOT NULL,
        CONSTRAINT user_regions_pkey PRIMARY KEY (user_id, region_id),
        CONSTRAINT user_regions_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
        CONSTRAINT user_regions_region_id_fkey FOREIGN KEY (region_id) REFERENCES regions (id) ON DELETE CASCADE
      )`);
    await queryRunner.query(`
      CREATE TABLE user_elders (
        user_id uuid NOT NULL,
        elder_id uuid NOT NULL,
        relation text NOT NULL DEFAULT '',
        CONSTRAINT user_elders_pkey PRIMARY KEY (user_id, elder_id),
        CONSTRAINT user_elders_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
        CONSTRAINT user_elders_elder_id_fkey FOREIGN KEY (elder_id) REFERENCES elders (id) ON DELETE CASCADE
      )`);
    // Only the SHA-256 of a session token is kept: a leaked table opens no session.
    await queryRunner.query(`
      CREATE TABLE user_sessions (
        token_hash text PRIMARY KEY,
        user_id uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        CONSTRAINT user_sessions_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
      )`);
    await queryRunner.query(`CREATE INDEX user_sessions_user_id_idx ON user_sessions (user_id)`);

    // Who read or changed what, when. Never updated or deleted by the platform.
    await queryRunner.query(`
      CREATE TABLE audit_log (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        user_id uuid NOT NULL,
        action text NOT NULL,
        elder_id uuid,
        subject text NOT NULL,
        detail jsonb NOT NULL DEFAULT '{}',
        CONSTRAINT audit_log_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE RESTRICT,
        CONSTRAINT audit_log_elder_id_fkey FOREIGN KEY (elder_id) REFERENCES elders (id) ON DELETE RESTRICT
      )`);
    await queryRunner.query(`CREATE INDEX audit_log_elder_at_idx ON audit_log (elder_id, at)`);
    await queryRunner.query(`CREATE INDEX audit_log_at_idx ON audit_log (at)`);

    // Every change of an alert takes the next number, so a console that was away asks for what came after the
    // last it saw. A trigger, so that no code path can change an alert without it.
    await queryRunner.query(`ALTER TABLE alerts ADD seq bigserial NOT NULL`);
    await queryRunner.query(`CREATE INDEX alerts_seq_idx ON alerts (seq)`);
    await queryRunner.query(`
      CREATE FUNCTION alerts_next_seq() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.seq := nextval('alerts_seq_seq');
        RETURN NEW;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER alerts_next_seq BEFORE UPDATE ON alerts FOR EACH ROW EXECUTE FUNCTION alerts_next_seq()`,
    );

    await queryRunner.query(`
      CREATE TABLE alert_escalations (
        alert_id uuid NOT NULL,
        step text NOT NULL,
        escalated_at timestamptz NOT NULL,
        CONSTRAINT alert_escalations_pkey PRIMARY KEY (alert_id, step),
        CONSTRAINT alert_escalations_step_check CHECK (step IN ('re-notify', 'supervisors')),
        CONSTRAINT alert_escalations_alert_id_fkey FOREIGN KEY (alert_id) REFERENCES alerts (id) ON DELETE CASCADE
      )`);
    await queryRunner.query(`
      CREATE TABLE alert_calls (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        alert_id uuid NOT NULL,
        called_at timestamptz NOT NULL DEFAULT now(),
        called_by uuid NOT NULL,
        callee text NOT NULL,
        phone text NOT NULL,
        answered boolean NOT NULL,
        note text NOT NULL DEFAULT '',
        CONSTRAINT alert_calls_alert_id_fkey FOREIGN KEY (alert_id) REFERENCES alerts (id) ON DELETE CASCADE,
        CONSTRAINT alert_calls_called_by_fkey FOREIGN KEY (called_by) REFERENCES users (id) ON DELETE RESTRICT
      )`);
    await queryRunner.query(`CREATE INDEX alert_calls_alert_id_idx ON alert_calls (alert_id)`);
    await queryRunner.query(`
      CREATE TABLE alert_dispatches (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        alert_id uuid NOT NULL,
        dispatched_at timestamptz NOT NULL DEFAULT now(),
        dispatched_by uuid NOT NULL,
        kind text NOT NULL,
        sent_to text NOT NULL,
        note text NOT NULL DEFAULT '',
        CONSTRAINT alert_dispatches_kind_check CHECK (kind IN ('responder', 'caregiver', 'family', 'ambulance')),
        CONSTRAINT alert_dispatches_alert_id_fkey FOREIGN KEY (alert_id) REFERENCES alerts (id) ON DELETE CASCADE,
        CONSTRAINT alert_dispatches_dispatched_by_fkey FOREIGN KEY (dispatched_by) REFERENCES users (id) ON DELETE RESTRICT
      )`);
    await queryRunner.query(`CREATE INDEX alert_dispatches_alert_id_idx ON alert_dispatches (alert_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `DROP TABLE alert_dispatches, alert_calls, alert_escalations, audit_log, user_sessions, user_elders, user_regions, users`,
    );
    await queryRunner.query(`DROP TRIGGER alerts_next_seq ON alerts`);
    await queryRunner.query(`DROP FUNCTION alerts_next_seq()`);
    await queryRunner.query(`ALTER TABLE alerts DROP COLUMN seq`);
    await queryRunner.query(
      `ALTER TABLE elders DROP COLUMN id_number, DROP COLUMN phone, DROP COLUMN key_safe_code, DROP COLUMN medical_notes, DROP COLUMN emergency_contacts, DROP COLUMN home_lat, DROP COLUMN home_lon`,
    );
  }
}
