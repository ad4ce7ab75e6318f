import { planFleet } from '../fleet-plan';
import { ZHONGSHAN_CITY_CENTRE } from '../geo-point';
import { CliUsageError } from './cli-usage.error';
import type { CliCommand } from './command-line';
import { describeSpeed, formatSimTime } from './console-output';
import { readCredentialsFile } from './credentials-file';
import { fleetRunnerFromFlags } from './fleet-runner-from-flags';
import { untilStopped } from './run-until-stopped';

type FleetCommand = Extract<CliCommand, { name: 'fleet' }>;

/** Connect failures printed one by one before only counting them: a refused fleet would flood the terminal. */
const FAILURES_SHOWN = 5;

/** Many devices, each in its own home, on an accelerated clock, with counters every few seconds. */
export async function runFleetCommand(command: FleetCommand): Promise<void> {
  const credentials = readCredentialsFile(command.credentialsFile);
  if (command.count > credentials.length)
    throw new CliUsageError(
      `--count ${command.count} is more than the ${credentials.length} devices in ${command.credentialsFile}`,
    );
  const members = planFleet(credentials.slice(0, command.count), {
    seed: command.seed,
    startMs: command.startMs,
    centre: ZHONGSHAN_CITY_CENTRE,
  });
  const { runner, timestamps } = fleetRunnerFromFlags(command, members, {
    connectConcurrency: command.concurrency,
    statsIntervalMs: command.statsEverySec * 1000,
  });
  let failures = 0;
  runner.on('connect-failed', (_deviceId, error) => {
    failures += 1;
    if (failures <= FAILURES_SHOWN) console.error(error.message);
  });
  runner.on('stats', (stats) =>
    console.log(
      `${formatSimTime(stats.simNowMs)}  ${stats.connected}/${stats.devices} connected  sent ${stats.sent} (${stats.sentPerSec.toFixed(1)}/s)` +
        `  in flight ${stats.inFlight}  failed ${stats.sendFailures}  downlinks ${stats.downlinks}`,
    ),
  );

  console.log(`connecting ${members.length} devices to ${command.connection.url}, ${command.concurrency} at a time`);
  await runner.start();
  const stats = runner.stats();
  if (failures > FAILURES_SHOWN) console.error(`... and ${failures - FAILURES_SHOWN} more devices could not connect`);
  console.log(
    `${stats.connected} connected; simulating from ${formatSimTime(command.startMs)} at ${describeSpeed(command.speed)}, ts ${timestamps}. Ctrl-C stops.`,
  );
  await untilStopped(command.durationSec);
  await runner.stop();
  const final = runner.stats();
  console.log(`stopped: sent ${final.sent}, failed ${final.sendFailures}, downlinks ${final.downlinks}`);
}
