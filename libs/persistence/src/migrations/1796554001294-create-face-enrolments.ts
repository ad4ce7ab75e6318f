import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Elders' faces for the canteen terminal: one face descriptor (128 numbers, never a photo) per elder, enrolled by
 * staff after an ID check. Withdrawing consent deletes the row; deleting the elder deletes it too.
 */
export class CreateFaceEnrolments1796554001294 implements MigrationInterface {
  name = 'CreateFaceEnrolments1796554001294';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE face_enrolments (
        elder_id uuid PRIMARY KEY,
        embedding real[] NOT NULL,
        enrolled_by uuid NOT NULL,
        enrolled_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT face_enrolments_embedding_check CHECK (cardinality(embedding) = 128),
        CONSTRAINT face_enrolments_elder_id_fkey FOREIGN KEY (elder_id) REFERENCES elders (id) ON DELETE CASCADE,
        CONSTRAINT face_enrolments_enrolled_by_fkey FOREIGN KEY (enrolled_by) REFERENCES users (id) ON DELETE RESTRICT
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE face_enrolments`);
  }
}
