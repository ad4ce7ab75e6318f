import type { MigrationInterface, QueryRunner } from 'typeorm';

const ROLES_BEFORE = `'operator', 'supervisor', 'provider_admin', 'caregiver', 'family', 'bureau', 'admin', 'cashier', 'volunteer'`;

/**
 * Home adaptation's own people: inspectors, who accept the works of their region's cases, and contractors, who
 * work for a company (a provider row) and record the works of the cases the plan gives to it.
 */
export class AddAdaptationContractors1796561689677 implements MigrationInterface {
  name = 'AddAdaptationContractors1796561689677';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE users DROP CONSTRAINT users_role_check,
        ADD CONSTRAINT users_role_check CHECK (role IN (${ROLES_BEFORE}, 'inspector', 'contractor'))`);
    await queryRunner.query(`
      ALTER TABLE adaptation_cases
        ADD COLUMN contractor_id uuid CONSTRAINT adaptation_cases_contractor_id_fkey REFERENCES providers(id) ON DELETE RESTRICT`);
    await queryRunner.query(`CREATE INDEX adaptation_cases_contractor_idx ON adaptation_cases (contractor_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX adaptation_cases_contractor_idx`);
    await queryRunner.query(`ALTER TABLE adaptation_cases DROP COLUMN contractor_id`);
    await queryRunner.query(`DELETE FROM users WHERE role IN ('inspector', 'contractor')`);
    await queryRunner.query(
      `ALTER TABLE users DROP CONSTRAINT users_role_check, ADD CONSTRAINT users_role_check CHECK (role IN (${ROLES_BEFORE}))`,
    );
  }
}
