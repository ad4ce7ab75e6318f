import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Which version of the device grants (libs/broker `DEVICE_GRANTS_VERSION`) each device's broker role holds. The roles
 * that exist were created with version 1, the grants before the alarm topic; the registry writes the version of each
 * role it creates from now on. The default stays 1 so that an api still running the code before this migration, in
 * a rolling deployment, records its roles as the old ones they are.
 */
export class AddDeviceBrokerGrantsVersion1764320400000 implements MigrationInterface {
  name = 'AddDeviceBrokerGrantsVersion1764320400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE devices ADD COLUMN broker_grants_version smallint NOT NULL DEFAULT 1`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE devices DROP COLUMN broker_grants_version`);
  }
}
