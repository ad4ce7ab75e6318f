import {
  JobName,
  type AlertView,
  type ClientToServerEvents,
  type ServerToClientEvents,
  type WorkOrderView,
} from '@eldercare/contracts';
import type { AnyJobQueue } from '@eldercare/job-bus';
import { CarePlanRepository, type OutboxEntry } from '@eldercare/persistence';
import {
  ApiClient,
  createTestElderInPlace,
  createTestUser,
  eventually,
  expectEventually,
  TEST_PASSWORD,
  type TestElder,
} from '@eldercare/testing';
import { PlatformUnderTest } from '@eldercare/test/platform/platform-under-test';
import { randomBytes } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import { ApiQueues } from '../api-queues';
import { ApiOutbox } from './api-outbox';

type ConsoleSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * The api commits a change and then queues what follows from it. These specs fail that queueing, as an api killed
 * right after its commit would, and expect what the change owes the consoles and the device to arrive all the same,
 * once.
 */
describe('the api outbox', () => {
  let harness: PlatformUnderTest;
  let elder: TestElder;
  let queues: ApiQueues;
  let outbox: ApiOutbox;
  const sockets: ConsoleSocket[] = [];

  beforeAll(async () => {
    harness = await PlatformUnderTest.start();
    queues = harness.platform.get(ApiQueues, { strict: false });
    outbox = harness.platform.get(ApiOutbox, { strict: false });
  });

  afterEach(() => jest.restoreAllMocks());

  afterAll(async () => {
    sockets.forEach((socket) => socket.disconnect());
    await harness?.stop();
  });

  beforeEach(async () => {
    elder = await createTestElderInPlace(harness.dataSource);
  });

  const signIn = (user: { username: string }) => ApiClient.signedIn(harness.apiUrl, user.username, TEST_PASSWORD);

  async function operatorOf(regionId: string, displayName: string): Promise<ApiClient> {
    return signIn(await createTestUser(harness.dataSource, 'operator', { regionIds: [regionId], displayName }));
  }

  function connect(client: ApiClient): ConsoleSocket {
    const socket: ConsoleSocket = io(harness.apiUrl, {
      transports: ['websocket'],
      extraHeaders: { cookie: client.cookieHeader },
      reconnection: false,
    });
    sockets.push(socket);
    return socket;
  }

  /** An operator's console and the alerts it heard updated, in order. */
  async function consoleOf(client: ApiClient): Promise<AlertView[]> {
    const socket = connect(client);
    const updated: AlertView[] = [];
    let snapshots = 0;
    socket.on('alert.snapshot', () => snapshots++);
    socket.on('alert.updated', (alert) => updated.push(alert));
    await eventually(async () => (snapshots > 0 ? true : undefined));
    return updated;
  }

  /** The api's next queueing of its change fails on every queue, as when it dies between its commit and its queues. */
  function failNextQueueing(): void {
    for (const queue of [queues.dispatch, queues.downlinks] as AnyJobQueue[]) {
      jest.spyOn(queue, 'add').mockRejectedValueOnce(new Error('the api died before queueing'));
      jest.spyOn(queue, 'addBulk').mockRejectedValueOnce(new Error('the api died before queueing'));
    }
  }

  /** Jobs of a queue, in any state, that `match`. */
  async function jobsOf(queue: AnyJobQueue, match: (job: { name: string; data: object }) => boolean) {
    const jobs = await queue.getJobs(['waiting', 'active', 'completed', 'delayed', 'prioritized', 'failed']);
    return jobs.filter((job) => match(job as { name: string; data: object }));
  }

  it('tells the other console and the device of a claim whose queueing failed after its commit, once each', async () => {
    const [claimer, colleague] = await Promise.all([
      operatorOf(elder.streetId, '张敏'),
      operatorOf(elder.districtId, '刘洋'),
    ]);
    const otherConsole = await consoleOf(colleague);
    const device = await harness.deviceOf(elder.elderId, 'call_button');
    const press = await device.send({ kind: 'sos' });
    const alert = await eventually(async () =>
      (await claimer.get<AlertView[]>('/api/alerts/open')).body.find((open) => open.elder.id === elder.elderId),
    );
    const written = jest.spyOn(outbox, 'write');
    failNextQueueing();

    const claim = await claimer.post(`/api/alerts/${alert.id}/claim`);

    expect(claim.status).toBe(500);
    const helpComing = (downlink: (typeof device.downlinks)[number]) =>
      downlink.kind === 'ack' && downlink.ref === press.msgId && downlink.state === 'help-coming';
    // Left behind by the failed queueing, relayed by the api's relay once it is older than the writer's own turn.
    expect(await device.nextDownlink(helpComing, 15_000)).toBeDefined();
    const claimed = await eventually(async () =>
      otherConsole.find((updated) => updated.id === alert.id && updated.status === 'acknowledged'),
    );
    expect(claimed.claimedBy?.displayName).toBe('张敏');
    await expectEventually(async () =>
      expect((await harness.dataSource.query('SELECT count(*)::int AS n FROM job_outbox'))[0].n).toBe(0),
    );

    // The process that wrote the rows wakes up and queues them after all: their job ids make that a no-op.
    const [entries]: OutboxEntry[][] = await Promise.all(written.mock.results.map((result) => result.value));
    expect(entries.map((entry) => entry.name).sort()).toEqual([JobName.AnnounceAlert, JobName.SendDownlink]);
    await outbox.committed(entries);
    // The resolution, queued behind them, shows that the device and the console have had all there was to have.
    await claimer.post(`/api/alerts/${alert.id}/resolve`, { outcome: 'elder-fine-after-call' });
    await device.nextDownlink(
      (downlink) => downlink.kind === 'ack' && downlink.ref === press.msgId && downlink.state === 'resolved',
      15_000,
    );
    await eventually(async () =>
      otherConsole.find((updated) => updated.id === alert.id && updated.status === 'resolved'),
    );

    expect(device.downlinks.filter(helpComing)).toHaveLength(1);
    expect(
      await jobsOf(queues.downlinks, (job) => (job.data as { deviceId: string }).deviceId === device.deviceId),
    ).toHaveLength(2);
    expect(
      await jobsOf(
        queues.dispatch,
        (job) =>
          job.name === JobName.AnnounceAlert &&
          (job.data as { alertId: string; change: string }).alertId === alert.id &&
          (job.data as { change: string }).change === 'acknowledged',
      ),
    ).toHaveLength(1);
  });

  it('announces to the provider a work order made by an api that died before queueing its announcement', async () => {
    const providerId = await new CarePlanRepository(harness.dataSource).insertProvider({
      name: `outbox-provider-${randomBytes(3).toString('hex')}`,
    });
    const [supervisor, providerAdmin] = await Promise.all([
      signIn(await createTestUser(harness.dataSource, 'supervisor', { regionIds: [elder.districtId] })),
      signIn(await createTestUser(harness.dataSource, 'provider_admin', { providerId })),
    ]);
    const heard: WorkOrderView[] = [];
    const providerConsole = connect(providerAdmin);
    providerConsole.on('work-order.updated', (order) => heard.push(order));
    await eventually(async () => (providerConsole.connected ? true : undefined));
    failNextQueueing();

    const made = await supervisor.post<WorkOrderView>('/api/work-orders', {
      elderId: elder.elderId,
      providerId,
      service: 'personal-care',
      startsAt: new Date(Date.now() + 600_000).toISOString(),
    });

    expect(made.status).toBe(500);
    const [order]: { id: string }[] = await harness.dataSource.query('SELECT id FROM work_orders WHERE elder_id = $1', [
      elder.elderId,
    ]);
    const announced = await eventually(async () => heard.find((updated) => updated.id === order.id));
    expect(announced).toMatchObject({ status: 'created', provider: { id: providerId } });
    expect(heard).toHaveLength(1);
  });
});
