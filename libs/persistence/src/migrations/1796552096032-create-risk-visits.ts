import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Visits to elders at risk and their pairs (巡访、结对帮扶): how often each risk level is visited (set by the
 * bureau, seeded with the national aim), each elder's named pair, and the visits made at home or by phone with
 * what was found. An overdue visit and a grave finding become alerts of their own rules.
 */
export class CreateRiskVisits1796552096032 implements MigrationInterface {
  name = 'CreateRiskVisits1796552096032';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE visit_frequencies (
        risk_level text PRIMARY KEY CHECK (risk_level IN ('high', 'key', 'general')),
        every_days integer NOT NULL CHECK (every_days BETWEEN 1 AND 366),
        set_by uuid REFERENCES users(id) ON DELETE RESTRICT,
        set_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(
      `INSERT INTO visit_frequencies (risk_level, every_days) VALUES ('high', 7), ('key', 30), ('general', 90)`,
    );
    await queryRunner.query(`
      CREATE TABLE elder_pairs (
        elder_id uuid PRIMARY KEY REFERENCES elders(id) ON DELETE CASCADE,
        risk_level text NOT NULL CHECK (risk_level IN ('high', 'key', 'general')),
        pair_kind text NOT NULL
          CHECK (pair_kind IN ('caregiver', 'community-worker', 'volunteer', 'party-member', 'neighbour')),
        pair_name text NOT NULL,
        pair_phone text NOT NULL,
        paired_by uuid NOT NULL REFERENCES users(id) ON DELETE RESTRICT,
        paired_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE risk_visits (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        elder_id uuid NOT NULL REFERENCES elders(id) ON DELETE CASCADE,
        visited_at timestamptz NOT NULL,
        mode text NOT NULL CHECK (mode IN ('home', 'phone')),
        visitor_id uuid NOT NULL REFERENCES users(id) ON DELETE RESTRICT,
        findings text NOT NULL DEFAULT '',
        concerns text[] NOT NULL DEFAULT '{}'
          CHECK (concerns <@ ARRAY['unwell', 'unreachable', 'no-food', 'unsafe-home', 'needs-services', 'lonely']::text[]),
        alert_id uuid REFERENCES alerts(id) ON DELETE SET NULL,
        recorded_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX risk_visits_elder_idx ON risk_visits (elder_id, visited_at)`);
    await queryRunner.query(`CREATE INDEX risk_visits_visited_idx ON risk_visits (visited_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE risk_visits, elder_pairs, visit_frequencies`);
  }
}
