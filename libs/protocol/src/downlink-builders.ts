import type { AckDownlink, AckState, ConfigDownlink, RejectedDownlink } from './downlink.schema';
import { MAX_REASON_CHARS } from './downlink.schema';
import type { Refusal } from './refusal';

/** Tells a device how far its `sos` or `fall` (`ref`) has got. */
export function ackDownlink(msgId: string, ref: string, state: AckState): AckDownlink {
  return { msgId, kind: 'ack', ref, state };
}

/** Answers a refused uplink with `<code>: <detail>`, and its `msgId` as `ref` when one could be read. */
export function rejectedDownlink(msgId: string, refused: Refusal): RejectedDownlink {
  const full = `${refused.code}: ${refused.detail}`;
  // Refusal details are already capped; this keeps the downlink valid even for a hand-made Refusal.
  const reason = full.length > MAX_REASON_CHARS ? `${full.slice(0, MAX_REASON_CHARS - 3)}...` : full;
  return refused.ref === undefined
    ? { msgId, kind: 'rejected', reason }
    : { msgId, kind: 'rejected', ref: refused.ref, reason };
}

/** New intervals for a device; only the ones given are sent, so the device keeps the others. */
export function configDownlink(
  msgId: string,
  intervals: { heartbeatSec?: number; reportSec?: number },
): ConfigDownlink {
  return {
    msgId,
    kind: 'config',
    ...(intervals.heartbeatSec === undefined ? {} : { heartbeatSec: intervals.heartbeatSec }),
    ...(intervals.reportSec === undefined ? {} : { reportSec: intervals.reportSec }),
  };
}
