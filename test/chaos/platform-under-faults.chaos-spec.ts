/**
 * The chaos suite: the platform's parts as separate processes, a steady stream of readings, and a known set of sos
 * presses and falls around each fault in turn. After each fault the suite waits until the platform has settled and
 * checks every press end to end: stored once, raised as one alert, sounded once on a connected console (its socket
 * reconnecting and replaying included) and answered `received` to the device. `npm run test:chaos`.
 */
import { SimulatedDevice } from '@eldercare/devices';
import { ApiClient, expectEventually } from '@eldercare/testing';
import { ChaosStack, type ChaosDevice } from './chaos-stack';
import { ConsoleWatch } from './console-watch';
import { isComplete, isDuplicated, outcomeOf, Press, type PressOutcome } from './press-tally';
import { SteadyStream } from './steady-stream';

const METERS = 20;
const READING_INTERVAL_MS = 500;
/** Presses per fault: half sos, half falls; a quarter before the fault, half while it lasts, a quarter after. */
const PRESSES = 8;
/** The longest a press may take to be stored, raised, shown and answered after its fault before it counts as lost. */
const SETTLE_LIMIT_MS = 120_000;
const POLL_MS = 250;

/** The presses made while a fault lasts. */
interface DuringFault {
  /** Presses half of the fault's presses, now. */
  press(): void;
  /** Resolves as soon as one of those presses has an alert committed: the platform is in the middle of them. */
  firstAlertCommitted(): Promise<void>;
  /**
   * Claims the alert of the fault's first press as another operator and runs `fault` the moment the claim is
   * committed, so the api may die between its commit and its queues; checked after the tally: the console sees the
   * claim and the device hears `help-coming` once.
   */
  claimJustBefore(fault: () => Promise<void>): Promise<void>;
}

/** A fault: what to break, when to press, and how to bring the platform back. */
interface Fault {
  name: string;
  inject(stack: ChaosStack, during: DuringFault): Promise<void>;
  /** After the tally: back to the platform every fault starts from (one gateway `gw-a`, one worker, one api). */
  restore?(stack: ChaosStack): Promise<void>;
}

const FAULTS: Fault[] = [
  {
    // Killed with the presses on their way to it: some received and not stored, none acknowledged.
    name: 'gateway SIGKILL',
    inject: async (stack, during) => {
      during.press();
      await stack.killGateway('gw-a');
      await stack.startGateway('gw-a');
    },
  },
  {
    // Killed in the middle of the presses' passes: some committed and maybe not announced, some not applied.
    name: 'worker SIGKILL',
    inject: async (stack, during) => {
      during.press();
      await during.firstAlertCommitted();
      await stack.killWorker();
      await stack.startWorker();
    },
  },
  {
    // Killed while announcing: the console's socket drops and comes back to the new api, replaying what it missed.
    name: 'api SIGKILL',
    inject: async (stack, during) => {
      during.press();
      await during.firstAlertCommitted();
      await during.claimJustBefore(() => stack.killApi());
      await stack.startApi();
    },
  },
  {
    name: 'one of two gateways SIGKILL',
    inject: async (stack, during) => {
      await stack.startGateway('gw-b');
      during.press();
      await stack.killGateway('gw-a');
    },
    restore: async (stack) => {
      await stack.startGateway('gw-a');
      await stack.stopGateway('gw-b');
    },
  },
  {
    name: 'Redis crash and restart (AOF)',
    inject: async (stack, during) => {
      const restarting = stack.redis.crashAndRestart();
      during.press();
      await restarting;
    },
  },
  {
    name: 'Postgres crash and restart',
    inject: async (stack, during) => {
      const restarting = stack.postgres.crashAndRestart();
      during.press();
      await restarting;
    },
  },
  {
    name: 'broker restart',
    inject: async (stack, during) => {
      const restarting = stack.broker.mosquitto!.restart();
      during.press();
      await restarting;
    },
  },
];

interface Row {
  fault: string;
  presses: number;
  lost: number;
  duplicated: number;
  copies: number;
}

describe('the platform under faults', () => {
  let stack: ChaosStack;
  let operatorConsole: ConsoleWatch;
  let stream: SteadyStream;
  const devices: SimulatedDevice[] = [];
  const pressDevices: { device: SimulatedDevice; elderId: string }[] = [];
  const rows: Row[] = [];

  const connect = async ({ deviceId, secret, type }: ChaosDevice) => {
    const device = await SimulatedDevice.connect({ url: stack.broker.url, deviceId, secret, type });
    devices.push(device);
    return device;
  };

  beforeAll(async () => {
    stack = await ChaosStack.start();
    const meters = await stack.devicesOfNewElders('water_meter', 'wm-chaos', METERS);
    const buttons = await stack.devicesOfNewElders('call_button', 'btn-chaos', (FAULTS.length * PRESSES) / 2);
    const watches = await stack.devicesOfNewElders('wearable', 'watch-chaos', (FAULTS.length * PRESSES) / 2);
    await stack.startGateway('gw-a');
    await stack.startWorker();
    await stack.startApi();
    operatorConsole = await ConsoleWatch.open(stack.apiUrl, await stack.operator());
    stream = new SteadyStream(await Promise.all(meters.map(connect)), READING_INTERVAL_MS);
    // Buttons and watches in turn, so each fault gets both.
    for (let index = 0; index < buttons.length; index++)
      for (const device of [buttons[index], watches[index]])
        pressDevices.push({ device: await connect(device), elderId: device.elderId });
    stream.start();
  }, 180_000);

  afterAll(async () => {
    printTable(rows);
    stream?.stop();
    operatorConsole?.close();
    await Promise.all(devices.map((device) => device.kill()));
    await stack?.stop();
  }, 60_000);

  /** Waits until every press is complete and the queues that carry them are idle, or the limit passes. */
  async function settle(presses: { press: Press; elderId: string }[]): Promise<PressOutcome[]> {
    const deadline = Date.now() + SETTLE_LIMIT_MS;
    for (;;) {
      const outcomes = await Promise.all(
        presses.map(({ press, elderId }) => outcomeOf(press, elderId, stack.dataSource, operatorConsole)),
      );
      const done = outcomes.every(isComplete) && (await stack.pressJobsInFlight()) === 0;
      if (done || Date.now() > deadline) return outcomes;
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
  }

  /** Claims the press's alert over the api and runs `fault` as soon as the claim is committed. */
  async function claimThenRun(
    { press, elderId }: { press: Press; elderId: string },
    fault: () => Promise<void>,
  ): Promise<{ alertId: string; press: Press }> {
    await stack.firstAlertOf([elderId]);
    const [{ id: alertId }] = await stack.dataSource.query(
      `SELECT id FROM alerts WHERE elder_id = $1 AND rule IN ('sos', 'fall')`,
      [elderId],
    );
    const claimer = await stack.operator();
    const client = await ApiClient.signedIn(stack.apiUrl, claimer.username, claimer.password);
    // The answer may never come: the api dies around it.
    void client.post(`/api/alerts/${alertId}/claim`).catch(() => undefined);
    await expectEventually(
      async () => {
        const [{ acknowledged }] = await stack.dataSource.query(
          'SELECT acknowledged_at IS NOT NULL AS acknowledged FROM alerts WHERE id = $1',
          [alertId],
        );
        expect(acknowledged).toBe(true);
      },
      { intervalMs: 2 },
    );
    await fault();
    return { alertId, press };
  }

  /** The claim made just before the fault reached the other console, and the device heard `help-coming` once. */
  async function expectClaimKept({ alertId, press }: { alertId: string; press: Press }): Promise<void> {
    const helpComing = () =>
      press.device.downlinks.filter(
        (downlink) => downlink.kind === 'ack' && downlink.ref === press.msgId && downlink.state === 'help-coming',
      ).length;
    await expectEventually(
      () =>
        expect({ console: operatorConsole.statusOf(alertId), helpComing: helpComing() }).toEqual({
          console: 'acknowledged',
          helpComing: 1,
        }),
      { timeoutMs: 30_000 },
    );
  }

  FAULTS.forEach((fault, faultIndex) => {
    it(
      `keeps every press once: ${fault.name}`,
      async () => {
        const mine = pressDevices.slice(faultIndex * PRESSES, (faultIndex + 1) * PRESSES);
        const presses: { press: Press; elderId: string }[] = [];
        const press = (from: number, to: number) =>
          mine.slice(from, to).forEach(({ device, elderId }) => presses.push({ press: new Press(device), elderId }));

        press(0, PRESSES / 4);
        const during = mine.slice(PRESSES / 4, (3 * PRESSES) / 4);
        let claimed: { alertId: string; press: Press } | undefined;
        await fault.inject(stack, {
          press: () => press(PRESSES / 4, (3 * PRESSES) / 4),
          firstAlertCommitted: () => stack.firstAlertOf(during.map(({ elderId }) => elderId)),
          claimJustBefore: async (inject) => {
            claimed = await claimThenRun(presses[0], inject);
          },
        });
        press((3 * PRESSES) / 4, PRESSES);
        const outcomes = await settle(presses);
        await fault.restore?.(stack);

        const row: Row = {
          fault: fault.name,
          presses: presses.length,
          lost: outcomes.filter((outcome) => !isComplete(outcome)).length,
          duplicated: outcomes.filter(isDuplicated).length,
          copies: outcomes.reduce((sum, outcome) => sum + outcome.copies, 0),
        };
        rows.push(row);
        const faulty = outcomes.filter((outcome) => !isComplete(outcome) || isDuplicated(outcome));
        expect({ lost: row.lost, duplicated: row.duplicated, faulty }).toEqual({ lost: 0, duplicated: 0, faulty: [] });
        if (claimed) await expectClaimKept(claimed);
      },
      SETTLE_LIMIT_MS + 60_000,
    );
  });
});

function printTable(rows: Row[]): void {
  const header = ['fault', 'presses', 'lost', 'duplicated', 'copies on the socket'];
  const cells = rows.map((row) => [row.fault, row.presses, row.lost, row.duplicated, row.copies].map(String));
  const widths = header.map((title, column) => Math.max(title.length, ...cells.map((line) => line[column].length)));
  const line = (values: string[]) =>
    values
      .map((value, column) => (column === 0 ? value.padEnd(widths[0]) : value.padStart(widths[column])))
      .join(' | ');
  process.stdout.write(
    ['', line(header), widths.map((width) => '-'.repeat(width)).join('-|-'), ...cells.map(line), ''].join('\n') + '\n',
  );
}
