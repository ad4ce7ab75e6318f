import type { SimulatedDevice } from '@eldercare/devices';
import type { Uplink } from '@eldercare/protocol';
import type { DataSource } from 'typeorm';
import type { ConsoleWatch } from './console-watch';

/** One press of an sos button or one fall of a watch, each on a device of its own elder. */
export class Press {
  private uplink?: Uplink;

  constructor(readonly device: SimulatedDevice) {
    const body = device.type === 'call_button' ? { kind: 'sos' as const } : { kind: 'fall' as const, confidence: 0.95 };
    // Pressed while the broker is away, the press waits in the device's client and goes out on reconnect.
    device.send(body).then(
      (uplink) => (this.uplink = uplink),
      () => undefined,
    );
  }

  get msgId(): string | undefined {
    return this.uplink?.msgId;
  }

  /** The platform answered `received` to the device (at least once: a repeat of the press is answered too). */
  get answered(): boolean {
    const msgId = this.msgId;
    return this.device.downlinks.some(
      (downlink) => downlink.kind === 'ack' && downlink.ref === msgId && downlink.state === 'received',
    );
  }
}

/** What became of one press, end to end. */
export interface PressOutcome {
  answered: boolean;
  /** Rows of the press in `device_messages`. */
  stored: number;
  /** Alerts of the press's elder, with the triggers counted into them. */
  alerts: { id: string; triggers: number }[];
  /** Times each of those alerts sounded on the console as new. */
  sounded: number[];
  /** Copies of those alerts the console's socket carried, live or replayed. */
  copies: number;
}

export async function outcomeOf(press: Press, elderId: string, db: DataSource, operatorConsole: ConsoleWatch) {
  const [{ n: stored }] = press.msgId
    ? await db.query('SELECT count(*)::int AS n FROM device_messages WHERE device_id = $1 AND msg_id = $2', [
        press.device.deviceId,
        press.msgId,
      ])
    : [{ n: 0 }];
  const alerts: { id: string; triggers: number }[] = await db.query(
    `SELECT id, trigger_count AS triggers FROM alerts WHERE elder_id = $1 AND rule IN ('sos', 'fall')`,
    [elderId],
  );
  return {
    answered: press.answered,
    stored,
    alerts,
    sounded: alerts.map((alert) => operatorConsole.soundedTimes(alert.id)),
    copies: alerts.reduce((sum, alert) => sum + operatorConsole.copiesOf(alert.id), 0),
  } satisfies PressOutcome;
}

/** Every part of the promise is there: stored, raised, shown and answered. */
export function isComplete(outcome: PressOutcome): boolean {
  return outcome.answered && outcome.stored >= 1 && outcome.alerts.length >= 1 && outcome.sounded.some((n) => n >= 1);
}

/** Something is there twice: a second stored copy, a second alert or trigger, or the console sounding it twice. */
export function isDuplicated(outcome: PressOutcome): boolean {
  return (
    outcome.stored > 1 ||
    outcome.alerts.length > 1 ||
    outcome.alerts.some((alert) => alert.triggers > 1) ||
    outcome.sounded.some((n) => n > 1) ||
    outcome.sounded.filter((n) => n >= 1).length > 1
  );
}
