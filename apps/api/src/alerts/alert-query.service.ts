import type { AlertCase, AlertSnapshot, AlertView, DeviceView, ReadingView } from '@eldercare/contracts';
import { compareSeverity, DomainError, HOUR_MS, maskPhone, type Severity } from '@eldercare/domain';
import {
  AlertCaseRepository,
  AlertViewRepository,
  AuditRepository,
  ElderRecordRepository,
  type AlertSearch,
  type DeviceRecord,
  type ReadingRecord,
} from '@eldercare/persistence';
import { ENVELOPE_FIELDS } from '@eldercare/protocol';
import { Injectable } from '@nestjs/common';
import type { Viewer } from '../auth/viewer';
import { toElderCard } from '../elders/elder-card.mapper';
import { alertTimeline } from './alert-timeline';
import { toAlertView } from './alert-view.mapper';

/** How far back a case looks for the devices' last readings and position. */
const READINGS_LOOKBACK_MS = 24 * HOUR_MS;
/** The most alerts a reconnecting console is sent as changed while it was away; it reloads beyond that. */
const REPLAY_LIMIT = 1000;

export interface AlertPage {
  alerts: AlertView[];
  nextBefore: string | null;
}

/** Most severe first; within a severity, the ones nobody has claimed, then the one waiting longest. */
export function queueOrder(a: AlertView, b: AlertView): number {
  const claimed = (alert: AlertView) => (alert.claimedBy === null ? 0 : 1);
  return (
    compareSeverity(a.severity as Severity, b.severity as Severity) ||
    claimed(a) - claimed(b) ||
    a.raisedAt.localeCompare(b.raisedAt)
  );
}

/** What the console reads about alerts, always within the viewer's scope. */
@Injectable()
export class AlertQueryService {
  constructor(
    private readonly views: AlertViewRepository,
    private readonly cases: AlertCaseRepository,
    private readonly elders: ElderRecordRepository,
    private readonly audit: AuditRepository,
  ) {}

  async openQueue(viewer: Viewer): Promise<AlertView[]> {
    const rows = await this.views.findOpen(viewer.scope);
    return rows.map((row) => toAlertView(row)).sort(queueOrder);
  }

  /** The open queue and everything changed after `since`, for a console that (re)connects. */
  async snapshot(viewer: Viewer, since: string | undefined): Promise<AlertSnapshot> {
    const seq = await this.views.latestSeq();
    const [open, changed] = await Promise.all([
      this.openQueue(viewer),
      since === undefined ? Promise.resolve([]) : this.views.findChangedSince(viewer.scope, since, REPLAY_LIMIT),
    ]);
    return { open, changedSince: changed.map((row) => toAlertView(row)), seq };
  }

  async search(viewer: Viewer, search: AlertSearch): Promise<AlertPage> {
    const rows = await this.views.search(viewer.scope, search);
    const last = rows.length === search.limit ? rows[rows.length - 1] : undefined;
    return {
      alerts: rows.map((row) => toAlertView(row)),
      nextBefore: last ? `${last.raisedAt.toISOString()}|${last.id}` : null,
    };
  }

  /** Everything to work one alert. The elder's record is in it, so the read is audited. */
  async alertCase(viewer: Viewer, alertId: string, now = Date.now()): Promise<AlertCase> {
    const row = await this.views.findInScope(viewer.scope, alertId);
    if (!row) throw new DomainError('alert-not-found', 'no alert with this id is yours to see');
    const [record, devices, readings, calls, dispatches, escalations] = await Promise.all([
      this.elders.findInScope(viewer.scope, row.elder.id),
      this.elders.devicesOf(row.elder.id),
      this.elders.lastReadings(row.elder.id, new Date(now - READINGS_LOOKBACK_MS)),
      this.cases.callsOf(alertId),
      this.cases.dispatchesOf(alertId),
      this.cases.escalationsOf(alertId),
    ]);
    if (!record) throw new DomainError('alert-not-found', 'no alert with this id is yours to see');
    await this.audit.append({
      userId: viewer.id,
      action: 'alert-case.read',
      elderId: row.elder.id,
      subject: `alert:${alertId}`,
    });
    const elder = toElderCard(record, viewer.role, now);
    return {
      alert: toAlertView(row, now),
      elder,
      devices: devices.map(toDeviceView),
      lastReadings: readings.map(toReadingView),
      lastPosition: elder.home === null ? null : lastPositionOf(readings),
      calls: calls.map((call) => ({
        ...call,
        at: call.at.toISOString(),
        phone: elder.masked.includes('contacts') ? maskPhone(call.phone) : call.phone,
      })),
      dispatches: dispatches.map((dispatch) => ({
        id: dispatch.id,
        at: dispatch.at.toISOString(),
        by: dispatch.by,
        kind: dispatch.kind as AlertCase['dispatches'][number]['kind'],
        to: dispatch.sentTo,
        note: dispatch.note,
      })),
      timeline: alertTimeline({ alert: row, calls, dispatches, escalations }),
    };
  }
}

function toDeviceView(device: DeviceRecord): DeviceView {
  return {
    id: device.id,
    type: device.type,
    online: device.online,
    lastSeenAt: device.lastSeenAt?.toISOString() ?? null,
    battery: device.battery,
    retiredAt: device.retiredAt?.toISOString() ?? null,
  };
}

function toReadingView(reading: ReadingRecord): ReadingView {
  const { deviceId, kind, occurredAt, body } = reading;
  const data = Object.fromEntries(
    Object.entries(body).filter(([key]) => !(ENVELOPE_FIELDS as readonly string[]).includes(key)),
  );
  return { deviceId, type: kind, at: occurredAt.toISOString(), data };
}

/** The newest reading that carries a position (a location report, or an sos or fall with one). */
function lastPositionOf(readings: ReadingRecord[]): AlertCase['lastPosition'] {
  for (const reading of readings) {
    const { lat, lon, accuracyM } = reading.body as { lat?: number; lon?: number; accuracyM?: number };
    if (typeof lat === 'number' && typeof lon === 'number')
      return { lat, lon, accuracyM: accuracyM ?? null, at: reading.occurredAt.toISOString() };
  }
  return null;
}
