import { MINUTE_MS } from '../local-time';
import { SeededRandom } from '../seeded-random';
import { TimelineBuilder, type Scenario } from './scenario';

export const HEARTBEATS_BEFORE_SILENCE = 4;
const HEARTBEAT_MS = 15 * MINUTE_MS;

/**
 * A device going silent (设备离线): a call button sends its heartbeats every 15 minutes, then
 * nothing, and drops off the broker without a goodbye so that its last will marks it offline.
 */
export const deviceSilentScenario: Scenario = {
  name: 'device-silent',
  title: '设备失联 · a call button goes silent',
  deviceType: 'call_button',
  ending: 'drop',
  timeline: ({ startMs, deviceId }) => {
    const battery = SeededRandom.from('device-silent', deviceId, startMs).int(40, 90);
    const timeline = new TimelineBuilder(deviceId, 'device-silent', startMs);
    for (let beat = 0; beat < HEARTBEATS_BEFORE_SILENCE; beat++)
      timeline.add(startMs + beat * HEARTBEAT_MS, { kind: 'heartbeat', battery });
    return timeline.build();
  },
};
