import type { DeviceCredentials } from './device-credentials';
import { planFleet } from './fleet-plan';
import { distanceMeters } from './geo-point';
import { DAY_MS } from './local-time';

const MIDNIGHT = Date.parse('2025-11-23T00:00:00+08:00');
const CENTRE = { lat: 22.5176, lon: 113.3926 };
const watches: DeviceCredentials[] = Array.from({ length: 40 }, (_, index) => ({
  deviceId: `watch-${index}`,
  type: 'wearable',
  secret: 's',
}));

describe('planFleet', () => {
  const plan = () => planFleet(watches, { seed: 'city', startMs: MIDNIGHT, centre: CENTRE, radiusM: 2_000 });

  it('puts every elder in a home within the radius, and walks near it', () => {
    const farthest = plan().map((member) => {
      const locations = member.model
        .advanceTo(MIDNIGHT + DAY_MS)
        .flatMap((uplink) => (uplink.kind === 'location' ? [uplink] : []));
      return Math.max(0, ...locations.map((location) => distanceMeters(CENTRE, location)));
    });
    farthest.forEach((metres) => expect(metres).toBeLessThan(2_600));
    expect(farthest.filter((metres) => metres > 1_000).length).toBeGreaterThan(10);
  });

  it('replays the same fleet from the same seed, each elder living a different day', () => {
    const day = (members: ReturnType<typeof plan>) =>
      members.map((member) => member.model.advanceTo(MIDNIGHT + DAY_MS));
    const [first, again] = [day(plan()), day(plan())];
    expect(again).toEqual(first);
    expect(new Set(first.map((uplinks) => uplinks.find((uplink) => uplink.kind === 'worn')!.ts)).size).toBeGreaterThan(
      30,
    );
  });
});
