import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A visit's exceptions (checked in outside its window, too short, far from the home) and the provider's decision on
 * them, in place of the single far-from-home flag. Visits flagged far from the home before come over as open
 * far-from-home exceptions: they were flagged for a person to look at, and this is where that person decides.
 */
export class AddVisitExceptions1764412200000 implements MigrationInterface {
  name = 'AddVisitExceptions1764412200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE work_orders
        ADD COLUMN exceptions text[] NOT NULL DEFAULT '{}',
        ADD COLUMN exception_resolution text,
        ADD COLUMN exception_resolved_by uuid,
        ADD COLUMN exception_resolved_at timestamptz,
        ADD COLUMN exception_note text,
        ADD CONSTRAINT work_orders_exceptions_check
          CHECK (exceptions <@ ARRAY['early-check-in', 'late-check-in', 'short-visit', 'far-from-home']::text[]),
        ADD CONSTRAINT work_orders_exception_resolution_check
          CHECK (exception_resolution IS NULL OR exception_resolution IN ('approved', 'rejected')),
        ADD CONSTRAINT work_orders_exception_resolved_by_fkey
          FOREIGN KEY (exception_resolved_by) REFERENCES users(id) ON DELETE RESTRICT`);
    await queryRunner.query(`UPDATE work_orders SET exceptions = ARRAY['far-from-home'] WHERE far_from_home`);
    await queryRunner.query(`ALTER TABLE work_orders DROP COLUMN far_from_home`);
    await queryRunner.query(
      `CREATE INDEX work_orders_exceptions_open_idx ON work_orders (provider_id, starts_at)
         WHERE cardinality(exceptions) > 0 AND exception_resolution IS NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX work_orders_exceptions_open_idx`);
    await queryRunner.query(`ALTER TABLE work_orders ADD COLUMN far_from_home boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`UPDATE work_orders SET far_from_home = true WHERE 'far-from-home' = ANY(exceptions)`);
    await queryRunner.query(`
      ALTER TABLE work_orders
        DROP COLUMN exceptions,
        DROP COLUMN exception_resolution,
        DROP COLUMN exception_resolved_by,
        DROP COLUMN exception_resolved_at,
        DROP COLUMN exception_note`);
  }
}
