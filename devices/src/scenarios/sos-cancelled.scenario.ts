import { TimelineBuilder, type Scenario } from './scenario';

/** Long enough to notice the mistake, well inside the minute in which a cancel counts. */
export const CANCEL_AFTER_MS = 20_000;

/** A press made by mistake: `sos`, then `cancel` 20 s later when the elder holds the button. */
export const sosCancelledScenario: Scenario = {
  name: 'sos-cancelled',
  title: '误按取消 · a press cancelled by mistake',
  deviceType: 'call_button',
  ending: 'disconnect',
  timeline: ({ startMs, deviceId }) =>
    new TimelineBuilder(deviceId, 'sos-cancelled', startMs)
      .add(startMs, { kind: 'sos' })
      .add(startMs + CANCEL_AFTER_MS, { kind: 'cancel' })
      .build(),
};
