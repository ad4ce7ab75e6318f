import type { ServiceCode } from '@eldercare/domain';
import type { EntityManager } from 'typeorm';

/**
 * Holds the elder's row until the transaction ends, so that whatever draws on their monthly entitlement (a booking,
 * a delivered meal's work order) is decided one after the other: the second reads what the first stored. FOR NO KEY
 * UPDATE leaves rows that only reference the elder (alerts, readings, work orders) free to be written meanwhile.
 */
export async function lockElderEntitlement(manager: EntityManager, elderId: string): Promise<void> {
  await manager.query('SELECT 1 FROM elders WHERE id = $1 FOR NO KEY UPDATE', [elderId]);
}

/**
 * What is planned of the service for the elder in `[from, to)` (work orders not cancelled, in the service's unit),
 * read under the elder's entitlement lock: the planned figure a booking's payment is decided on.
 */
export async function plannedUnderEntitlementLock(
  manager: EntityManager,
  elderId: string,
  service: ServiceCode,
  month: { from: Date; to: Date },
  /** The work order being decided on, stored already in this transaction. */
  { except }: { except: string | null } = { except: null },
): Promise<number> {
  await lockElderEntitlement(manager, elderId);
  const [{ planned }]: { planned: number }[] = await manager.query(
    `SELECT coalesce(sum(quantity), 0)::float8 AS planned FROM work_orders
     WHERE elder_id = $1 AND service = $2 AND status <> 'cancelled' AND starts_at >= $3 AND starts_at < $4
       AND id IS DISTINCT FROM $5::uuid`,
    [elderId, service, month.from, month.to, except],
  );
  return planned;
}
