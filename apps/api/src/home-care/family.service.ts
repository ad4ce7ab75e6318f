import type { FamilyElderView } from '@eldercare/contracts';
import { ageOn } from '@eldercare/domain';
import {
  AlertViewRepository,
  AuditRepository,
  ElderRecordRepository,
  WorkOrderRepository,
} from '@eldercare/persistence';
import { Injectable } from '@nestjs/common';
import type { Viewer } from '../auth/viewer';
import { ElderAccessService } from '../elders/elder-access.service';
import { readerOf } from './work-orders.service';
import { toWorkOrderView } from './work-order-view.mapper';

/** How far back a family's page looks: the last three months of visits and alerts. */
const LOOKBACK_MS = 92 * 86_400_000;

/** A family's page for their own elder: the service record, alerts, devices. Every read is audited. */
@Injectable()
export class FamilyService {
  constructor(
    private readonly elders: ElderRecordRepository,
    private readonly elderAccess: ElderAccessService,
    private readonly alerts: AlertViewRepository,
    private readonly orders: WorkOrderRepository,
    private readonly audit: AuditRepository,
  ) {}

  async elderView(viewer: Viewer, elderId: string, now = Date.now()): Promise<FamilyElderView> {
    const elder = await this.elderAccess.elderInScope(viewer, elderId);
    const since = new Date(now - LOOKBACK_MS);
    const [devices, open, past, visits] = await Promise.all([
      this.elders.devicesOf(elderId),
      this.alerts.findOpen(viewer.scope),
      this.alerts.search(viewer.scope, { elderId, from: since, limit: 50 }),
      this.orders.search(readerOf(viewer), { elderId, from: since, to: new Date(now + 8 * 86_400_000), limit: 500 }),
    ]);
    await this.audit.append({ userId: viewer.id, action: 'family.elder-read', elderId, subject: `elder:${elderId}` });
    return {
      elder: { id: elder.id, name: elder.name, age: ageOn(elder.birthDate, now), categories: elder.categories },
      devices: devices
        .filter((device) => device.status === 'active')
        .map((device) => ({
          id: device.id,
          type: device.type,
          online: device.online,
          battery: device.battery,
          lastSeenAt: device.lastSeenAt?.toISOString() ?? null,
        })),
      openAlerts: open
        .filter((alert) => alert.elder.id === elderId)
        .map((alert) => ({
          id: alert.id,
          rule: alert.rule,
          severity: alert.severity,
          status: alert.status,
          raisedAt: alert.raisedAt.toISOString(),
        })),
      pastAlerts: past
        .filter((alert) => alert.status === 'resolved' || alert.status === 'cancelled-by-elder')
        .map((alert) => ({
          id: alert.id,
          rule: alert.rule,
          outcome: alert.outcome,
          raisedAt: alert.raisedAt.toISOString(),
          resolvedAt: alert.resolvedAt?.toISOString() ?? null,
        })),
      visits: visits.map((row) => toWorkOrderView(row, viewer.role)).reverse(),
    };
  }
}
