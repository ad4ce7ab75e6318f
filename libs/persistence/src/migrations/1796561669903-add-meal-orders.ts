import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Meals a family orders for their elder and pays remotely, kept beside the meals served at a counter so that one
 * subsidised meal per elder per meal period stays one unique index over both. An ordered meal has who ordered it
 * instead of a cashier and a terminal; a delivered one (送餐) its work order for the canteen's provider. A cancelled
 * order keeps its row and leaves the index, so the period's subsidy is free again.
 */
export class AddMealOrders1796561669903 implements MigrationInterface {
  name = 'AddMealOrders1796561669903';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE meal_transactions
        ALTER COLUMN terminal DROP NOT NULL,
        ALTER COLUMN cashier_id DROP NOT NULL,
        ADD COLUMN ordered_by uuid,
        ADD COLUMN delivery boolean NOT NULL DEFAULT false,
        ADD COLUMN work_order_id uuid,
        ADD COLUMN cancelled_at timestamptz,
        ADD COLUMN cancelled_by uuid,
        DROP CONSTRAINT meal_transactions_identified_by_check,
        ADD CONSTRAINT meal_transactions_identified_by_check
          CHECK (identified_by IN ('face', 'id-card', 'qr', 'staff', 'order')),
        ADD CONSTRAINT meal_transactions_source_check CHECK (
          (identified_by = 'order' AND ordered_by IS NOT NULL AND cashier_id IS NULL AND terminal IS NULL)
          OR (identified_by <> 'order' AND ordered_by IS NULL AND cashier_id IS NOT NULL AND terminal IS NOT NULL)),
        ADD CONSTRAINT meal_transactions_delivery_check CHECK (delivery = (work_order_id IS NOT NULL)),
        ADD CONSTRAINT meal_transactions_cancelled_check
          CHECK ((cancelled_at IS NULL) = (cancelled_by IS NULL) AND (cancelled_at IS NULL OR ordered_by IS NOT NULL)),
        ADD CONSTRAINT meal_transactions_ordered_by_fkey FOREIGN KEY (ordered_by) REFERENCES users (id) ON DELETE RESTRICT,
        ADD CONSTRAINT meal_transactions_cancelled_by_fkey FOREIGN KEY (cancelled_by) REFERENCES users (id) ON DELETE RESTRICT,
        ADD CONSTRAINT meal_transactions_work_order_id_fkey
          FOREIGN KEY (work_order_id) REFERENCES work_orders (id) ON DELETE RESTRICT`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX meal_transactions_work_order_id_key ON meal_transactions (work_order_id)`,
    );
    await queryRunner.query(`DROP INDEX meal_transactions_one_subsidised_key`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX meal_transactions_one_subsidised_key ON meal_transactions (elder_id, meal_date, period)
       WHERE subsidy_cents > 0 AND cancelled_at IS NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM meal_transactions WHERE identified_by = 'order'`);
    await queryRunner.query(`DROP INDEX meal_transactions_one_subsidised_key`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX meal_transactions_one_subsidised_key ON meal_transactions (elder_id, meal_date, period) WHERE subsidy_cents > 0`,
    );
    await queryRunner.query(`DROP INDEX meal_transactions_work_order_id_key`);
    await queryRunner.query(`
      ALTER TABLE meal_transactions
        DROP CONSTRAINT meal_transactions_source_check,
        DROP CONSTRAINT meal_transactions_delivery_check,
        DROP CONSTRAINT meal_transactions_cancelled_check,
        DROP CONSTRAINT meal_transactions_identified_by_check,
        ADD CONSTRAINT meal_transactions_identified_by_check CHECK (identified_by IN ('face', 'id-card', 'qr', 'staff')),
        DROP COLUMN ordered_by, DROP COLUMN delivery, DROP COLUMN work_order_id, DROP COLUMN cancelled_at,
        DROP COLUMN cancelled_by,
        ALTER COLUMN terminal SET NOT NULL,
        ALTER COLUMN cashier_id SET NOT NULL`);
  }
}
