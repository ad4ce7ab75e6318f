import { decodeUplink, type DecodedUplink } from './decode-uplink';
import { refusal, type Refusal } from './refusal';
import { ALARM_KINDS, isAlarmKind } from './uplink-kinds';

/**
 * Stage 1 for the `alarm` topic: the same envelope as on `up`, and only `sos`, `fall` or `cancel`. Anything else
 * is refused with `not-an-alarm` (carrying `ref`), so a firmware that sends readings there hears why.
 */
export function decodeAlarm(payload: Uint8Array): DecodedUplink | Refusal {
  const decoded = decodeUplink(payload);
  if (!decoded.ok || isAlarmKind(decoded.kind)) return decoded;
  return refusal(
    'not-an-alarm',
    `kind "${decoded.kind}" is not sent on the alarm topic, which takes ${ALARM_KINDS.join(', ')}; send it on up`,
    decoded.msgId,
  );
}
