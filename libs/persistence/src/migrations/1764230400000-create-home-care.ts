import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateHomeCare1764230400000 implements MigrationInterface {
  name = 'CreateHomeCare1764230400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE providers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        phone text NOT NULL DEFAULT '',
        address text NOT NULL DEFAULT '',
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX providers_name_key ON providers (name)`);
    await queryRunner.query(
      `ALTER TABLE users ADD CONSTRAINT users_provider_id_fkey FOREIGN KEY (provider_id) REFERENCES providers (id) ON DELETE RESTRICT`,
    );

    // What each category is owed per month; the bureau changes it. A starting point after published municipal
    // packages: personal care and meals for disabled and extreme-poverty elders, look-ins for those living alone.
    await queryRunner.query(`
      CREATE TABLE entitlement_rules (
        category text NOT NULL,
        service text NOT NULL,
        per_month numeric(8, 2) NOT NULL,
        CONSTRAINT entitlement_rules_pkey PRIMARY KEY (category, service),
        CONSTRAINT entitlement_rules_per_month_check CHECK (per_month >= 0)
      )`);
    await queryRunner.query(`
      INSERT INTO entitlement_rules (category, service, per_month) VALUES
        ('disabled', 'personal-care', 30), ('disabled', 'bathing', 8), ('semi_disabled', 'personal-care', 15),
        ('semi_disabled', 'bathing', 4), ('extreme_poverty', 'meal-delivery', 30), ('extreme_poverty', 'cleaning', 4),
        ('minimum_allowance', 'meal-canteen', 22), ('living_alone', 'look-in', 5), ('living_alone', 'cleaning', 2),
        ('advanced_age', 'scheduled-visit', 2), ('dementia', 'companionship', 8), ('severe_disability', 'rehab', 8)`);

    await queryRunner.query(`
      CREATE TABLE care_plan_lines (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        elder_id uuid NOT NULL,
        provider_id uuid NOT NULL,
        service text NOT NULL,
        weekdays smallint[] NOT NULL,
        times text[] NOT NULL,
        minutes integer,
        starts_on date NOT NULL,
        ends_on date,
        created_by uuid NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT care_plan_lines_period_check CHECK (ends_on IS NULL OR ends_on >= starts_on),
        CONSTRAINT care_plan_lines_elder_id_fkey FOREIGN KEY (elder_id) REFERENCES elders (id) ON DELETE CASCADE,
        CONSTRAINT care_plan_lines_provider_id_fkey FOREIGN KEY (provider_id) REFERENCES providers (id) ON DELETE RESTRICT,
        CONSTRAINT care_plan_lines_created_by_fkey FOREIGN KEY (created_by) REFERENCES users (id) ON DELETE RESTRICT
      )`);
    await queryRunner.query(`CREATE INDEX care_plan_lines_elder_id_idx ON care_plan_lines (elder_id)`);
    await queryRunner.query(`CREATE INDEX care_plan_lines_provider_id_idx ON care_plan_lines (provider_id)`);

    await queryRunner.query(`
      CREATE TABLE work_orders (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        visit_key text,
        plan_line_id uuid,
        source_alert_id uuid,
        elder_id uuid NOT NULL,
        provider_id uuid NOT NULL,
        service text NOT NULL,
        starts_at timestamptz NOT NULL,
        minutes integer NOT NULL,
        quantity numeric(8, 2) NOT NULL,
        status text NOT NULL DEFAULT 'created',
        caregiver_id uuid,
        assigned_at timestamptz,
        accepted_at timestamptz,
        checked_in_at timestamptz,
        check_in_position jsonb,
        checked_out_at timestamptz,
        check_out_position jsonb,
        far_from_home boolean NOT NULL DEFAULT false,
        note text NOT NULL DEFAULT '',
        confirmed_by text,
        missed_at timestamptz,
        missed_alert_id uuid,
        cancelled_at timestamptz,
        cancel_reason text,
        created_at timestamptz NOT NULL DEFAULT now(),
        seq bigserial NOT NULL,
        CONSTRAINT work_orders_status_check CHECK (status IN ('created', 'assigned', 'accepted', 'checked-in', 'checked-out', 'missed', 'cancelled')),
        CONSTRAINT work_orders_confirmed_by_check CHECK (confirmed_by IS NULL OR confirmed_by IN ('elder', 'family')),
        CONSTRAINT work_orders_elder_id_fkey FOREIGN KEY (elder_id) REFERENCES elders (id) ON DELETE CASCADE,
        CONSTRAINT work_orders_provider_id_fkey FOREIGN KEY (provider_id) REFERENCES providers (id) ON DELETE RESTRICT,
        CONSTRAINT work_orders_plan_line_id_fkey FOREIGN KEY (plan_line_id) REFERENCES care_plan_lines (id) ON DELETE SET NULL,
        CONSTRAINT work_orders_source_alert_id_fkey FOREIGN KEY (source_alert_id) REFERENCES alerts (id) ON DELETE SET NULL,
        CONSTRAINT work_orders_missed_alert_id_fkey FOREIGN KEY (missed_alert_id) REFERENCES alerts (id) ON DELETE SET NULL,
        CONSTRAINT work_orders_caregiver_id_fkey FOREIGN KEY (caregiver_id) REFERENCES users (id) ON DELETE RESTRICT
      )`);
    // A plan's visit becomes one order however often the generator runs: its key is plan line, date and time.
    await queryRunner.query(`CREATE UNIQUE INDEX work_orders_visit_key_key ON work_orders (visit_key)`);
    await queryRunner.query(`CREATE INDEX work_orders_starts_at_idx ON work_orders (starts_at)`);
    await queryRunner.query(`CREATE INDEX work_orders_elder_starts_idx ON work_orders (elder_id, starts_at)`);
    await queryRunner.query(`CREATE INDEX work_orders_provider_starts_idx ON work_orders (provider_id, starts_at)`);
    await queryRunner.query(`CREATE INDEX work_orders_caregiver_starts_idx ON work_orders (caregiver_id, starts_at)`);
    await queryRunner.query(
      `CREATE INDEX work_orders_open_idx ON work_orders (starts_at) WHERE status IN ('created', 'assigned', 'accepted')`,
    );
    await queryRunner.query(`CREATE INDEX work_orders_seq_idx ON work_orders (seq)`);
    await queryRunner.query(`
      CREATE FUNCTION work_orders_next_seq() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.seq := nextval('work_orders_seq_seq');
        RETURN NEW;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER work_orders_next_seq BEFORE UPDATE ON work_orders FOR EACH ROW EXECUTE FUNCTION work_orders_next_seq()`,
    );

    await queryRunner.query(`
      CREATE TABLE visit_ratings (
        work_order_id uuid PRIMARY KEY,
        user_id uuid NOT NULL,
        stars smallint NOT NULL,
        comment text NOT NULL DEFAULT '',
        rated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT visit_ratings_stars_check CHECK (stars BETWEEN 1 AND 5),
        CONSTRAINT visit_ratings_work_order_id_fkey FOREIGN KEY (work_order_id) REFERENCES work_orders (id) ON DELETE CASCADE,
        CONSTRAINT visit_ratings_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE RESTRICT
      )`);
    await queryRunner.query(`
      CREATE TABLE complaints (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        elder_id uuid NOT NULL,
        provider_id uuid,
        work_order_id uuid,
        user_id uuid NOT NULL,
        text text NOT NULL,
        filed_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT complaints_elder_id_fkey FOREIGN KEY (elder_id) REFERENCES elders (id) ON DELETE CASCADE,
        CONSTRAINT complaints_provider_id_fkey FOREIGN KEY (provider_id) REFERENCES providers (id) ON DELETE RESTRICT,
        CONSTRAINT complaints_work_order_id_fkey FOREIGN KEY (work_order_id) REFERENCES work_orders (id) ON DELETE SET NULL,
        CONSTRAINT complaints_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE RESTRICT
      )`);
    await queryRunner.query(`CREATE INDEX complaints_provider_filed_idx ON complaints (provider_id, filed_at)`);
    await queryRunner.query(`CREATE INDEX complaints_elder_id_idx ON complaints (elder_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE complaints, visit_ratings`);
    await queryRunner.query(`DROP TABLE work_orders`);
    await queryRunner.query(`DROP FUNCTION work_orders_next_seq()`);
    await queryRunner.query(`DROP TABLE care_plan_lines, entitlement_rules`);
    await queryRunner.query(`ALTER TABLE users DROP CONSTRAINT users_provider_id_fkey`);
    await queryRunner.query(`DROP TABLE providers`);
  }
}
