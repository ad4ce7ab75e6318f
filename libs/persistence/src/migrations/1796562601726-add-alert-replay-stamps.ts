import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A change of an alert takes its `seq` when it is written but is seen only once its transaction commits, so a change
 * with a lower `seq` can commit after one with a higher: a console that saw the higher and then asked for what came
 * after it skipped the lower. Each write now also records its transaction (`changed_xid`) and the oldest transaction
 * still running when it took its number (`seq_xmin`). Anything not committed when a console saw a `seq` belongs to a
 * transaction no older than that `seq_xmin`, so a replay also takes every change by such a transaction. Transaction
 * ids belong to the cluster: a database restored from a logical dump into another cluster should have both columns
 * set to 0 (with this trigger disabled for that update), or its old rows are replayed on every reconnect.
 */
export class AddAlertReplayStamps1796562601726 implements MigrationInterface {
  name = 'AddAlertReplayStamps1796562601726';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE alerts ADD changed_xid bigint NOT NULL DEFAULT 0`);
    await queryRunner.query(`ALTER TABLE alerts ADD seq_xmin bigint NOT NULL DEFAULT 0`);
    await queryRunner.query(`CREATE INDEX alerts_changed_xid_idx ON alerts (changed_xid)`);
    await queryRunner.query(`
      CREATE FUNCTION alerts_stamp_writer() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.changed_xid := pg_current_xact_id()::text::bigint;
        NEW.seq_xmin := pg_snapshot_xmin(pg_current_snapshot())::text::bigint;
        RETURN NEW;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER alerts_stamp_writer BEFORE INSERT OR UPDATE ON alerts FOR EACH ROW EXECUTE FUNCTION alerts_stamp_writer()`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER alerts_stamp_writer ON alerts`);
    await queryRunner.query(`DROP FUNCTION alerts_stamp_writer()`);
    await queryRunner.query(`DROP INDEX alerts_changed_xid_idx`);
    await queryRunner.query(`ALTER TABLE alerts DROP COLUMN seq_xmin`);
    await queryRunner.query(`ALTER TABLE alerts DROP COLUMN changed_xid`);
  }
}
