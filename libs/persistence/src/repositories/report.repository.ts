import type { AccessScope } from '@eldercare/domain';
import type { DataSource } from 'typeorm';
import type { RegionLevel } from '../entities/region.entity';
import { ELDER_PLACE_JOINS, scopeCondition } from './scope-condition';

/**
 * A meal belongs to the window by the local day it is eaten (`meal_date`, Asia/Shanghai), not by when it was ordered
 * or paid: a meal ordered on the last evening of a month for the 1st counts in the next month. `$1` and `$2` are the
 * window's ends.
 */
const MEAL_DATE_IN_WINDOW = `t.meal_date >= ($1::timestamptz AT TIME ZONE 'Asia/Shanghai')::date
           AND t.meal_date < ($2::timestamptz AT TIME ZONE 'Asia/Shanghai')::date`;

/**
 * Where and when a report looks: the viewer's scope, optionally one region of any level inside it, and a half-open
 * period `[from, to)`. Every figure is about elders the scope covers, found through their community.
 */
export interface ReportWindow {
  scope: AccessScope;
  regionId?: string;
  from: Date;
  to: Date;
}

/** A region a report may be asked for. */
export interface ReportRegion {
  id: string;
  name: string;
  level: RegionLevel;
}

/** Alerts raised in the window, by rule and severity. */
export interface AlertCountRow {
  rule: string;
  severity: string;
  alerts: number;
}

/** How fast alerts of one severity raised in the window were acknowledged and resolved, in seconds from raising. */
export interface AlertResponseRow {
  severity: string;
  alerts: number;
  acknowledged: number;
  /** Acknowledged within the target and within the worst acceptable time. */
  acknowledgedWithinTarget: number;
  acknowledgedWithinWorst: number;
  acknowledgeP50: number | null;
  acknowledgeP90: number | null;
  resolveP50: number | null;
  resolveP90: number | null;
}

/** Alerts raised in the window and resolved, by rule, and how many of them were closed with a false-alarm outcome. */
export interface FalseAlarmRow {
  rule: string;
  resolved: number;
  falseAlarms: number;
}

/** One elder's orders of one service from one provider starting in the window, cancelled orders left out. */
export interface ServiceElderRow {
  provider: { id: string; name: string };
  service: string;
  elderId: string;
  categories: string[];
  /** Quantity of the orders not cancelled, in the service's unit. */
  planned: number;
  /** Quantity of the orders delivered: checked out, and within the rules or approved by the provider. */
  delivered: number;
  /** Number of orders missed. */
  missed: number;
}

/** One provider's orders starting in the window, by what became of them. */
export interface VisitCountRow {
  provider: { id: string; name: string };
  orders: number;
  /** Checked out, and within the rules or approved by the provider (domain `isVisitDelivered`). */
  delivered: number;
  /** Orders with exceptions, by where they stand (domain `visitExceptionState`). */
  exceptionsOpen: number;
  exceptionsApproved: number;
  exceptionsRejected: number;
  missed: number;
  cancelled: number;
}

/** Ratings given in the window to one provider's visits. */
export interface RatingCountRow {
  provider: { id: string; name: string };
  ratings: number;
  averageStars: number;
}

/** Complaints filed in the window against one provider, or against none that can be told (`provider` null). */
/** Meals of one canteen and one subsidy category (null: no subsidy) in the window. */
export interface MealCountRow {
  canteen: { id: string; name: string };
  category: string | null;
  meals: number;
  subsidised: number;
  subsidyCents: number;
  selfPayCents: number;
}

/** A subsidised meal the fraud cross-checks name. */
export interface SubsidisedMealRow {
  mealId: string;
  elder: { id: string; name: string };
  canteen: string;
  mealDate: string;
  period: string;
  subsidyCents: number;
  identifiedBy: string;
}

/** The columns the cross-checks select for their meal. */
interface SubsidisedMealColumns {
  meal_id: string;
  elder_id: string;
  elder_name: string;
  canteen: string;
  meal_date: string;
  period: string;
  subsidy_cents: number;
  identified_by: string;
}

const subsidisedMealOf = (row: SubsidisedMealColumns): SubsidisedMealRow => ({
  mealId: row.meal_id,
  elder: { id: row.elder_id, name: row.elder_name },
  canteen: row.canteen,
  mealDate: row.meal_date,
  period: row.period,
  subsidyCents: row.subsidy_cents,
  identifiedBy: row.identified_by,
});

/** A subsidised meal on a local day the elder was recorded away or in hospital: the fraud cross-check. */
export interface MealWhileAwayRow extends SubsidisedMealRow {
  absence: string;
}

/** A subsidised meal at a canteen with the position one of the elder's devices gave nearest the time it was served. */
export interface MealWithDevicePositionRow extends SubsidisedMealRow {
  canteenPosition: { lat: number; lon: number };
  device: { lat: number; lon: number; accuracyM: number | null; at: Date };
}

export interface ComplaintCountRow {
  provider: { id: string; name: string } | null;
  complaints: number;
}

/** One community's elders registered at an instant, and how many had a device heard from in the day before it. */
export interface CoverageRow {
  community: { id: string; name: string };
  street: string | null;
  district: string | null;
  elders: number;
  covered: number;
}

/** A delivered order, as the domain's `isVisitDelivered` says: checked out, and within the rules or approved. */
const DELIVERED = `w.status = 'checked-out' AND (cardinality(w.exceptions) = 0 OR w.exception_resolution = 'approved')`;

/**
 * The figures of the monthly report: counts and percentiles computed in Postgres, always within the reader's scope
 * (and region, when one is named). Labels, rates and entitlements are the caller's.
 */
export class ReportRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The region, if the scope covers it (it or a region above it is watched). Families and providers cover none. */
  async regionInScope(scope: AccessScope, regionId: string): Promise<ReportRegion | undefined> {
    if (scope.kind !== 'city' && scope.kind !== 'regions') return undefined;
    const params: unknown[] = [regionId];
    const [row]: ReportRegion[] = await this.dataSource.query(
      `SELECT c.id, c.name, c.level
       FROM regions c LEFT JOIN regions s ON s.id = c.parent_id LEFT JOIN regions d ON d.id = s.parent_id
       WHERE c.id = $1 AND ${scopeCondition(scope, params)}`,
      params,
    );
    return row;
  }

  async alertCounts(window: ReportWindow): Promise<AlertCountRow[]> {
    const params: unknown[] = [window.from, window.to];
    return this.dataSource.query(
      `SELECT a.rule, a.severity, count(*)::int AS alerts
       FROM alerts a JOIN elders e ON e.id = a.elder_id ${ELDER_PLACE_JOINS}
       WHERE a.raised_at >= $1 AND a.raised_at < $2 AND ${elderCondition(window, params)}
       GROUP BY a.rule, a.severity`,
      params,
    );
  }

  /** Per severity among `severities` that had alerts, counted against the answer times `limits` (seconds). */
  async alertResponse(
    window: ReportWindow,
    severities: readonly string[],
    limits: { targetSec: number; worstSec: number },
  ): Promise<AlertResponseRow[]> {
    const params: unknown[] = [window.from, window.to, severities, limits.targetSec, limits.worstSec];
    const rows: {
      severity: string;
      alerts: number;
      acknowledged: number;
      within_target: number;
      within_worst: number;
      acknowledge_p50: number | null;
      acknowledge_p90: number | null;
      resolve_p50: number | null;
      resolve_p90: number | null;
    }[] = await this.dataSource.query(
      `WITH timed AS (
         SELECT a.severity, a.acknowledged_at,
           extract(epoch FROM a.acknowledged_at - a.raised_at)::float8 AS acknowledge_sec,
           extract(epoch FROM a.resolved_at - a.raised_at)::float8 AS resolve_sec
         FROM alerts a JOIN elders e ON e.id = a.elder_id ${ELDER_PLACE_JOINS}
         WHERE a.raised_at >= $1 AND a.raised_at < $2 AND a.severity = ANY($3::text[]) AND ${elderCondition(window, params)}
       )
       SELECT t.severity, count(*)::int AS alerts, count(t.acknowledged_at)::int AS acknowledged,
         count(*) FILTER (WHERE t.acknowledge_sec <= $4::float8)::int AS within_target,
         count(*) FILTER (WHERE t.acknowledge_sec <= $5::float8)::int AS within_worst,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY t.acknowledge_sec) AS acknowledge_p50,
         percentile_cont(0.9) WITHIN GROUP (ORDER BY t.acknowledge_sec) AS acknowledge_p90,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY t.resolve_sec) AS resolve_p50,
         percentile_cont(0.9) WITHIN GROUP (ORDER BY t.resolve_sec) AS resolve_p90
       FROM timed t
       GROUP BY t.severity`,
      params,
    );
    return rows.map((row) => ({
      severity: row.severity,
      alerts: row.alerts,
      acknowledged: row.acknowledged,
      acknowledgedWithinTarget: row.within_target,
      acknowledgedWithinWorst: row.within_worst,
      acknowledgeP50: row.acknowledge_p50,
      acknowledgeP90: row.acknowledge_p90,
      resolveP50: row.resolve_p50,
      resolveP90: row.resolve_p90,
    }));
  }

  /** Per rule with resolved alerts; `falseAlarmOutcomes` are the outcome codes that count as false alarms. */
  async falseAlarms(window: ReportWindow, falseAlarmOutcomes: readonly string[]): Promise<FalseAlarmRow[]> {
    const params: unknown[] = [window.from, window.to, falseAlarmOutcomes];
    const rows: { rule: string; resolved: number; false_alarms: number }[] = await this.dataSource.query(
      `SELECT a.rule, count(*)::int AS resolved, count(*) FILTER (WHERE a.outcome = ANY($3::text[]))::int AS false_alarms
       FROM alerts a JOIN elders e ON e.id = a.elder_id ${ELDER_PLACE_JOINS}
       WHERE a.raised_at >= $1 AND a.raised_at < $2 AND a.status = 'resolved' AND ${elderCondition(window, params)}
       GROUP BY a.rule`,
      params,
    );
    return rows.map((row) => ({ rule: row.rule, resolved: row.resolved, falseAlarms: row.false_alarms }));
  }

  /** Per provider, service and elder, so that the caller can add up what those elders are owed. */
  async serviceLines(window: ReportWindow): Promise<ServiceElderRow[]> {
    const params: unknown[] = [window.from, window.to];
    const rows: {
      provider_id: string;
      provider_name: string;
      service: string;
      elder_id: string;
      categories: string[];
      planned: string;
      delivered: string;
      missed: number;
    }[] = await this.dataSource.query(
      `SELECT w.provider_id, p.name AS provider_name, w.service, e.id AS elder_id, e.categories,
           sum(w.quantity)::text AS planned,
           coalesce(sum(w.quantity) FILTER (WHERE ${DELIVERED}), 0)::text AS delivered,
           count(*) FILTER (WHERE w.status = 'missed')::int AS missed
         FROM work_orders w JOIN providers p ON p.id = w.provider_id JOIN elders e ON e.id = w.elder_id ${ELDER_PLACE_JOINS}
         WHERE w.starts_at >= $1 AND w.starts_at < $2 AND w.status <> 'cancelled' AND ${elderCondition(window, params)}
         GROUP BY w.provider_id, p.name, w.service, e.id
         ORDER BY p.name, w.provider_id, w.service, e.id`,
      params,
    );
    return rows.map((row) => ({
      provider: { id: row.provider_id, name: row.provider_name },
      service: row.service,
      elderId: row.elder_id,
      categories: row.categories,
      planned: Number(row.planned),
      delivered: Number(row.delivered),
      missed: row.missed,
    }));
  }

  async visitCounts(window: ReportWindow): Promise<VisitCountRow[]> {
    const params: unknown[] = [window.from, window.to];
    const rows: {
      provider_id: string;
      provider_name: string;
      orders: number;
      delivered: number;
      exceptions_open: number;
      exceptions_approved: number;
      exceptions_rejected: number;
      missed: number;
      cancelled: number;
    }[] = await this.dataSource.query(
      `SELECT w.provider_id, p.name AS provider_name, count(*)::int AS orders,
           count(*) FILTER (WHERE ${DELIVERED})::int AS delivered,
           count(*) FILTER (WHERE cardinality(w.exceptions) > 0 AND w.exception_resolution IS NULL)::int AS exceptions_open,
           count(*) FILTER (WHERE cardinality(w.exceptions) > 0 AND w.exception_resolution = 'approved')::int AS exceptions_approved,
           count(*) FILTER (WHERE cardinality(w.exceptions) > 0 AND w.exception_resolution = 'rejected')::int AS exceptions_rejected,
           count(*) FILTER (WHERE w.status = 'missed')::int AS missed,
           count(*) FILTER (WHERE w.status = 'cancelled')::int AS cancelled
         FROM work_orders w JOIN providers p ON p.id = w.provider_id JOIN elders e ON e.id = w.elder_id ${ELDER_PLACE_JOINS}
         WHERE w.starts_at >= $1 AND w.starts_at < $2 AND ${elderCondition(window, params)}
         GROUP BY w.provider_id, p.name
         ORDER BY p.name, w.provider_id`,
      params,
    );
    return rows.map((row) => ({
      provider: { id: row.provider_id, name: row.provider_name },
      orders: row.orders,
      delivered: row.delivered,
      exceptionsOpen: row.exceptions_open,
      exceptionsApproved: row.exceptions_approved,
      exceptionsRejected: row.exceptions_rejected,
      missed: row.missed,
      cancelled: row.cancelled,
    }));
  }

  /** Ratings given in the window, whenever the visit was. */
  async ratingCounts(window: ReportWindow): Promise<RatingCountRow[]> {
    const params: unknown[] = [window.from, window.to];
    const rows: { provider_id: string; provider_name: string; ratings: number; average_stars: string }[] =
      await this.dataSource.query(
        `SELECT w.provider_id, p.name AS provider_name, count(*)::int AS ratings, avg(r.stars)::text AS average_stars
       FROM visit_ratings r JOIN work_orders w ON w.id = r.work_order_id JOIN providers p ON p.id = w.provider_id
         JOIN elders e ON e.id = w.elder_id ${ELDER_PLACE_JOINS}
       WHERE r.rated_at >= $1 AND r.rated_at < $2 AND ${elderCondition(window, params)}
       GROUP BY w.provider_id, p.name
       ORDER BY p.name, w.provider_id`,
        params,
      );
    return rows.map((row) => ({
      provider: { id: row.provider_id, name: row.provider_name },
      ratings: row.ratings,
      averageStars: Number(row.average_stars),
    }));
  }

  /** Complaints filed in the window, against the provider named, else the provider of the visit named. */
  async complaintCounts(window: ReportWindow): Promise<ComplaintCountRow[]> {
    const params: unknown[] = [window.from, window.to];
    const rows: { provider_id: string | null; provider_name: string | null; complaints: number }[] =
      await this.dataSource.query(
        `SELECT p.id AS provider_id, p.name AS provider_name, count(*)::int AS complaints
       FROM complaints k LEFT JOIN work_orders w ON w.id = k.work_order_id LEFT JOIN providers p ON p.id = coalesce(k.provider_id, w.provider_id)
         JOIN elders e ON e.id = k.elder_id ${ELDER_PLACE_JOINS}
       WHERE k.filed_at >= $1 AND k.filed_at < $2 AND ${elderCondition(window, params)}
       GROUP BY p.id, p.name
       ORDER BY p.name NULLS LAST, p.id`,
        params,
      );
    return rows.map((row) => ({
      provider: row.provider_id === null ? null : { id: row.provider_id, name: row.provider_name ?? '' },
      complaints: row.complaints,
    }));
  }

  /**
   * Per community with elders registered before `at`: how many of them had an active device heard from in
   * `[seenSince, at)`. Heard means a stored message received then, or the device's last sign of life (a status
   * message is not stored) falling then; a device counts if it was registered before `at` and not retired by then.
   * Messages are looked up by device time, which the gateway keeps at most 5 minutes ahead of receipt; one that
   * waited in a device for more than a day before it arrived is not looked for, as the device sends fresh ones then.
   */
  /** The time bank per community of the window: coins earned, spent, given and outstanding, and hours served. */
  async timeBank(window: ReportWindow): Promise<TimeBankCommunityRow[]> {
    const params: unknown[] = [window.from, window.to];
    const rows: {
      community_id: string;
      community: string;
      street: string | null;
      district: string | null;
      volunteers: number;
      served: number;
      earned: number;
      spent: number;
      given: number;
      outstanding: number;
    }[] = await this.dataSource.query(
      `WITH counted AS (${COUNTED_ENTRIES}),
       holders AS (
         SELECT 'volunteer:' || v.id AS account, v.community_id, 'volunteer' AS kind FROM volunteers v
         UNION ALL SELECT 'elder:' || e.id, e.community_id, 'elder' FROM elders e),
       earned AS (
         SELECT h.community_id, sum(k.amount) AS minutes FROM counted k JOIN holders h ON h.account = k.account
         WHERE h.kind = 'volunteer' AND k.counted_kind = 'pay' AND k.created_at >= $1 AND k.created_at < $2
         GROUP BY 1),
       spent AS (
         SELECT e.community_id, sum(k.amount) AS minutes FROM counted k
         JOIN volunteer_requests q ON q.id = k.request_id JOIN elders e ON e.id = q.elder_id
         WHERE k.counted_kind = 'pay' AND q.payer <> 'city' AND k.account LIKE 'volunteer:%'
           AND k.created_at >= $1 AND k.created_at < $2
         GROUP BY 1),
       given AS (
         SELECT h.community_id, -sum(k.amount) AS minutes FROM counted k JOIN holders h ON h.account = k.account
         WHERE h.kind = 'volunteer' AND k.counted_kind = 'give' AND k.created_at >= $1 AND k.created_at < $2
         GROUP BY 1),
       outstanding AS (
         SELECT h.community_id, sum(k.amount) AS minutes FROM counted k JOIN holders h ON h.account = k.account
         WHERE k.created_at < $2 GROUP BY 1),
       volunteered AS (
         SELECT community_id, count(*) AS volunteers FROM volunteers WHERE approved_at < $2 GROUP BY 1),
       served AS (
         SELECT v.community_id, sum(q.served_minutes) AS minutes FROM volunteer_requests q
         JOIN volunteers v ON v.id = q.volunteer_id
         WHERE q.checked_out_at >= $1 AND q.checked_out_at < $2 GROUP BY 1)
       SELECT c.id AS community_id, c.name AS community, s.name AS street, d.name AS district,
         COALESCE(vo.volunteers, 0)::int AS volunteers, COALESCE(sv.minutes, 0)::int AS served,
         COALESCE(ea.minutes, 0)::int AS earned, COALESCE(sp.minutes, 0)::int AS spent,
         COALESCE(gi.minutes, 0)::int AS given, COALESCE(ou.minutes, 0)::int AS outstanding
       FROM regions c
       LEFT JOIN regions s ON s.id = c.parent_id
       LEFT JOIN regions d ON d.id = s.parent_id
       LEFT JOIN volunteered vo ON vo.community_id = c.id
       LEFT JOIN served sv ON sv.community_id = c.id
       LEFT JOIN earned ea ON ea.community_id = c.id
       LEFT JOIN spent sp ON sp.community_id = c.id
       LEFT JOIN given gi ON gi.community_id = c.id
       LEFT JOIN outstanding ou ON ou.community_id = c.id
       WHERE c.level = 'community' AND ${regionCondition(window, params)}
         AND (vo.volunteers > 0 OR sv.minutes > 0 OR ea.minutes <> 0 OR sp.minutes <> 0 OR gi.minutes <> 0 OR ou.minutes <> 0)
       ORDER BY d.name, s.name, c.name, c.id`,
      params,
    );
    return rows.map((row) => ({
      community: { id: row.community_id, name: row.community },
      street: row.street,
      district: row.district,
      volunteers: row.volunteers,
      servedMinutes: row.served,
      earned: row.earned,
      spent: row.spent,
      given: row.given,
      outstanding: row.outstanding,
    }));
  }

  async coverage(scope: AccessScope, regionId: string | undefined, seenSince: Date, at: Date): Promise<CoverageRow[]> {
    const params: unknown[] = [seenSince, at];
    const rows: {
      community_id: string;
      community: string;
      street: string | null;
      district: string | null;
      elders: number;
      covered: number;
    }[] = await this.dataSource.query(
      `SELECT c.id AS community_id, c.name AS community, s.name AS street, d.name AS district, count(*)::int AS elders,
         count(*) FILTER (WHERE EXISTS (
           SELECT 1 FROM devices dev
           WHERE dev.elder_id = e.id AND dev.registered_at < $2 AND (dev.retired_at IS NULL OR dev.retired_at > $2)
             AND ((dev.last_seen_at >= $1 AND dev.last_seen_at < $2)
               OR EXISTS (
                SELECT 1 FROM device_messages m
                WHERE m.device_id = dev.id AND m.occurred_at >= $1 - interval '1 day' AND m.occurred_at < $2 + interval '5 minutes'
                  AND m.received_at >= $1 AND m.received_at < $2))
         ))::int AS covered
       FROM elders e ${ELDER_PLACE_JOINS}
       WHERE e.created_at < $2 AND ${elderCondition({ scope, regionId }, params)}
       GROUP BY c.id, c.name, s.name, d.name
       ORDER BY d.name, s.name, c.name, c.id`,
      params,
    );
    return rows.map((row) => ({
      community: { id: row.community_id, name: row.community },
      street: row.street,
      district: row.district,
      elders: row.elders,
      covered: row.covered,
    }));
  }

  /** Meals of the window's days to the scope's elders, per canteen and subsidy category, whenever they were ordered. */
  async mealCounts(window: ReportWindow): Promise<MealCountRow[]> {
    const params: unknown[] = [window.from, window.to];
    const rows: {
      canteen_id: string;
      canteen_name: string;
      category: string | null;
      meals: number;
      subsidised: number;
      subsidy_cents: number;
      self_pay_cents: number;
    }[] = await this.dataSource.query(
      `SELECT k.id AS canteen_id, k.name AS canteen_name, t.subsidy_category AS category, count(*)::int AS meals,
           count(*) FILTER (WHERE t.subsidy_cents > 0)::int AS subsidised,
           sum(t.subsidy_cents)::int AS subsidy_cents, sum(t.self_pay_cents)::int AS self_pay_cents
         FROM meal_transactions t JOIN canteens k ON k.id = t.canteen_id JOIN elders e ON e.id = t.elder_id ${ELDER_PLACE_JOINS}
         WHERE ${MEAL_DATE_IN_WINDOW} AND t.cancelled_at IS NULL AND ${elderCondition(window, params)}
         GROUP BY k.id, k.name, t.subsidy_category
         ORDER BY k.name, k.id, t.subsidy_category NULLS LAST`,
      params,
    );
    return rows.map((row) => ({
      canteen: { id: row.canteen_id, name: row.canteen_name },
      category: row.category,
      meals: row.meals,
      subsidised: row.subsidised,
      subsidyCents: row.subsidy_cents,
      selfPayCents: row.self_pay_cents,
    }));
  }

  /**
   * Subsidised meals of the window's days on a local day (Asia/Shanghai) the elder was recorded away or in hospital
   * for any part of: a meal claimed for someone who was not there.
   */
  async mealsWhileAway(window: ReportWindow): Promise<MealWhileAwayRow[]> {
    const params: unknown[] = [window.from, window.to];
    const rows: (SubsidisedMealColumns & { absence: string })[] = await this.dataSource.query(
      `SELECT DISTINCT ON (t.served_at, t.id) t.id AS meal_id, e.id AS elder_id, e.name AS elder_name,
           k.name AS canteen, to_char(t.meal_date, 'YYYY-MM-DD') AS meal_date, t.period, t.subsidy_cents,
           t.identified_by, a.reason AS absence
         FROM meal_transactions t JOIN canteens k ON k.id = t.canteen_id JOIN elders e ON e.id = t.elder_id ${ELDER_PLACE_JOINS}
         JOIN elder_absences a ON a.elder_id = t.elder_id
           AND a.starts_at < (t.meal_date + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'
           AND a.ends_at > t.meal_date::timestamp AT TIME ZONE 'Asia/Shanghai'
         WHERE t.subsidy_cents > 0 AND t.cancelled_at IS NULL AND ${MEAL_DATE_IN_WINDOW} AND ${elderCondition(window, params)}
         ORDER BY t.served_at, t.id, a.starts_at`,
      params,
    );
    return rows.map((row) => ({
      ...subsidisedMealOf(row),
      absence: row.absence,
    }));
  }
  /**
   * Subsidised meals of the window's days served at a counter (not ordered ones: a delivered meal is eaten at home), at a
   * canteen whose position is kept, each with the position one of the elder's devices reported nearest in time to
   * the meal within `withinMinutes` either side; meals with no such position are left out.
   */
  async mealsWithDevicePositions(window: ReportWindow, withinMinutes: number): Promise<MealWithDevicePositionRow[]> {
    const params: unknown[] = [window.from, window.to, withinMinutes];
    const rows: (SubsidisedMealColumns & {
      canteen_lat: number;
      canteen_lon: number;
      lat: number;
      lon: number;
      accuracy_m: number | null;
      at: Date;
    })[] = await this.dataSource.query(
      `SELECT t.id AS meal_id, e.id AS elder_id, e.name AS elder_name, k.name AS canteen,
           to_char(t.meal_date, 'YYYY-MM-DD') AS meal_date, t.period, t.subsidy_cents, t.identified_by,
           k.lat AS canteen_lat, k.lon AS canteen_lon, p.lat, p.lon, p.accuracy_m, p.at
         FROM meal_transactions t JOIN canteens k ON k.id = t.canteen_id JOIN elders e ON e.id = t.elder_id ${ELDER_PLACE_JOINS}
         JOIN LATERAL (
           SELECT (m.body->>'lat')::float8 AS lat, (m.body->>'lon')::float8 AS lon,
             (m.body->>'accuracyM')::float8 AS accuracy_m, m.occurred_at AS at
           FROM devices d JOIN device_messages m ON m.device_id = d.id
           WHERE d.elder_id = t.elder_id AND m.body ? 'lat' AND m.body ? 'lon'
             AND m.occurred_at BETWEEN t.served_at - $3 * interval '1 minute' AND t.served_at + $3 * interval '1 minute'
           ORDER BY abs(extract(epoch FROM m.occurred_at - t.served_at)), m.id
           LIMIT 1
         ) p ON true
         WHERE t.subsidy_cents > 0 AND t.cancelled_at IS NULL AND t.identified_by <> 'order' AND k.lat IS NOT NULL
           AND ${MEAL_DATE_IN_WINDOW} AND ${elderCondition(window, params)}
         ORDER BY t.served_at, t.id`,
      params,
    );
    return rows.map((row) => ({
      ...subsidisedMealOf(row),
      canteenPosition: { lat: row.canteen_lat, lon: row.canteen_lon },
      device: { lat: row.lat, lon: row.lon, accuracyM: row.accuracy_m, at: row.at },
    }));
  }
}

/** A community's time bank in the window: coins in minutes, and the minutes its volunteers served. */
export interface TimeBankCommunityRow {
  community: { id: string; name: string };
  street: string | null;
  district: string | null;
  /** Approved volunteers of the community by the window's end. */
  volunteers: number;
  /** Minutes served on visits its volunteers checked out of in the window. */
  servedMinutes: number;
  /** Paid to its volunteers in the window (net of reversals). */
  earned: number;
  /** Paid for its elders' services from coins they or their volunteers held (not the city's), in the window. */
  spent: number;
  /** Given by its volunteers to parents and grandparents in the window (net of reversals). */
  given: number;
  /** Held by its volunteers and elders at the window's end. */
  outstanding: number;
}

/** Each movement's entries, with the kind a reversal undoes, as the time-bank figures count them. */
const COUNTED_ENTRIES = `
  SELECT x.account, x.amount, m.created_at, m.request_id, COALESCE(o.kind, m.kind) AS counted_kind
  FROM time_coin_entries x
  JOIN time_coin_movements m ON m.id = x.movement_id
  LEFT JOIN time_coin_movements o ON o.id = m.reverses_id`;

/** The scope's condition, and the region's when one is named (at any level: community, street or district). */
function elderCondition(window: Pick<ReportWindow, 'scope' | 'regionId'>, params: unknown[]): string {
  const scope = scopeCondition(window.scope, params);
  if (window.regionId === undefined) return scope;
  params.push(window.regionId);
  return `${scope} AND $${params.length}::uuid IN (c.id, s.id, d.id)`;
}

/** The scope's and the named region's condition on a community `c` with its street `s` and district `d`. */
function regionCondition(window: Pick<ReportWindow, 'scope' | 'regionId'>, params: unknown[]): string {
  const scope =
    window.scope.kind === 'city' || window.scope.kind === 'regions' ? scopeCondition(window.scope, params) : 'FALSE';
  if (window.regionId === undefined) return scope;
  params.push(window.regionId);
  return `${scope} AND $${params.length}::uuid IN (c.id, s.id, d.id)`;
}
