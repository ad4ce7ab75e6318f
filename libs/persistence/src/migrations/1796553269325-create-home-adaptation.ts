import type { MigrationInterface, QueryRunner } from 'typeorm';

const STAGES = `'applied', 'assessed', 'planned', 'agreed', 'works-done', 'accepted', 'settled', 'followed-up', 'cancelled'`;

/**
 * Home adaptation for elders (适老化改造): the bureau's subsidy cap per elder category and yearly budget, a case per
 * household through its stages with who and when of each step, and the photos of the assessment and the works
 * (bytes in the platform's photo storage, their record here). A household has at most one subsidised case that is
 * not cancelled, held by a unique index.
 */
export class CreateHomeAdaptation1796553269325 implements MigrationInterface {
  name = 'CreateHomeAdaptation1796553269325';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE adaptation_caps (
        category text PRIMARY KEY,
        cap_yuan integer NOT NULL CHECK (cap_yuan BETWEEN 0 AND 100000),
        set_by uuid REFERENCES users(id) ON DELETE RESTRICT,
        set_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      INSERT INTO adaptation_caps (category, cap_yuan) VALUES
        ('extreme_poverty', 3000), ('minimum_allowance', 3000), ('low_income', 3000), ('severe_disability', 3000),
        ('disabled', 3000), ('semi_disabled', 3000), ('advanced_age', 3000)`);
    await queryRunner.query(`
      CREATE TABLE adaptation_budgets (
        year integer PRIMARY KEY CHECK (year BETWEEN 2000 AND 2100),
        budget_yuan bigint NOT NULL CHECK (budget_yuan >= 0),
        set_by uuid REFERENCES users(id) ON DELETE RESTRICT,
        set_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE adaptation_cases (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        elder_id uuid NOT NULL REFERENCES elders(id) ON DELETE RESTRICT,
        subsidised boolean NOT NULL,
        cap_yuan integer NOT NULL CHECK (cap_yuan >= 0),
        stage text NOT NULL DEFAULT 'applied' CHECK (stage IN (${STAGES})),
        stage_entered_at timestamptz NOT NULL DEFAULT now(),
        needs text NOT NULL DEFAULT '',
        plan jsonb,
        total_yuan integer,
        subsidy_yuan integer,
        self_pay_yuan integer,
        applied_by uuid NOT NULL REFERENCES users(id) ON DELETE RESTRICT,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX adaptation_cases_elder_idx ON adaptation_cases (elder_id)`);
    await queryRunner.query(`CREATE INDEX adaptation_cases_stage_idx ON adaptation_cases (stage, stage_entered_at)`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX adaptation_cases_one_subsidised_key ON adaptation_cases (elder_id)
         WHERE subsidised AND stage <> 'cancelled'`,
    );
    await queryRunner.query(`
      CREATE TABLE adaptation_case_steps (
        id bigserial PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES adaptation_cases(id) ON DELETE CASCADE,
        step text NOT NULL,
        stage text NOT NULL CHECK (stage IN (${STAGES})),
        by_user uuid NOT NULL REFERENCES users(id) ON DELETE RESTRICT,
        at timestamptz NOT NULL DEFAULT now(),
        deadline timestamptz,
        note text NOT NULL DEFAULT ''
      )`);
    await queryRunner.query(`CREATE INDEX adaptation_case_steps_case_idx ON adaptation_case_steps (case_id, at)`);
    await queryRunner.query(`
      CREATE TABLE adaptation_photos (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        case_id uuid NOT NULL REFERENCES adaptation_cases(id) ON DELETE CASCADE,
        kind text NOT NULL CHECK (kind IN ('assessment', 'before', 'after')),
        content_type text NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png', 'image/webp')),
        bytes integer NOT NULL CHECK (bytes > 0),
        storage_key text NOT NULL,
        uploaded_by uuid NOT NULL REFERENCES users(id) ON DELETE RESTRICT,
        uploaded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX adaptation_photos_case_idx ON adaptation_photos (case_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `DROP TABLE adaptation_photos, adaptation_case_steps, adaptation_cases, adaptation_budgets, adaptation_caps`,
    );
  }
}
