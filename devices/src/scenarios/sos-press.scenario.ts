import { TimelineBuilder, type Scenario } from './scenario';

/** The elder presses the call button: one `sos`. */
export const sosPressScenario: Scenario = {
  name: 'sos-press',
  title: '一键呼叫 · the elder presses the call button',
  deviceType: 'call_button',
  ending: 'disconnect',
  timeline: ({ startMs, deviceId }) =>
    new TimelineBuilder(deviceId, 'sos-press', startMs).add(startMs, { kind: 'sos' }).build(),
};
