import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The canteen terminal's face checks: each time a cashier's camera frames are matched, which elder the platform found
 * (none when nobody matched), the match score, and the liveness result with its score. A meal identified by face
 * names the check it was served on; a check serves one meal at most, so a score cannot be claimed twice.
 */
export class CreateFaceChecks1796561726089 implements MigrationInterface {
  name = 'CreateFaceChecks1796561726089';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE face_checks (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        canteen_id uuid NOT NULL,
        cashier_id uuid NOT NULL,
        elder_id uuid,
        match_score real,
        liveness text NOT NULL,
        liveness_score real NOT NULL,
        checked_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT face_checks_liveness_check CHECK (liveness IN ('moved', 'still')),
        CONSTRAINT face_checks_match_check CHECK ((elder_id IS NULL) = (match_score IS NULL)),
        CONSTRAINT face_checks_canteen_id_fkey FOREIGN KEY (canteen_id) REFERENCES canteens (id) ON DELETE RESTRICT,
        CONSTRAINT face_checks_cashier_id_fkey FOREIGN KEY (cashier_id) REFERENCES users (id) ON DELETE RESTRICT,
        CONSTRAINT face_checks_elder_id_fkey FOREIGN KEY (elder_id) REFERENCES elders (id) ON DELETE CASCADE
      )`);
    await queryRunner.query(`CREATE INDEX face_checks_canteen_checked_idx ON face_checks (canteen_id, checked_at)`);
    await queryRunner.query(`
      ALTER TABLE meal_transactions
        ADD COLUMN face_check_id uuid,
        ADD CONSTRAINT meal_transactions_face_check_id_key UNIQUE (face_check_id),
        ADD CONSTRAINT meal_transactions_face_check_id_fkey
          FOREIGN KEY (face_check_id) REFERENCES face_checks (id) ON DELETE RESTRICT`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE meal_transactions DROP COLUMN face_check_id`);
    await queryRunner.query(`DROP TABLE face_checks`);
  }
}
