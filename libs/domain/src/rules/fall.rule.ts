import type { FallUplink } from '@eldercare/protocol';
import { raiseFromEvent } from './rule-outcome';
import type { RaiseDecision } from './rule-decision';
import type { DeviceEvent } from './rule-input';
import type { RuleSettings } from './rule-settings';

/**
 * A fall from a watch: critical when the watch is at least as sure as the elder's threshold. A watch that gives
 * no confidence has judged it a fall, so it counts. Like sos it is raised on every delivery, late or repeated.
 */
export function evaluateFall(event: DeviceEvent, uplink: FallUplink, settings: RuleSettings): RaiseDecision[] {
  if (uplink.confidence !== undefined && uplink.confidence < settings.fall.minConfidence) return [];
  const evidence: Record<string, unknown> = {};
  if (uplink.confidence !== undefined) evidence.confidence = uplink.confidence;
  if (uplink.lat !== undefined && uplink.lon !== undefined)
    Object.assign(evidence, { lat: uplink.lat, lon: uplink.lon });
  return [raiseFromEvent('fall', event, evidence)];
}
