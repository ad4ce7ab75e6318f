import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Jobs decided inside a transaction and queued only once it has committed (a transactional outbox): written with the
 * change they announce, relayed to their queue and deleted after. A process that dies between its commit and the
 * queue leaves its rows here for another to relay.
 */
export class CreateJobOutbox1796551329434 implements MigrationInterface {
  name = 'CreateJobOutbox1796551329434';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE job_outbox (
        id bigserial PRIMARY KEY,
        queue text NOT NULL,
        job_name text NOT NULL,
        job_id text NOT NULL,
        data jsonb NOT NULL,
        priority integer,
        due_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT job_outbox_queue_job_id_key UNIQUE (queue, job_id)
      )`);
    await queryRunner.query(`CREATE INDEX job_outbox_created_at_idx ON job_outbox (created_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE job_outbox`);
  }
}
