import type { Uplink } from '../protocol-shim';
import type { TimelineEntry } from './scenario';
import { playTimeline, type UplinkPublisher } from './timeline-player';

/** Records what it is asked to publish, in order, across devices. */
class RecordingPublisher implements UplinkPublisher {
  constructor(
    readonly deviceId: string,
    private readonly log: Array<[string, Uplink]>,
  ) {}

  async publish(uplink: Uplink): Promise<void> {
    this.log.push([this.deviceId, uplink]);
  }
}

const START = Date.parse('2025-11-23T09:30:00+08:00');
const TIMELINE: TimelineEntry[] = [
  { atMs: START + 20_000, deviceId: 'btn-0001', uplink: { msgId: 'b-2', ts: START + 20_000, kind: 'cancel' } },
  { atMs: START, deviceId: 'btn-0001', uplink: { msgId: 'b-1', ts: START, kind: 'sos' } },
  {
    atMs: START + 5_000,
    deviceId: 'watch-0001',
    uplink: { msgId: 'w-1', ts: START + 5_000, kind: 'worn', worn: true },
  },
];

function devices(): { log: Array<[string, Uplink]>; publishers: RecordingPublisher[] } {
  const log: Array<[string, Uplink]> = [];
  return { log, publishers: [new RecordingPublisher('btn-0001', log), new RecordingPublisher('watch-0001', log)] };
}

describe('playTimeline', () => {
  it('publishes every entry through its device, in time order, with its own msgId and ts', async () => {
    const { log, publishers } = devices();
    await playTimeline(TIMELINE, publishers, { speed: Number.POSITIVE_INFINITY, timestamps: 'simulated' });
    expect(log).toEqual([
      ['btn-0001', { msgId: 'b-1', ts: START, kind: 'sos' }],
      ['watch-0001', { msgId: 'w-1', ts: START + 5_000, kind: 'worn', worn: true }],
      ['btn-0001', { msgId: 'b-2', ts: START + 20_000, kind: 'cancel' }],
    ]);
  });

  it('leaves ts out when time is accelerated, unless told otherwise', async () => {
    const { log, publishers } = devices();
    await playTimeline(TIMELINE, publishers, { speed: Number.POSITIVE_INFINITY });
    expect(log.map(([, uplink]) => uplink.ts)).toEqual([undefined, undefined, undefined]);
    expect(TIMELINE[0].uplink.ts).toBe(START + 20_000);
  });

  it('tells the caller about each uplink as sent', async () => {
    const { publishers } = devices();
    const sent: string[] = [];
    await playTimeline(TIMELINE, publishers, {
      speed: Number.POSITIVE_INFINITY,
      onPublished: (entry) => sent.push(entry.uplink.msgId),
    });
    expect(sent).toEqual(['b-1', 'w-1', 'b-2']);
  });

  it('refuses a timeline naming a device it was not given, before sending anything', async () => {
    const { log, publishers } = devices();
    await expect(playTimeline(TIMELINE, publishers.slice(0, 1), { speed: Number.POSITIVE_INFINITY })).rejects.toThrow(
      'watch-0001',
    );
    expect(log).toEqual([]);
  });

  it('stops when aborted, leaving the rest unsent', async () => {
    const { log, publishers } = devices();
    const controller = new AbortController();
    const playing = playTimeline(TIMELINE, publishers, { speed: 1, signal: controller.signal });
    controller.abort();
    await expect(playing).rejects.toThrow(/abort/i);
    expect(log.map(([, uplink]) => uplink.msgId)).toEqual(['b-1']);
  });

  it.each([0, -2])('refuses speed %s', async (speed) => {
    await expect(playTimeline(TIMELINE, devices().publishers, { speed })).rejects.toThrow('speed');
  });
});
