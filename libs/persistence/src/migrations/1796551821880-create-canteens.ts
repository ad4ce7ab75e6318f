import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Community canteens (助餐): canteens of a provider in a community with their meal periods and set-meal price, the
 * bureau's meal subsidies per category from a date, the canteens' cashiers, and every meal served. One subsidised
 * meal per elder per meal period across the city is a unique index over the subsidised meals, so two terminals
 * serving the same elder at once cannot both subsidise.
 */
export class CreateCanteens1796551821880 implements MigrationInterface {
  name = 'CreateCanteens1796551821880';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE users DROP CONSTRAINT users_role_check,
        ADD CONSTRAINT users_role_check
          CHECK (role IN ('operator', 'supervisor', 'provider_admin', 'caregiver', 'family', 'bureau', 'admin', 'volunteer', 'cashier'))`);
    await queryRunner.query(`
      CREATE TABLE canteens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        provider_id uuid NOT NULL,
        community_id uuid NOT NULL,
        price_cents integer NOT NULL,
        periods jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT canteens_price_check CHECK (price_cents >= 0),
        CONSTRAINT canteens_provider_id_fkey FOREIGN KEY (provider_id) REFERENCES providers (id) ON DELETE RESTRICT,
        CONSTRAINT canteens_community_id_fkey FOREIGN KEY (community_id) REFERENCES regions (id) ON DELETE RESTRICT
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX canteens_name_key ON canteens (name)`);
    await queryRunner.query(`CREATE INDEX canteens_provider_id_idx ON canteens (provider_id)`);

    await queryRunner.query(`
      CREATE TABLE meal_subsidy_rules (
        category text NOT NULL,
        effective_from date NOT NULL,
        subsidy_cents integer NOT NULL,
        set_by uuid,
        set_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT meal_subsidy_rules_pkey PRIMARY KEY (category, effective_from),
        CONSTRAINT meal_subsidy_rules_subsidy_check CHECK (subsidy_cents >= 0),
        CONSTRAINT meal_subsidy_rules_set_by_fkey FOREIGN KEY (set_by) REFERENCES users (id) ON DELETE RESTRICT
      )`);
    // A starting point after Nanchang's canteens: a 15-yuan set meal costs 特困 and 低保 elders 1 yuan, those 65 and
    // over 10. The bureau changes it from a date on.
    await queryRunner.query(`
      INSERT INTO meal_subsidy_rules (category, effective_from, subsidy_cents) VALUES
        ('extreme_poverty', '2026-01-01', 1400), ('minimum_allowance', '2026-01-01', 1400), ('aged_65', '2026-01-01', 500)`);

    await queryRunner.query(`
      CREATE TABLE meal_transactions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        elder_id uuid NOT NULL,
        canteen_id uuid NOT NULL,
        terminal text NOT NULL,
        meal_date date NOT NULL,
        period text NOT NULL,
        identified_by text NOT NULL,
        identify_reason text,
        match_score real,
        liveness text,
        price_cents integer NOT NULL,
        subsidy_cents integer NOT NULL,
        self_pay_cents integer NOT NULL,
        subsidy_category text,
        cashier_id uuid NOT NULL,
        served_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT meal_transactions_period_check CHECK (period IN ('breakfast', 'lunch', 'dinner')),
        CONSTRAINT meal_transactions_identified_by_check CHECK (identified_by IN ('face', 'id-card', 'qr', 'staff')),
        CONSTRAINT meal_transactions_amounts_check
          CHECK (subsidy_cents >= 0 AND self_pay_cents >= 0 AND subsidy_cents + self_pay_cents = price_cents),
        CONSTRAINT meal_transactions_elder_id_fkey FOREIGN KEY (elder_id) REFERENCES elders (id) ON DELETE CASCADE,
        CONSTRAINT meal_transactions_canteen_id_fkey FOREIGN KEY (canteen_id) REFERENCES canteens (id) ON DELETE RESTRICT,
        CONSTRAINT meal_transactions_cashier_id_fkey FOREIGN KEY (cashier_id) REFERENCES users (id) ON DELETE RESTRICT
      )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX meal_transactions_one_subsidised_key ON meal_transactions (elder_id, meal_date, period) WHERE subsidy_cents > 0`,
    );
    await queryRunner.query(
      `CREATE INDEX meal_transactions_canteen_date_idx ON meal_transactions (canteen_id, meal_date)`,
    );
    await queryRunner.query(`CREATE INDEX meal_transactions_elder_date_idx ON meal_transactions (elder_id, meal_date)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE meal_transactions, meal_subsidy_rules, canteens`);
    await queryRunner.query(`DELETE FROM users WHERE role = 'cashier'`);
    await queryRunner.query(`
      ALTER TABLE users DROP CONSTRAINT users_role_check,
        ADD CONSTRAINT users_role_check
          CHECK (role IN ('operator', 'supervisor', 'provider_admin', 'caregiver', 'family', 'bureau', 'admin', 'volunteer'))`);
  }
}
