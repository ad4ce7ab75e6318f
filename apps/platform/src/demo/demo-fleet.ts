import {
  FleetRunner,
  offsetByMeters,
  planHousehold,
  SeededRandom,
  type FleetMember,
  type GeoPoint,
} from '@eldercare/devices';
import type { Logger } from 'pino';
import type { DemoDeviceCredentials } from './demo-seeder';

/** 东湖区, 南昌. */
const DISTRICT_CENTRE: GeoPoint = { lat: 28.6832, lon: 115.9066 };
const STATS_EVERY_MS = 10_000;
/** How often someone in the demo city presses a button or falls, so there is always an alert to work. */
const INCIDENT_EVERY_MS = 90_000;

/**
 * Keeps the demo city's devices talking: each elder's devices share a home and a daily routine, and a simulated
 * day passes `speed` times faster than a real one.
 */
export async function startDemoFleet(
  url: string,
  credentials: DemoDeviceCredentials[],
  speed: number,
  logger: Logger,
): Promise<{ stop(): Promise<void> }> {
  const households = new Map<string, DemoDeviceCredentials[]>();
  for (const device of credentials)
    households.set(device.household, [...(households.get(device.household) ?? []), device]);
  const startMs = Date.now();
  const members: FleetMember[] = [...households].flatMap(([household, devices]) => {
    const random = SeededRandom.from('demo-city', household);
    const home = offsetByMeters(DISTRICT_CENTRE, random.between(-3000, 3000), random.between(-3000, 3000));
    return planHousehold(devices, { seed: `demo-city/${household}`, startMs, home });
  });
  const fleet = new FleetRunner({
    url,
    members,
    startMs,
    speed,
    statsIntervalMs: STATS_EVERY_MS,
    connectConcurrency: 8,
  });
  fleet.on('stats', (stats) =>
    logger.info(
      { fleet: stats },
      `demo fleet: ${stats.connected}/${stats.devices} devices online, ${stats.sent} messages sent`,
    ),
  );
  fleet.on('connect-failed', (deviceId, error) =>
    logger.warn({ deviceId }, `demo device could not connect: ${error.message}`),
  );
  await fleet.start();
  logger.info(`demo fleet of ${members.length} devices in ${households.size} homes, ${speed}x real time`);

  // Only buttons and watches press or fall; meters and bed mats raise their alerts from readings.
  const responders = credentials.filter((device) => device.type === 'call_button' || device.type === 'wearable');
  const random = SeededRandom.from('demo-city', 'incidents');
  const incidents = setInterval(() => {
    const chosen = responders[Math.floor(random.next() * responders.length)];
    const device = fleet.device(chosen.deviceId);
    if (!device) return;
    const incident =
      chosen.type === 'call_button' ? ({ kind: 'sos' } as const) : ({ kind: 'fall', confidence: 0.9 } as const);
    device
      .send(incident)
      .then(() => logger.info({ deviceId: chosen.deviceId }, `demo incident: ${incident.kind} from ${chosen.deviceId}`))
      .catch((error: Error) => logger.warn({ deviceId: chosen.deviceId }, `demo incident not sent: ${error.message}`));
  }, INCIDENT_EVERY_MS);
  return {
    stop: async () => {
      clearInterval(incidents);
      await fleet.stop();
    },
  };
}
