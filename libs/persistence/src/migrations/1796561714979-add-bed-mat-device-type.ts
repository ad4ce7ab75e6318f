import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Protocol v1 gains a device type: the bed-sensor mat of a care bed at home. The other types stay as they were. */
export class AddBedMatDeviceType1796561714979 implements MigrationInterface {
  name = 'AddBedMatDeviceType1796561714979';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE devices
        DROP CONSTRAINT devices_type_check,
        ADD CONSTRAINT devices_type_check CHECK (type IN ('call_button', 'water_meter', 'wearable', 'bed_mat'))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE devices
        DROP CONSTRAINT devices_type_check,
        ADD CONSTRAINT devices_type_check CHECK (type IN ('call_button', 'water_meter', 'wearable'))`);
  }
}
