import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Booking a service (服务预约): the offers providers publish, and bookings that hold a caregiver's or a place's time.
 * Two bookings of one caregiver (or one place of an offer) for overlapping times are refused by the database itself,
 * with exclusion constraints over the booked time range (btree_gist lets a gist index compare the uuid by equality),
 * so two requests arriving at once cannot both win, whatever the application read before.
 */
export class CreateBookings1796550522101 implements MigrationInterface {
  name = 'CreateBookings1796550522101';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);
    await queryRunner.query(`
      CREATE TABLE service_offers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        provider_id uuid NOT NULL,
        service text NOT NULL,
        minutes integer NOT NULL,
        price_cents integer NOT NULL,
        capacity text NOT NULL,
        places integer,
        weekdays smallint[] NOT NULL,
        opens text NOT NULL,
        closes text NOT NULL,
        cancel_cutoff_minutes integer NOT NULL,
        late_cancel_share numeric(3, 2) NOT NULL,
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT service_offers_capacity_check CHECK (capacity IN ('caregivers', 'places')),
        CONSTRAINT service_offers_places_check CHECK ((capacity = 'places') = (places IS NOT NULL) AND (places IS NULL OR places >= 1)),
        CONSTRAINT service_offers_price_check CHECK (price_cents >= 0),
        CONSTRAINT service_offers_provider_id_fkey FOREIGN KEY (provider_id) REFERENCES providers (id) ON DELETE RESTRICT
      )`);
    await queryRunner.query(`CREATE INDEX service_offers_service_idx ON service_offers (service) WHERE active`);
    await queryRunner.query(`CREATE INDEX service_offers_provider_id_idx ON service_offers (provider_id)`);

    await queryRunner.query(`
      CREATE TABLE bookings (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        offer_id uuid NOT NULL,
        provider_id uuid NOT NULL,
        elder_id uuid NOT NULL,
        work_order_id uuid NOT NULL,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz NOT NULL,
        caregiver_id uuid,
        place integer,
        status text NOT NULL DEFAULT 'booked',
        paid_by text NOT NULL,
        price_cents integer NOT NULL,
        self_pay_cents integer NOT NULL,
        cancel_cutoff_at timestamptz NOT NULL,
        late_charge_cents integer NOT NULL,
        cancel_charge_cents integer,
        cancelled_at timestamptz,
        cancelled_by uuid,
        visit_code text NOT NULL,
        booked_by uuid NOT NULL,
        confirmation text,
        confirmed_at timestamptz,
        confirmed_by uuid,
        complaint_id uuid,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT bookings_status_check CHECK (status IN ('booked', 'cancelled')),
        CONSTRAINT bookings_paid_by_check CHECK (paid_by IN ('entitlement', 'self')),
        CONSTRAINT bookings_confirmation_check CHECK (confirmation IS NULL OR confirmation IN ('confirmed', 'disputed')),
        CONSTRAINT bookings_time_check CHECK (ends_at > starts_at),
        CONSTRAINT bookings_holder_check CHECK ((caregiver_id IS NULL) <> (place IS NULL)),
        CONSTRAINT bookings_caregiver_time_excl EXCLUDE USING gist (caregiver_id WITH =, tstzrange(starts_at, ends_at) WITH &&)
          WHERE (status = 'booked' AND caregiver_id IS NOT NULL),
        CONSTRAINT bookings_place_time_excl EXCLUDE USING gist (offer_id WITH =, place WITH =, tstzrange(starts_at, ends_at) WITH &&)
          WHERE (status = 'booked' AND place IS NOT NULL),
        CONSTRAINT bookings_offer_id_fkey FOREIGN KEY (offer_id) REFERENCES service_offers (id) ON DELETE RESTRICT,
        CONSTRAINT bookings_provider_id_fkey FOREIGN KEY (provider_id) REFERENCES providers (id) ON DELETE RESTRICT,
        CONSTRAINT bookings_elder_id_fkey FOREIGN KEY (elder_id) REFERENCES elders (id) ON DELETE CASCADE,
        CONSTRAINT bookings_work_order_id_fkey FOREIGN KEY (work_order_id) REFERENCES work_orders (id) ON DELETE CASCADE,
        CONSTRAINT bookings_caregiver_id_fkey FOREIGN KEY (caregiver_id) REFERENCES users (id) ON DELETE RESTRICT,
        CONSTRAINT bookings_cancelled_by_fkey FOREIGN KEY (cancelled_by) REFERENCES users (id) ON DELETE RESTRICT,
        CONSTRAINT bookings_booked_by_fkey FOREIGN KEY (booked_by) REFERENCES users (id) ON DELETE RESTRICT,
        CONSTRAINT bookings_confirmed_by_fkey FOREIGN KEY (confirmed_by) REFERENCES users (id) ON DELETE RESTRICT,
        CONSTRAINT bookings_complaint_id_fkey FOREIGN KEY (complaint_id) REFERENCES complaints (id) ON DELETE SET NULL
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX bookings_work_order_id_key ON bookings (work_order_id)`);
    await queryRunner.query(`CREATE INDEX bookings_provider_starts_idx ON bookings (provider_id, starts_at)`);
    await queryRunner.query(`CREATE INDEX bookings_elder_starts_idx ON bookings (elder_id, starts_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE bookings`);
    await queryRunner.query(`DROP TABLE service_offers`);
  }
}
