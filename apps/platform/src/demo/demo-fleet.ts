import { FleetRunner, offsetByMeters, planHousehold, SeededRandom, type FleetMember, type GeoPoint } from '@eldercare/devices';
import type { Logger } from 'pino';
import type { DemoDeviceCredentials } from './demo-seeder';

/** 东湖区, 南昌. */
const DISTRICT_CENTRE: GeoPoint = { lat: 28.6832, lon: 115.9066 };
const STATS_EVERY_MS = 10_000;

/**
 * Keeps the demo city's devices talking: each elder's devices share a home and a daily routine, and a simulated
 * day passes `speed` times faster than a real one.
 */
export async function startDemoFleet(url: string, credentials: DemoDeviceCredentials[], speed: number, logger: Logger): Promise<{ stop(): Promise<void> }> {
  const households = new Map<string, DemoDeviceCredentials[]>();
  for (const device of credentials) households.set(device.household, [...(households.get(device.household) ?? []), device]);
  const startMs = Date.now();
  const members: FleetMember[] = [...households].flatMap(([household, devices]) => {
    const random = SeededRandom.from('demo-city', household);
    const home = offsetByMeters(DISTRICT_CENTRE, random.between(-3000, 3000), random.between(-3000, 3000));
    return planHousehold(devices, { seed: `demo-city/${household}`, startMs, home });
  });
  const fleet = new FleetRunner({ url, members, startMs, speed, statsIntervalMs: STATS_EVERY_MS, connectConcurrency: 8 });
  fleet.on('stats', (stats) => logger.info({ fleet: stats }, `demo fleet: ${stats.connected}/${stats.devices} devices online, ${stats.sent} messages sent`));
  fleet.on('connect-failed', (deviceId, error) => logger.warn({ deviceId }, `demo device could not connect: ${error.message}`));
  await fleet.start();
  logger.info(`demo fleet of ${members.length} devices in ${households.size} homes, ${speed}x real time`);
  return { stop: () => fleet.stop() };
}
