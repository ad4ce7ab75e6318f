import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the maps draw besides elders: each region's outline (a GeoJSON polygon, imported from the bureau's
 * boundaries), and providers' stations (服务站点) with where they are and the services offered there.
 */
export class AddMapLayers1796551856600 implements MigrationInterface {
  name = 'AddMapLayers1796551856600';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE regions ADD COLUMN outline jsonb`);
    await queryRunner.query(`
      CREATE TABLE provider_stations (
        id uuid NOT NULL DEFAULT gen_random_uuid() CONSTRAINT provider_stations_pkey PRIMARY KEY,
        provider_id uuid NOT NULL CONSTRAINT provider_stations_provider_id_fkey REFERENCES providers(id) ON DELETE CASCADE,
        name text NOT NULL,
        address text NOT NULL DEFAULT '',
        phone text NOT NULL DEFAULT '',
        lat double precision NOT NULL,
        lon double precision NOT NULL,
        services text[] NOT NULL DEFAULT '{}'
      )`);
    await queryRunner.query(`CREATE INDEX provider_stations_provider_id_idx ON provider_stations (provider_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE provider_stations`);
    await queryRunner.query(`ALTER TABLE regions DROP COLUMN outline`);
  }
}
