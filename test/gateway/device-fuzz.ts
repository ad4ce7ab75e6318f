import { DeviceRepository } from '@eldercare/persistence';
import { DEVICE_TYPES, deviceTopic, REFUSAL_CODES, type DeviceType } from '@eldercare/protocol';
import { generateDeviceSecret } from '@eldercare/secrets';
import { AppProcess, testEnvironment } from '@eldercare/testing';
import fc from 'fast-check';
import mqtt, { type MqttClient } from 'mqtt';
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import type { DataSource } from 'typeorm';
import type { TestBroker } from '../broker/test-broker';
import { goodUplinks, hostilePayloads, hostileTopics } from './hostile-payloads';

/** What the run is given: a migrated database, a Mosquitto of its own, and how much to send. */
export interface DeviceFuzzOptions {
  dataSource: DataSource;
  databaseUrl: string;
  broker: TestBroker;
  /** Payloads to generate, hostile and good together. */
  count: number;
  seed?: number;
  /** Payloads published before the run waits for the gateway to have taken every one of them. */
  roundSize?: number;
  /** The longest the gateway may go without taking a message while some are outstanding: a stalled subscription. */
  stallMs?: number;
  log?: (line: string) => void;
}

/** What the run saw; `problems` lists every broken promise, empty when the gateway held all of them. */
export interface DeviceFuzzReport {
  seed: number;
  generated: number;
  /** Generated payloads per family (good ones as `good`). */
  byFamily: Record<string, number>;
  goodSent: number;
  stored: number;
  /** Refusals recorded in `rejected_messages`, by reason code. */
  refusedByReason: Record<string, number>;
  /** Payloads on topics not the sender's own, which the broker must drop before the gateway. */
  refusedByBroker: number;
  rejectedDownlinks: number;
  receivedAcks: number;
  crashes: number;
  errorsLogged: number;
  seconds: number;
  problems: string[];
}

type SenderKind = 'registered' | 'unregistered' | 'retired' | 'rogue';

interface Sender {
  id: string;
  kind: SenderKind;
  type: DeviceType;
  client: MqttClient;
  /** What the run expects of this sender's own topics. */
  expect: { stored: Set<string>; refused: number; acks: number };
  heard: { rejected: number; acks: number; other: number };
}

const GATEWAY_READY = 'ingesting from';
// Every protocol v1 device type, so that a type added to the protocol is fuzzed as soon as it exists.
const TYPES: readonly DeviceType[] = DEVICE_TYPES;
/** One good uplink in this many payloads from a registered device. */
const GOOD_ONE_IN = 5;

/**
 * Property-based fuzzing of the device edge through the real broker: a gateway process on the given Mosquitto, and
 * a handful of device connections (registered devices of every type, devices with a broker account but no registry
 * row, a retired device, and an account that may publish on any device's uplink topics) publishing generated
 * hostile payloads at QoS 1, pipelined, with good uplinks interleaved. After every round the run waits for the
 * gateway to have stored or refused each message; at the end it checks every promise and reports the counts.
 */
export async function runDeviceFuzz(options: DeviceFuzzOptions): Promise<DeviceFuzzReport> {
  const { dataSource, broker } = options;
  const seed = options.seed ?? Date.now() % 2 ** 31;
  const roundSize = options.roundSize ?? 5_000;
  const stallMs = options.stallMs ?? 20_000;
  const log = options.log ?? (() => undefined);
  if (!broker.mosquitto) throw new Error('device fuzzing runs on Mosquitto, whose dynamic security it relies on');

  const tag = randomBytes(3).toString('hex');
  const gateway = await AppProcess.start(
    'gateway',
    {
      DATABASE_URL: options.databaseUrl,
      REDIS_URL: testEnvironment.redisUrl,
      QUEUE_PREFIX: `fuzz-${tag}`,
      MQTT_URL: broker.url,
      MQTT_USERNAME: broker.service.username,
      MQTT_PASSWORD: broker.service.password,
      GATEWAY_ID: `fuzz-${tag}`,
      // A few senders stand for thousands of devices: the per-device limit (proven apart) would refuse the good ones.
      GATEWAY_DEVICE_MESSAGES_PER_MIN: '0',
      DEMO: 'false',
    },
    GATEWAY_READY,
  );
  const senders: Sender[] = [];
  const started = Date.now();
  try {
    senders.push(...(await connectSenders(dataSource, broker, tag)));
    const report = await publishAndCheck(options, seed, roundSize, stallMs, senders, gateway, log);
    return { ...report, seconds: (Date.now() - started) / 1000 };
  } finally {
    await Promise.all(senders.map((sender) => sender.client.endAsync(true)));
    await gateway.stop();
  }
}

async function publishAndCheck(
  { dataSource, count }: DeviceFuzzOptions,
  seed: number,
  roundSize: number,
  stallMs: number,
  senders: Sender[],
  gateway: AppProcess,
  log: (line: string) => void,
): Promise<Omit<DeviceFuzzReport, 'seconds'>> {
  const problems: string[] = [];
  const byFamily: Record<string, number> = {};
  const registered = senders.filter((sender) => sender.kind === 'registered');
  let expectedRefused = 0;
  let expectedStored = 0;
  let refusedByBroker = 0;
  let generated = 0;
  let goodSent = 0;

  for (let round = 0; generated < count && problems.length === 0; round++) {
    const size = Math.min(roundSize, count - generated);
    const perSender = Math.ceil(size / senders.length);
    const sends: Promise<unknown>[] = [];
    for (const [index, sender] of senders.entries()) {
      const take = Math.min(perSender, size - index * perSender);
      if (take <= 0) break;
      const neighbour = registered.find((other) => other !== sender)!;
      const samples = fc.sample(plannedFor(sender, neighbour.id), {
        numRuns: take,
        seed: seed + round * 1_000 + index,
      });
      for (const [n, planned] of samples.entries()) {
        generated++;
        byFamily[planned.family] = (byFamily[planned.family] ?? 0) + 1;
        let payload = planned.payload;
        if (planned.family === 'good') {
          const msgId = `g${round}-${n}`;
          payload = Buffer.from(JSON.stringify({ msgId, ...planned.good!.body }));
          sender.expect.stored.add(msgId);
          if (['sos', 'fall'].includes(planned.good!.body.kind as string)) sender.expect.acks++;
          expectedStored++;
          goodSent++;
        } else if (planned.byBroker) {
          refusedByBroker++;
        } else {
          expectedRefused++;
          sender.expect.refused++;
        }
        sends.push(sender.client.publishAsync(planned.topic, payload, { qos: 1 }));
      }
    }
    await Promise.all(sends);
    const settled = await waitForGateway(dataSource, expectedStored, expectedRefused, stallMs, gateway);
    if (!settled.ok) problems.push(`round ${round}: ${settled.why}`);
    log(`  ${generated.toLocaleString('en')} of ${count.toLocaleString('en')} published and taken`);
  }

  // Every registered device's last word is good (an sos where its type has one): stored and answered, whatever came
  // before it.
  for (const sender of registered) {
    const msgId = `last-${sender.id}`;
    const sendsSos = sender.type === 'call_button' || sender.type === 'wearable';
    const body = sendsSos ? { msgId, kind: 'sos' } : { msgId, kind: 'heartbeat', battery: 50 };
    sender.expect.stored.add(msgId);
    if (body.kind === 'sos') sender.expect.acks++;
    expectedStored++;
    goodSent++;
    await sender.client.publishAsync(deviceTopic(sender.id, 'up'), Buffer.from(JSON.stringify(body)), { qos: 1 });
  }
  const settled = await waitForGateway(dataSource, expectedStored, expectedRefused, stallMs, gateway);
  if (!settled.ok) problems.push(`after the last round: ${settled.why}`);
  await waitForDownlinks(senders, stallMs);

  problems.push(...(await checkStore(dataSource, senders)));
  for (const sender of senders) {
    const { rejected, acks, other } = sender.heard;
    const refusals = sender.kind === 'registered' ? sender.expect.refused : 0;
    if (rejected !== refusals) problems.push(`${sender.id} heard ${rejected} rejected downlinks, not ${refusals}`);
    if (acks !== sender.expect.acks)
      problems.push(`${sender.id} heard ${acks} received acks, not ${sender.expect.acks}`);
    if (other > 0) problems.push(`${sender.id} heard ${other} downlinks it should not have`);
  }
  const refusedByReason = Object.fromEntries(
    (
      await dataSource.query<{ code: string; n: number }[]>(
        'SELECT code, count(*)::int AS n FROM rejected_messages GROUP BY code ORDER BY n DESC',
      )
    ).map(({ code, n }) => [code, n]),
  );
  const [{ stored }] = await dataSource.query('SELECT count(*)::int AS stored FROM device_messages');
  const crashes = gateway.exited ? 1 : 0;
  if (crashes) problems.push('the gateway process died');
  return {
    seed,
    generated,
    byFamily,
    goodSent,
    stored,
    refusedByReason,
    refusedByBroker,
    rejectedDownlinks: senders.reduce((sum, sender) => sum + sender.heard.rejected, 0),
    receivedAcks: senders.reduce((sum, sender) => sum + sender.heard.acks, 0),
    crashes,
    errorsLogged: gateway.errorLines.length,
    problems,
  };
}

interface Planned {
  family: string;
  topic: string;
  payload: Buffer;
  good?: { body: Record<string, unknown> };
  /** Set when the broker must drop it: published on another device's uplink topic, or on the sender's `down`. */
  byBroker?: 'other' | 'down';
}

/** What a sender publishes: registered devices mostly hostile with good ones mixed in, the rogue bad topics. */
function plannedFor(sender: Sender, neighbourId: string): fc.Arbitrary<Planned> {
  if (sender.kind === 'rogue') return hostileTopics().map(({ family, topic, payload }) => ({ family, topic, payload }));
  const hostile = hostilePayloads(sender.type).map(({ family, channel, payload, topic }): Planned => {
    if (topic === 'own') return { family, topic: deviceTopic(sender.id, channel), payload };
    return {
      family,
      topic: topic === 'down' ? deviceTopic(sender.id, 'down') : deviceTopic(neighbourId, 'up'),
      payload,
      byBroker: topic,
    };
  });
  const good = goodUplinks(sender.type).map((uplink): Planned => ({
    family:
      sender.kind === 'registered'
        ? 'good'
        : `good, from ${sender.kind === 'retired' ? 'a retired' : 'an unregistered'} device`,
    topic: deviceTopic(sender.id, uplink.channel),
    payload: Buffer.from(JSON.stringify({ msgId: 'from-no-device', ...uplink.body })),
    good: sender.kind === 'registered' ? { body: uplink.body } : undefined,
  }));
  return fc.oneof({ arbitrary: hostile, weight: GOOD_ONE_IN - 1 }, { arbitrary: good, weight: 1 });
}

/**
 * The fuzzing connections: two registered devices of each type, two devices with a broker account and no registry
 * row, one retired device whose account is still on the broker, and a rogue account that may publish on every
 * device's uplink topics (wider than any device's), to bring topics with malformed or unknown ids to the gateway.
 */
async function connectSenders(dataSource: DataSource, broker: TestBroker, tag: string): Promise<Sender[]> {
  const plan: { id: string; kind: SenderKind; type: DeviceType }[] = [
    ...TYPES.flatMap((type) =>
      [1, 2].map((n) => ({ id: `fz-${tag}-${type.slice(0, 3)}-${n}`, kind: 'registered' as const, type })),
    ),
    { id: `fz-${tag}-nobody-1`, kind: 'unregistered', type: 'call_button' },
    { id: `fz-${tag}-nobody-2`, kind: 'unregistered', type: 'wearable' },
    { id: `fz-${tag}-retired`, kind: 'retired', type: 'water_meter' },
  ];
  const secrets = new Map<string, string>();
  const issued = await broker.registerDevices(
    plan.filter(({ kind }) => kind !== 'unregistered').map(({ id, type }) => ({ id, type, elderId: null })),
  );
  for (const { deviceId, secret } of issued) secrets.set(deviceId, secret);
  const strangers = plan
    .filter(({ kind }) => kind === 'unregistered')
    .map(({ id }) => ({ deviceId: id, secret: generateDeviceSecret() }));
  await broker.provisioning.provisionDevices(strangers);
  for (const { deviceId, secret } of strangers) secrets.set(deviceId, secret);
  const retired = plan.find(({ kind }) => kind === 'retired')!;
  await new DeviceRepository(dataSource).retire(retired.id);

  const rogue = { id: `fz-${tag}-rogue`, secret: generateDeviceSecret() };
  await createRogueAccount(broker, rogue.id, rogue.secret);

  const senders = await Promise.all(
    plan.map(async ({ id, kind, type }) => {
      const client = await connectClient(broker.url, id, secrets.get(id)!);
      const sender: Sender = {
        id,
        kind,
        type,
        client,
        expect: { stored: new Set(), refused: 0, acks: 0 },
        heard: { rejected: 0, acks: 0, other: 0 },
      };
      client.on('message', (_topic, payload) => {
        const downlink = JSON.parse(payload.toString()) as { kind?: string; state?: string };
        if (downlink.kind === 'rejected') sender.heard.rejected++;
        else if (downlink.kind === 'ack' && downlink.state === 'received') sender.heard.acks++;
        else sender.heard.other++;
      });
      await client.subscribeAsync(deviceTopic(id, 'down'), { qos: 1 });
      return sender;
    }),
  );
  const rogueClient = await connectClient(broker.url, rogue.id, rogue.secret);
  return [
    ...senders,
    {
      id: rogue.id,
      kind: 'rogue',
      type: 'call_button',
      client: rogueClient,
      expect: { stored: new Set(), refused: 0, acks: 0 },
      heard: { rejected: 0, acks: 0, other: 0 },
    },
  ];
}

function connectClient(url: string, id: string, secret: string): Promise<MqttClient> {
  return mqtt.connectAsync(url, {
    clientId: id,
    username: id,
    password: secret,
    clean: true,
    protocolVersion: 4,
    reconnectPeriod: 0,
  });
}

const execFileAsync = promisify(execFile);

/** A broker account, made with Mosquitto's own tool, that may publish on every device's up, alarm and status. */
async function createRogueAccount(broker: TestBroker, username: string, password: string): Promise<void> {
  const { port, admin } = broker.mosquitto!;
  const ctrl = (...args: string[]) =>
    execFileAsync('mosquitto_ctrl', [
      '-h',
      '127.0.0.1',
      '-p',
      String(port),
      '-u',
      admin.username,
      '-P',
      admin.password,
      'dynsec',
      ...args,
    ]);
  await ctrl('createRole', username);
  for (const channel of ['up', 'alarm', 'status'])
    await ctrl('addRoleACL', username, 'publishClientSend', `eldercare/v1/devices/+/${channel}`, 'allow');
  await ctrl('createClient', username, '-p', password);
  await ctrl('addClientRole', username, username);
}

/**
 * Waits until the gateway has stored or refused as many messages as were published to it. Fails when the counts
 * stop moving for `stallMs` (a stalled subscription), or the gateway dies.
 */
async function waitForGateway(
  dataSource: DataSource,
  stored: number,
  refused: number,
  stallMs: number,
  gateway: AppProcess,
): Promise<{ ok: true } | { ok: false; why: string }> {
  let last = -1;
  let lastMove = Date.now();
  for (;;) {
    const [row] = await dataSource.query(
      `SELECT (SELECT count(*)::int FROM device_messages) AS stored, (SELECT count(*)::int FROM rejected_messages) AS refused`,
    );
    if (row.stored >= stored && row.refused >= refused) return { ok: true };
    if (gateway.exited) return { ok: false, why: 'the gateway process died' };
    const taken = row.stored + row.refused;
    if (taken !== last) {
      last = taken;
      lastMove = Date.now();
    } else if (Date.now() - lastMove > stallMs) {
      return {
        ok: false,
        why: `stalled: ${row.stored} of ${stored} stored and ${row.refused} of ${refused} refused for ${stallMs} ms`,
      };
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Waits until every registered device has heard its refusals and acks, or nothing has come for `quietMs`. */
async function waitForDownlinks(senders: Sender[], quietMs: number): Promise<void> {
  const heard = () => senders.reduce((sum, { heard: h }) => sum + h.rejected + h.acks + h.other, 0);
  const expected = senders.reduce(
    (sum, { kind, expect }) => sum + (kind === 'registered' ? expect.refused : 0) + expect.acks,
    0,
  );
  let last = heard();
  let lastMove = Date.now();
  while (heard() < expected && Date.now() - lastMove < quietMs) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    if (heard() !== last) [last, lastMove] = [heard(), Date.now()];
  }
}

/** What the store holds against what was sent: every good message once, nothing else, every refusal recorded. */
async function checkStore(dataSource: DataSource, senders: Sender[]): Promise<string[]> {
  const problems: string[] = [];
  const stored: { device_id: string; msg_id: string }[] = await dataSource.query(
    'SELECT device_id, msg_id FROM device_messages',
  );
  const byDevice = new Map(senders.map((sender) => [sender.id, new Set<string>()]));
  for (const { device_id, msg_id } of stored) {
    const expected = senders.find((sender) => sender.id === device_id)?.expect.stored;
    if (!expected?.has(msg_id)) problems.push(`stored a message that should have been refused: ${device_id}/${msg_id}`);
    byDevice.get(device_id)?.add(msg_id);
  }
  for (const sender of senders)
    for (const msgId of sender.expect.stored)
      if (!byDevice.get(sender.id)!.has(msgId)) problems.push(`lost a good message: ${sender.id}/${msgId}`);
  if (stored.length !== new Set(stored.map((row) => `${row.device_id}/${row.msg_id}`)).size)
    problems.push('a message was stored twice');

  const refused: { device_id: string | null; code: string; detail: string }[] = await dataSource.query(
    'SELECT device_id, code, detail FROM rejected_messages',
  );
  const codes: readonly string[] = REFUSAL_CODES;
  for (const { code, detail } of refused)
    if (!codes.includes(code) || !detail) problems.push(`a refusal without a known reason: ${code} ${detail}`);
  const refusedOf = (id: string | null) => refused.filter((row) => row.device_id === id).length;
  const rogue = senders.find((sender) => sender.kind === 'rogue')!;
  for (const sender of senders.filter((s) => s.kind !== 'rogue'))
    if (refusedOf(sender.id) !== sender.expect.refused)
      problems.push(`${sender.id}: ${refusedOf(sender.id)} refusals recorded, ${sender.expect.refused} sent`);
  const own = new Set(senders.map((sender) => sender.id));
  const rogueRecorded = refused.filter((row) => row.device_id === null || !own.has(row.device_id)).length;
  if (rogueRecorded !== rogue.expect.refused)
    problems.push(`the rogue account: ${rogueRecorded} refusals recorded, ${rogue.expect.refused} sent`);
  return problems.slice(0, 50);
}

/** The report as people read it: the counts, then each broken promise. */
export function formatReport(report: DeviceFuzzReport): string {
  const { problems, ...counts } = report;
  return [
    JSON.stringify(counts, null, 2),
    ...problems.map((problem) => `PROBLEM: ${problem}`),
    problems.length === 0 ? 'no promise broken' : `${problems.length} problem(s)`,
  ].join('\n');
}
