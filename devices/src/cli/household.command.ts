import type { FleetMember } from '../fleet-member';
import { ZHONGSHAN_CITY_CENTRE } from '../geo-point';
import { planHousehold } from '../household-plan';
import { CliUsageError } from './cli-usage.error';
import type { CliCommand } from './command-line';
import { describeSpeed, formatSimTime, printDownlink, printUplink } from './console-output';
import { readCredentialsFile } from './credentials-file';
import { fleetRunnerFromFlags } from './fleet-runner-from-flags';
import { untilStopped } from './run-until-stopped';

type HouseholdCommand = Extract<CliCommand, { name: 'household' }>;

/** One elder's devices living one routine, every uplink printed. */
export async function runHouseholdCommand(command: HouseholdCommand): Promise<void> {
  const members = householdMembers(command);
  const { runner, timestamps } = fleetRunnerFromFlags(command, members);
  // Printed at simulated time, so that a day run at speed reads like a day.
  const simNow = () => runner.stats().simNowMs;
  runner.on('connect-failed', (_deviceId, error) => console.error(error.message));
  runner.on('sent', (deviceId, uplink) => printUplink(deviceId, uplink, simNow()));
  runner.on('downlink', (deviceId, downlink) => printDownlink(deviceId, downlink, simNow()));
  runner.on('send-failed', (deviceId, error) => console.error(`${deviceId}: send failed: ${error.message}`));

  await runner.start();
  console.log(
    `household of ${members.length} devices from ${formatSimTime(command.startMs)} at ${describeSpeed(command.speed)}, ts ${timestamps}. Ctrl-C stops.`,
  );
  await untilStopped(command.durationSec);
  await runner.stop();
}

function householdMembers(command: HouseholdCommand): FleetMember[] {
  const credentials = readCredentialsFile(command.credentialsFile);
  try {
    return planHousehold(credentials, {
      seed: command.seed,
      startMs: command.startMs,
      home: ZHONGSHAN_CITY_CENTRE,
      wornAtNight: command.wornAtNight,
    });
  } catch (error) {
    throw new CliUsageError(`--credentials: ${command.credentialsFile}: ${(error as Error).message}`);
  }
}
