/**
 * Every part of `npm run bench`, in the order a full run takes them, with the longest each may run: 28 minutes in
 * all.
 */
export interface PartEntry {
  name: string;
  file: string;
  timeLimitMs: number;
  summary: string;
}

export const PARTS: PartEntry[] = [
  {
    name: 'ingest',
    file: 'ingest.bench.ts',
    timeLimitMs: 250_000,
    summary: 'highest rate sustained for 60 s through broker, gateway, Postgres and worker, against a bare subscriber',
  },
  {
    name: 'alarm-latency',
    file: 'alarm-latency.bench.ts',
    timeLimitMs: 330_000,
    summary:
      'sos press to `received` and to the operator’s socket, idle, at 50 % and 90 % load, overloaded, and behind a backlog',
  },
  {
    name: 'scale',
    file: 'scale.bench.ts',
    timeLimitMs: 145_000,
    summary: '2 gateways + 2 workers against 1 + 1 on the same load',
  },
  {
    name: 'gateway-pool',
    file: 'gateway-pool.bench.ts',
    timeLimitMs: 60_000,
    summary: 'the gateway with its default connection pool against a single broker connection',
  },
  {
    name: 'queue-handoff',
    file: 'queue-handoff.bench.ts',
    timeLimitMs: 30_000,
    summary: 'one BullMQ job per event against one job per batch',
  },
  {
    name: 'worker-rules',
    file: 'worker-rules.bench.ts',
    timeLimitMs: 60_000,
    summary: 'the rules worker at its default concurrency against one job at a time',
  },
  {
    name: 'work-orders',
    file: 'work-orders.bench.ts',
    timeLimitMs: 30_000,
    summary: 'a week of work orders for 5,000 elders, against the same run refused by its keys',
  },
  {
    name: 'bookings',
    file: 'bookings.bench.ts',
    timeLimitMs: 60_000,
    summary: 'bookings through the api one at a time, 16 at once, and 32 at once for the same slot',
  },
  {
    name: 'face-match',
    file: 'face-match.bench.ts',
    timeLimitMs: 240_000,
    summary:
      'the face model shipped in @vladmandic/face-api on tfjs WASM: time to describe and match, false accepts and rejects',
  },
  {
    name: 'map-markers',
    file: 'map-markers.bench.ts',
    timeLimitMs: 120_000,
    summary: 'the operations map in Chromium: indexing, drawing and panning 10k, 50k and 100k elders',
  },
  {
    name: 'provision-mosquitto',
    file: 'provision-mosquitto.bench.ts',
    timeLimitMs: 75_000,
    summary: 'device accounts on Mosquitto’s dynamic security, batched against one per message',
  },
  {
    name: 'connections',
    file: 'connections.bench.ts',
    timeLimitMs: 95_000,
    summary: 'idle devices held by Mosquitto and by the embedded broker, memory per connection, against a bare socket',
  },
  {
    name: 'reconnect-storm',
    file: 'reconnect-storm.bench.ts',
    timeLimitMs: 200_000,
    summary: 'every device reconnects at once after a broker restart: time to absorb, sos latency meanwhile',
  },
];

export function partNamed(name: string): PartEntry | undefined {
  return PARTS.find((part) => part.name === name);
}
