import type { DispatchAnnouncements } from '../alerts/dispatch-announcements';

/** Announcements noted instead of queued, for unit specs that check what a service announces. */
export class FakeAnnouncements {
  readonly alerts: { alertId: string; change: string }[] = [];
  readonly workOrders: { workOrderId: string; seq: string }[] = [];

  async announce(alertId: string, change: string): Promise<void> {
    this.alerts.push({ alertId, change });
  }

  async announceWorkOrder(workOrderId: string, seq: string): Promise<void> {
    this.workOrders.push({ workOrderId, seq });
  }

  asAnnouncements(): DispatchAnnouncements {
    return this as unknown as DispatchAnnouncements;
  }
}
