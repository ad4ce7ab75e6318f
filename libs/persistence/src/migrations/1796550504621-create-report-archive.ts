import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The report archive: the city's monthly report as the workbook made on schedule, one per month, kept so that past
 * months stay downloadable as they were made (a later correction of the data does not rewrite them).
 */
export class CreateReportArchive1796550504621 implements MigrationInterface {
  name = 'CreateReportArchive1796550504621';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE report_archive (
        month text PRIMARY KEY CONSTRAINT report_archive_month_check CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
        made_at timestamptz NOT NULL,
        workbook bytea NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE report_archive`);
  }
}
