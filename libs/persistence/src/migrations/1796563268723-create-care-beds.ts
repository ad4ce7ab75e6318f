import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Care beds at home (家庭养老床位): one per elder, with its assessment, adaptation case and start. */
export class CreateCareBeds1796563268723 implements MigrationInterface {
  name = 'CreateCareBeds1796563268723';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE care_beds (
        elder_id uuid PRIMARY KEY,
        care_level text NOT NULL,
        assessed_on date NOT NULL,
        adaptation_case_id uuid,
        starts_on date NOT NULL,
        opened_by uuid NOT NULL,
        opened_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT care_beds_elder_id_fkey FOREIGN KEY (elder_id) REFERENCES elders(id) ON DELETE CASCADE,
        CONSTRAINT care_beds_adaptation_case_id_fkey FOREIGN KEY (adaptation_case_id)
          REFERENCES adaptation_cases(id) ON DELETE RESTRICT,
        CONSTRAINT care_beds_opened_by_fkey FOREIGN KEY (opened_by) REFERENCES users(id) ON DELETE RESTRICT,
        CONSTRAINT care_beds_care_level_check CHECK (care_level IN ('mild', 'moderate', 'severe', 'total')),
        CONSTRAINT care_beds_starts_check CHECK (starts_on >= assessed_on)
      )`);
    await queryRunner.query(`CREATE INDEX care_beds_adaptation_case_id_idx ON care_beds (adaptation_case_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE care_beds`);
  }
}
