import type { MigrationInterface, QueryRunner } from 'typeorm';

const ROLES_BEFORE = `'operator', 'supervisor', 'provider_admin', 'caregiver', 'family', 'bureau', 'admin'`;

/**
 * The volunteer time bank: volunteers (approved by community staff, then given a sign-in of role `volunteer`),
 * requests for their help, and the time-coin journal. The journal is double entry and append-only, held so by the
 * database itself: a movement's entries must sum to zero when its transaction commits, and no movement or entry is
 * ever updated or deleted (a mistake is undone by a reversal). Balances are sums of entries; `time_coin_accounts`
 * has one row per account only so that a movement can lock the accounts it takes from.
 */
export class CreateTimeBank1796550613249 implements MigrationInterface {
  name = 'CreateTimeBank1796550613249';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE users DROP CONSTRAINT users_role_check,
        ADD CONSTRAINT users_role_check CHECK (role IN (${ROLES_BEFORE}, 'volunteer'))`);
    await queryRunner.query(`
      CREATE TABLE volunteers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid REFERENCES users(id) ON DELETE RESTRICT,
        name text NOT NULL,
        id_number text NOT NULL,
        birth_date date NOT NULL,
        phone text NOT NULL,
        community_id uuid NOT NULL REFERENCES regions(id) ON DELETE RESTRICT,
        elder_id uuid REFERENCES elders(id) ON DELETE RESTRICT,
        trained_on date,
        id_checked_by uuid REFERENCES users(id) ON DELETE RESTRICT,
        id_checked_at timestamptz,
        approved_by uuid REFERENCES users(id) ON DELETE RESTRICT,
        approved_at timestamptz,
        registered_by uuid NOT NULL REFERENCES users(id) ON DELETE RESTRICT,
        registered_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT volunteers_approval_check CHECK (approved_at IS NULL
          OR (user_id IS NOT NULL AND id_checked_at IS NOT NULL AND trained_on IS NOT NULL AND approved_by IS NOT NULL)),
        CONSTRAINT volunteers_id_check_check CHECK ((id_checked_at IS NULL) = (id_checked_by IS NULL))
      )`);
    await queryRunner.query(`CREATE INDEX volunteers_community_idx ON volunteers (community_id)`);
    await queryRunner.query(`CREATE UNIQUE INDEX volunteers_user_id_key ON volunteers (user_id)`);
    await queryRunner.query(`CREATE UNIQUE INDEX volunteers_id_number_key ON volunteers (id_number)`);
    await queryRunner.query(`CREATE UNIQUE INDEX volunteers_elder_id_key ON volunteers (elder_id)`);
    await queryRunner.query(`
      CREATE TABLE volunteer_requests (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        elder_id uuid NOT NULL REFERENCES elders(id) ON DELETE RESTRICT,
        service text NOT NULL
          CHECK (service IN ('companionship', 'escort', 'errand', 'chat', 'reading', 'phone-help')),
        starts_at timestamptz NOT NULL,
        minutes integer NOT NULL CHECK (minutes > 0 AND minutes <= 480),
        note text NOT NULL DEFAULT '',
        payer text NOT NULL,
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'taken', 'checked-in', 'checked-out', 'disputed',
          'confirmed', 'rejected', 'cancelled', 'abandoned')),
        requested_by uuid NOT NULL REFERENCES users(id) ON DELETE RESTRICT,
        requested_at timestamptz NOT NULL DEFAULT now(),
        volunteer_id uuid REFERENCES volunteers(id) ON DELETE RESTRICT,
        taken_at timestamptz,
        checked_in_at timestamptz,
        check_in_position jsonb,
        checked_out_at timestamptz,
        check_out_position jsonb,
        visit_note text,
        served_minutes integer CHECK (served_minutes >= 0),
        confirmed_by uuid REFERENCES users(id) ON DELETE RESTRICT,
        confirmed_at timestamptz,
        disputed_by uuid REFERENCES users(id) ON DELETE RESTRICT,
        disputed_at timestamptz,
        dispute_reason text,
        resolved_by uuid REFERENCES users(id) ON DELETE RESTRICT,
        resolved_at timestamptz,
        resolution_note text,
        closed_at timestamptz,
        close_reason text
      )`);
    await queryRunner.query(`CREATE INDEX volunteer_requests_elder_idx ON volunteer_requests (elder_id, starts_at)`);
    await queryRunner.query(
      `CREATE INDEX volunteer_requests_volunteer_idx ON volunteer_requests (volunteer_id, starts_at)`,
    );
    await queryRunner.query(
      `CREATE INDEX volunteer_requests_waiting_idx ON volunteer_requests (starts_at) WHERE status IN ('open', 'taken')`,
    );
    await queryRunner.query(`
      CREATE TABLE time_coin_accounts (
        code text PRIMARY KEY
          CHECK (code = 'city' OR code ~ '^(volunteer|elder|escrow):[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$')
      )`);
    await queryRunner.query(`INSERT INTO time_coin_accounts (code) VALUES ('city')`);
    await queryRunner.query(`
      CREATE TABLE time_coin_movements (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('hold', 'pay', 'release', 'give', 'reversal')),
        request_id uuid REFERENCES volunteer_requests(id) ON DELETE RESTRICT,
        reverses_id uuid REFERENCES time_coin_movements(id) ON DELETE RESTRICT,
        relation text CHECK (relation IN ('parent', 'grandparent')),
        reason text,
        author_id uuid REFERENCES users(id) ON DELETE RESTRICT,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT time_coin_movements_reversal_check CHECK ((kind = 'reversal') = (reverses_id IS NOT NULL)
          AND (kind <> 'reversal' OR (reason IS NOT NULL AND author_id IS NOT NULL))),
        CONSTRAINT time_coin_movements_gift_check CHECK ((kind = 'give') = (relation IS NOT NULL))
      )`);
    await queryRunner.query(`CREATE INDEX time_coin_movements_request_idx ON time_coin_movements (request_id)`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX time_coin_movements_reverses_id_key ON time_coin_movements (reverses_id)`,
    );
    await queryRunner.query(`
      CREATE TABLE time_coin_entries (
        id bigserial PRIMARY KEY,
        movement_id uuid NOT NULL REFERENCES time_coin_movements(id) ON DELETE RESTRICT,
        account text NOT NULL REFERENCES time_coin_accounts(code) ON DELETE RESTRICT,
        amount integer NOT NULL CHECK (amount <> 0)
      )`);
    await queryRunner.query(`CREATE INDEX time_coin_entries_account_idx ON time_coin_entries (account)`);
    await queryRunner.query(`CREATE INDEX time_coin_entries_movement_idx ON time_coin_entries (movement_id)`);
    await queryRunner.query(`
      CREATE FUNCTION time_coin_journal_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'the time-coin journal is append-only: undo a movement by its reversal';
      END $$`);
    for (const table of ['time_coin_movements', 'time_coin_entries'])
      await queryRunner.query(
        `CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON ${table}
         FOR EACH STATEMENT EXECUTE FUNCTION time_coin_journal_append_only()`,
      );
    await queryRunner.query(`
      CREATE FUNCTION time_coin_movement_sums_to_zero() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE total bigint;
      BEGIN
        SELECT COALESCE(sum(amount), 0) INTO total FROM time_coin_entries WHERE movement_id = NEW.movement_id;
        IF total <> 0 THEN
          RAISE EXCEPTION 'time-coin movement % sums to %, not zero', NEW.movement_id, total;
        END IF;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`
      CREATE CONSTRAINT TRIGGER time_coin_entries_sum_to_zero AFTER INSERT ON time_coin_entries
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION time_coin_movement_sums_to_zero()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE time_coin_entries`);
    await queryRunner.query(`DROP TABLE time_coin_movements`);
    await queryRunner.query(`DROP FUNCTION time_coin_movement_sums_to_zero`);
    await queryRunner.query(`DROP FUNCTION time_coin_journal_append_only`);
    await queryRunner.query(`DROP TABLE time_coin_accounts`);
    await queryRunner.query(`DROP TABLE volunteer_requests`);
    await queryRunner.query(`DROP TABLE volunteers`);
    await queryRunner.query(`DELETE FROM users WHERE role = 'volunteer'`);
    await queryRunner.query(`
      ALTER TABLE users DROP CONSTRAINT users_role_check,
        ADD CONSTRAINT users_role_check CHECK (role IN (${ROLES_BEFORE}))`);
  }
}
