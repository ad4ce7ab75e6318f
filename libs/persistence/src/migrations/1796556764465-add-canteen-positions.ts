import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Where a canteen is, for the service maps: its address and position. Canteens opened before have neither until
 * they are set; both coordinates are set together or not at all.
 */
export class AddCanteenPositions1796556764465 implements MigrationInterface {
  name = 'AddCanteenPositions1796556764465';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE canteens
        ADD COLUMN address text,
        ADD COLUMN lat double precision,
        ADD COLUMN lon double precision,
        ADD CONSTRAINT canteens_position_check CHECK ((lat IS NULL) = (lon IS NULL))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE canteens DROP CONSTRAINT canteens_position_check, DROP COLUMN lon, DROP COLUMN lat, DROP COLUMN address`,
    );
  }
}
