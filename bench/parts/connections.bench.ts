/**
 * connections: idle devices held open by the project's Mosquitto and by the embedded broker (libs/broker's aedes, as
 * the all-in-one process runs it), and what each costs in memory: the resident set of the broker, and of the gateway
 * that takes their statuses, before and after N devices connect, divided by N.
 *
 * Baseline, same run: an idle TCP connection held by a bare Node.js server in a process of its own, the floor any
 * broker pays for a socket before it keeps any MQTT state (a session, a subscription, a retained status, a will).
 * Mosquitto's figure is the growth of the heap it accounts for itself ($SYS/broker/heap/current), not its resident
 * set (see mosquittoHeap); the others are resident-set growth.
 * The devices live in processes of their own (two, one per core), each with a persistent session, a subscription to
 * its `down` topic and a retained online status, as firmware has.
 */
import { DeviceRepository } from '@eldercare/persistence';
import type { TestMosquitto } from '@eldercare/testing';
import { connectAsync } from 'mqtt';
import { generateDeviceSecret } from '@eldercare/secrets';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { randomBytes, scryptSync } from 'node:crypto';
import { connect, type Socket } from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { BenchStack, sleep, type BenchDevice } from '../harness/bench-stack';
import { DeviceFleet } from '../harness/device-fleet';
import { residentBytes } from '../harness/memory';
import { runPart, type PartContext } from '../harness/run-part';

const DEVICES = Number(process.env.BENCH_CONNECTIONS_DEVICES) || 10_000;
const FLEET_PROCESSES = 2;
const SETTLE_MS = 3_000;
const ONLINE_LIMIT_MS = 60_000;
const HEAP_TOPIC = '$SYS/broker/heap/current';

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

runPart('connections', async (context) => {
  const { sheet } = context;
  console.log(`  ${DEVICES.toLocaleString('en')} devices per broker, from ${FLEET_PROCESSES} processes`);

  const bare = await bareSockets(DEVICES);
  sheet.add('bare_socket_bytes_per_connection', bare, 'B');

  const mosquitto = await onMosquitto(context);
  sheet.add('mosquitto_devices_held', mosquitto.held, 'devices');
  sheet.add('mosquitto_connect_s', mosquitto.connectSeconds, 's');
  sheet.add('mosquitto_bytes_per_connection', mosquitto.brokerBytes, 'B', 'bare_socket_bytes_per_connection');
  sheet.add('gateway_bytes_per_device', mosquitto.gatewayBytes, 'B', 'bare_socket_bytes_per_connection');

  const embedded = await onEmbeddedBroker(context);
  sheet.add('embedded_devices_held', embedded.held, 'devices');
  sheet.add('embedded_connect_s', embedded.connectSeconds, 's', 'mosquitto_connect_s');
  sheet.add('embedded_bytes_per_connection', embedded.brokerBytes, 'B', 'bare_socket_bytes_per_connection');
  sheet.note(
    'the embedded broker checks each connection against the registry; there the devices’ hashes have scrypt N=2^4, ' +
      'not the production 2^14, so that connecting measures the broker and not the hash',
  );
});

/** RSS growth per idle socket of a bare Node.js server in its own process, `count` sockets from this one. */
async function bareSockets(count: number): Promise<number> {
  const holder = spawn(
    process.execPath,
    [
      '-e',
      `const server = require('node:net').createServer((socket) => socket.on('error', () => {}));
       server.listen(0, '127.0.0.1', () => process.send(server.address().port));
       process.on('message', () => process.exit(0));`,
    ],
    { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] },
  );
  const [port] = (await once(holder, 'message')) as [number];
  await sleep(SETTLE_MS);
  const before = await residentBytes(holder.pid!);
  const sockets: Socket[] = [];
  for (let start = 0; start < count; start += 500)
    sockets.push(
      ...(await Promise.all(
        Array.from({ length: Math.min(500, count - start) }, () => {
          const socket = connect(port, '127.0.0.1');
          return once(socket, 'connect').then(() => socket);
        }),
      )),
    );
  await sleep(SETTLE_MS);
  const after = await residentBytes(holder.pid!);
  console.log(`  bare server: ${mib(before)} → ${mib(after)}`);
  for (const socket of sockets) socket.destroy();
  holder.send('exit');
  await once(holder, 'exit');
  return (after - before) / count;
}

interface Held {
  held: number;
  connectSeconds: number;
  brokerBytes: number;
  gatewayBytes: number;
}

async function onMosquitto(context: PartContext): Promise<Held> {
  const stack = await BenchStack.start(context);
  const devices = await stack.registerDevicesInBulk('water_meter', 'wm-conn', Array<null>(DEVICES).fill(null));
  const mosquitto = stack.broker.mosquitto!;
  const gateway = await stack.startGateway('bench-connections');
  await sleep(SETTLE_MS);
  const before = { broker: await mosquittoHeap(mosquitto), gateway: await residentBytes(gateway.pid) };
  const { fleet, held, connectSeconds } = await connectFleet(context, stack.broker.url, devices);
  // The gateway has taken every device's online status once the registry says so.
  const deadline = Date.now() + ONLINE_LIMIT_MS;
  while ((await onlineCount(stack)) < held && Date.now() < deadline) await sleep(250);
  const online = await onlineCount(stack);
  if (online < held) context.sheet.note(`mosquitto: the gateway had seen ${online} of ${held} devices online`);
  const after = { broker: await mosquittoHeap(mosquitto), gateway: await residentBytes(gateway.pid) };
  console.log(
    `  mosquitto's heap: ${mib(before.broker)} → ${mib(after.broker)} (resident ${mib(await residentBytes(mosquitto.pid))}); ` +
      `gateway: ${mib(before.gateway)} → ${mib(after.gateway)}`,
  );
  await fleet.close();
  await stack.stopProcesses();
  return {
    held,
    connectSeconds,
    brokerBytes: (after.broker - before.broker) / held,
    gatewayBytes: (after.gateway - before.gateway) / held,
  };
}

async function onEmbeddedBroker(context: PartContext): Promise<Omit<Held, 'gatewayBytes'>> {
  const stack = await BenchStack.start(context, 'embedded');
  const devices = await registerWithCheapHashes(stack, DEVICES);
  collectGarbage();
  await sleep(SETTLE_MS);
  const before = await residentBytes(process.pid);
  const { fleet, held, connectSeconds } = await connectFleet(context, stack.broker.url, devices);
  collectGarbage();
  await sleep(SETTLE_MS);
  const after = await residentBytes(process.pid);
  console.log(`  embedded broker's process: ${mib(before)} → ${mib(after)}`);
  await fleet.close();
  return { held, connectSeconds, brokerBytes: (after - before) / held };
}

async function connectFleet(
  context: PartContext,
  url: string,
  devices: BenchDevice[],
): Promise<{ fleet: DeviceFleet; held: number; connectSeconds: number }> {
  const started = performance.now();
  const { fleet, connected, failed } = await DeviceFleet.start(url, devices, { processes: FLEET_PROCESSES });
  context.onCleanup(() => fleet.close());
  const connectSeconds = (performance.now() - started) / 1000;
  if (failed > 0) context.sheet.note(`${url}: ${failed} of ${devices.length} devices could not connect`);
  return { fleet, held: connected, connectSeconds };
}

/**
 * The bytes Mosquitto has allocated (`$SYS/broker/heap/current`, published every 10 s): its resident set does not
 * tell, since the heap it freed after loading the dynamic-security file stays resident and new connections reuse it.
 * Waits for the next publication, so the figure is of now.
 */
async function mosquittoHeap(mosquitto: TestMosquitto): Promise<number> {
  const admin = await connectAsync(mosquitto.url, { ...mosquitto.admin, clean: true });
  try {
    const subscribedAt = Date.now();
    const fresh = new Promise<number>((resolve) =>
      admin.on('message', (_topic, payload) => {
        // The retained value comes at once on subscribing; the fresh one up to 10 s later.
        if (Date.now() - subscribedAt > 100) resolve(Number(payload.toString()));
      }),
    );
    await admin.subscribeAsync(HEAP_TOPIC);
    return await fresh;
  } finally {
    await admin.endAsync(true);
  }
}

function onlineCount(stack: BenchStack): Promise<number> {
  return stack.dataSource
    .query('SELECT count(*)::int AS n FROM devices WHERE online')
    .then(([{ n }]: { n: number }[]) => n);
}

/** Registry rows whose hashes are cheap to check (see the part's note), each device with a secret of its own. */
async function registerWithCheapHashes(stack: BenchStack, count: number): Promise<BenchDevice[]> {
  const devices = Array.from({ length: count }, (_, index) => ({
    deviceId: `wm-emb-${String(index).padStart(6, '0')}`,
    secret: generateDeviceSecret(),
    elderId: null,
  }));
  const registry = new DeviceRepository(stack.dataSource);
  const hash = (secret: string) => {
    const salt = randomBytes(16);
    const key = scryptSync(secret, salt, 32, { N: 16, r: 8, p: 1 });
    return ['scrypt', 16, 8, 1, salt.toString('base64url'), key.toString('base64url')].join('$');
  };
  for (let start = 0; start < count; start += 1000)
    await registry.insert(
      devices.slice(start, start + 1000).map(({ deviceId, secret }) => ({
        id: deviceId,
        type: 'water_meter' as const,
        elderId: null,
        secretHash: hash(secret),
      })),
    );
  return devices;
}

function mib(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
