import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The QR card of an elder for the canteen's counter: one card code per elder, drawn at random when issued (never
 * the elder's record id), replaced when the card is reissued. Deleting the elder deletes the card.
 */
export class CreateMealCards1796562741006 implements MigrationInterface {
  name = 'CreateMealCards1796562741006';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE meal_cards (
        elder_id uuid PRIMARY KEY,
        code text NOT NULL,
        issued_by uuid NOT NULL,
        issued_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT meal_cards_elder_id_fkey FOREIGN KEY (elder_id) REFERENCES elders (id) ON DELETE CASCADE,
        CONSTRAINT meal_cards_issued_by_fkey FOREIGN KEY (issued_by) REFERENCES users (id) ON DELETE RESTRICT
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX meal_cards_code_key ON meal_cards (code)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE meal_cards`);
  }
}
