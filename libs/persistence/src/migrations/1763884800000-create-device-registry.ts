import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateDeviceRegistry1763884800000 implements MigrationInterface {
  name = 'CreateDeviceRegistry1763884800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE regions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        code text NOT NULL,
        name text NOT NULL,
        level text NOT NULL CHECK (level IN ('district', 'street', 'community')),
        parent_id uuid REFERENCES regions (id) ON DELETE RESTRICT
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX regions_code_key ON regions (code)`);

    await queryRunner.query(`
      CREATE TABLE elders (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        gender text NOT NULL CHECK (gender IN ('female', 'male')),
        birth_date date NOT NULL,
        categories text[] NOT NULL DEFAULT '{}',
        community_id uuid NOT NULL REFERENCES regions (id) ON DELETE RESTRICT,
        address text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`CREATE INDEX elders_community_id_idx ON elders (community_id)`);

    await queryRunner.query(`
      CREATE TABLE devices (
        id text PRIMARY KEY CHECK (id ~ '^[A-Za-z0-9_-]{3,64}$'),
        type text NOT NULL CHECK (type IN ('call_button', 'water_meter', 'wearable')),
        elder_id uuid REFERENCES elders (id) ON DELETE RESTRICT,
        secret_hash text NOT NULL,
        status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'retired')),
        online boolean NOT NULL DEFAULT false,
        last_seen_at timestamptz,
        battery smallint CHECK (battery BETWEEN 0 AND 100),
        registered_at timestamptz NOT NULL DEFAULT now(),
        retired_at timestamptz
      )`);
    await queryRunner.query(`CREATE INDEX devices_elder_id_idx ON devices (elder_id)`);

    await queryRunner.query(`
      CREATE TABLE device_messages (
        id bigserial PRIMARY KEY,
        device_id text NOT NULL REFERENCES devices (id) ON DELETE RESTRICT,
        msg_id text NOT NULL,
        kind text NOT NULL,
        body jsonb NOT NULL,
        occurred_at timestamptz NOT NULL,
        received_at timestamptz NOT NULL,
        stored_at timestamptz NOT NULL DEFAULT now(),
        clock_skew_ms bigint,
        CONSTRAINT device_messages_device_msg_key UNIQUE (device_id, msg_id)
      )`);
    await queryRunner.query(
      `CREATE INDEX device_messages_device_occurred_idx ON device_messages (device_id, occurred_at)`,
    );

    await queryRunner.query(`
      CREATE TABLE rejected_messages (
        id bigserial PRIMARY KEY,
        device_id text,
        topic text NOT NULL,
        code text NOT NULL,
        detail text NOT NULL,
        payload_head bytea NOT NULL,
        payload_bytes integer NOT NULL,
        received_at timestamptz NOT NULL
      )`);
    await queryRunner.query(
      `CREATE INDEX rejected_messages_device_received_idx ON rejected_messages (device_id, received_at)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['rejected_messages', 'device_messages', 'devices', 'elders', 'regions']) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
