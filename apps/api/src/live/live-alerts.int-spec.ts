import type { AlertSnapshot, AlertView, ClientToServerEvents, ServerToClientEvents } from '@eldercare/contracts';
import {
  ApiClient,
  createTestElderInPlace,
  createTestUser,
  eventually,
  TEST_PASSWORD,
  testEnvironment,
  type TestElder,
} from '@eldercare/testing';
import { ConsoleEventsGateway } from '../live/console-events.gateway';
import { startTestApi } from '@eldercare/test/api/test-api';
import { io, type Socket } from 'socket.io-client';
import { PlatformUnderTest } from '@eldercare/test/platform/platform-under-test';

type ConsoleSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** What one console heard, in order. */
class ConsoleListener {
  readonly snapshots: AlertSnapshot[] = [];
  readonly events: { name: 'alert.raised' | 'alert.updated'; alert: AlertView }[] = [];

  constructor(readonly socket: ConsoleSocket) {
    socket.on('alert.snapshot', (snapshot) => this.snapshots.push(snapshot));
    socket.on('alert.raised', (alert) => this.events.push({ name: 'alert.raised', alert }));
    socket.on('alert.updated', (alert) => this.events.push({ name: 'alert.updated', alert }));
  }

  heard(name: 'alert.raised' | 'alert.updated', match: (alert: AlertView) => boolean): Promise<AlertView> {
    return eventually(async () => this.events.find((event) => event.name === name && match(event.alert))?.alert);
  }
}

describe('live alerts on socket.io', () => {
  let harness: PlatformUnderTest;
  let elder: TestElder;
  const sockets: ConsoleSocket[] = [];

  beforeAll(async () => {
    harness = await PlatformUnderTest.start();
  });

  afterAll(async () => {
    sockets.forEach((socket) => socket.disconnect());
    await harness?.stop();
  });

  beforeEach(async () => {
    elder = await createTestElderInPlace(harness.dataSource);
  });

  async function operatorOf(regionId: string, displayName = '张敏'): Promise<ApiClient> {
    const user = await createTestUser(harness.dataSource, 'operator', { regionIds: [regionId], displayName });
    return ApiClient.signedIn(harness.apiUrl, user.username, TEST_PASSWORD);
  }

  async function connect(client: ApiClient, since?: string, apiUrl = harness.apiUrl): Promise<ConsoleListener> {
    const socket: ConsoleSocket = io(apiUrl, {
      transports: ['websocket'],
      extraHeaders: { cookie: client.cookieHeader },
      auth: since ? { since } : {},
      reconnection: false,
    });
    sockets.push(socket);
    const listener = new ConsoleListener(socket);
    await eventually(async () => listener.snapshots[0]);
    return listener;
  }

  it('shows a press on the consoles of its region without a reload, and a claim on the other console live', async () => {
    const [first, second, elsewhere] = await Promise.all([
      operatorOf(elder.streetId, '张敏'),
      operatorOf(elder.districtId, '刘洋'),
      operatorOf((await createTestElderInPlace(harness.dataSource)).districtId),
    ]);
    const [firstConsole, secondConsole, otherConsole] = await Promise.all([
      connect(first),
      connect(second),
      connect(elsewhere),
    ]);

    const device = await harness.deviceOf(elder.elderId, 'call_button');
    await device.send({ kind: 'sos' });
    const raised = await firstConsole.heard('alert.raised', (alert) => alert.elder.id === elder.elderId);
    await secondConsole.heard('alert.raised', (alert) => alert.id === raised.id);

    await first.post(`/api/alerts/${raised.id}/claim`);
    const claimed = await secondConsole.heard(
      'alert.updated',
      (alert) => alert.id === raised.id && alert.status === 'acknowledged',
    );
    expect(claimed.claimedBy?.displayName).toBe('张敏');
    expect(BigInt(claimed.seq)).toBeGreaterThan(BigInt(raised.seq));
    expect(otherConsole.events.filter((event) => event.alert.elder.id === elder.elderId)).toEqual([]);
  });

  it('replays to a console that was away what changed while it was gone, and gives the open queue on connect', async () => {
    const operator = await operatorOf(elder.streetId);
    const away = await connect(operator);
    const lastSeen = away.snapshots[0].seq;
    away.socket.disconnect();

    const device = await harness.deviceOf(elder.elderId, 'call_button');
    await device.send({ kind: 'sos' });
    const opened = await eventually(async () =>
      (await operator.get<AlertView[]>('/api/alerts/open')).body.find((alert) => alert.elder.id === elder.elderId),
    );
    await operator.post(`/api/alerts/${opened.id}/claim`);
    await operator.post(`/api/alerts/${opened.id}/resolve`, { outcome: 'elder-fine-after-call' });
    await device.send({ kind: 'sos' });
    const stillOpen = await eventually(async () =>
      (await operator.get<AlertView[]>('/api/alerts/open')).body.find((alert) => alert.elder.id === elder.elderId),
    );

    const back = await connect(operator, lastSeen);
    const [snapshot] = back.snapshots;
    expect(snapshot.open.map((alert) => alert.id)).toContain(stillOpen.id);
    expect(snapshot.open.map((alert) => alert.id)).not.toContain(opened.id);
    expect(snapshot.changedSince.find((alert) => alert.id === opened.id)).toMatchObject({
      status: 'resolved',
      outcome: 'elder-fine-after-call',
    });
    expect(BigInt(snapshot.seq)).toBeGreaterThanOrEqual(BigInt(snapshot.changedSince.at(-1)!.seq));
  });

  it('reaches a console connected to another api instance: the Redis adapter carries the event across', async () => {
    const replica = await startTestApi(
      harness.database.url,
      testEnvironment.redisUrl,
      harness.queuePrefix,
      harness.broker.url,
    );
    try {
      const operator = await operatorOf(elder.streetId);
      const onReplica = await connect(operator, undefined, replica.apiUrl);
      const device = await harness.deviceOf(elder.elderId, 'call_button');
      await device.send({ kind: 'sos' });
      const opened = await eventually(async () =>
        (await operator.get<AlertView[]>('/api/alerts/open')).body.find((alert) => alert.elder.id === elder.elderId),
      );

      // Emitted by the first instance's socket server only: the replica's console can hear it through Redis alone.
      await harness.platform.get(ConsoleEventsGateway).announce(opened.id, 'updated');
      expect(await onReplica.heard('alert.updated', (alert) => alert.id === opened.id)).toMatchObject({
        elder: { id: elder.elderId },
      });
    } finally {
      await replica.app.close();
    }
  });

  it('closes every live socket of a user the moment an admin disables them, on every api instance', async () => {
    const replica = await startTestApi(
      harness.database.url,
      testEnvironment.redisUrl,
      harness.queuePrefix,
      harness.broker.url,
    );
    try {
      const [disabled, colleague, admin] = await Promise.all([
        createTestUser(harness.dataSource, 'operator', { regionIds: [elder.streetId] }),
        createTestUser(harness.dataSource, 'operator', { regionIds: [elder.streetId] }),
        createTestUser(harness.dataSource, 'admin'),
      ]);
      const [disabledClient, colleagueClient, adminClient] = await Promise.all(
        [disabled, colleague, admin].map((user) => ApiClient.signedIn(harness.apiUrl, user.username, TEST_PASSWORD)),
      );
      const [here, onReplica, colleagueOnReplica] = await Promise.all([
        connect(disabledClient),
        connect(disabledClient, undefined, replica.apiUrl),
        connect(colleagueClient, undefined, replica.apiUrl),
      ]);
      const closed = [here, onReplica].map(
        (listener) => new Promise<string>((resolve) => listener.socket.on('disconnect', resolve)),
      );

      expect((await adminClient.post(`/api/users/${disabled.id}/disable`)).status).toBe(204);

      expect(await Promise.all(closed)).toEqual(['io server disconnect', 'io server disconnect']);
      // Only theirs: a colleague on the same instance goes on hearing the region's alerts.
      const device = await harness.deviceOf(elder.elderId, 'call_button');
      await device.send({ kind: 'sos' });
      await colleagueOnReplica.heard('alert.raised', (alert) => alert.elder.id === elder.elderId);
      expect(colleagueOnReplica.socket.connected).toBe(true);
      expect([...here.events, ...onReplica.events]).toEqual([]);
    } finally {
      await replica.app.close();
    }
  });

  it('refuses a socket without a session, and closes the sockets of a session that signs out', async () => {
    const anonymous: ConsoleSocket = io(harness.apiUrl, { transports: ['websocket'], reconnection: false });
    sockets.push(anonymous);
    const refusal = await new Promise<Error>((resolve) => anonymous.on('connect_error', resolve));
    expect(refusal.message).toBe('unauthenticated');

    const operator = await operatorOf(elder.streetId);
    const live = await connect(operator);
    const closed = new Promise<string>((resolve) => live.socket.on('disconnect', resolve));
    await operator.post('/api/auth/logout');
    expect(await closed).toBe('io server disconnect');
  });
});
