import type { FleetMember } from '../fleet-member';
import { FleetRunner, type FleetRunnerOptions } from '../fleet-runner';
import { defaultTimestampMode, type TimestampMode } from '../timestamp-mode';
import type { CliCommand } from './command-line';

type RunningCommand = Extract<CliCommand, { name: 'fleet' | 'household' }>;

/** The runner the fleet and household commands drive, from the flags they share. */
export function fleetRunnerFromFlags(
  command: RunningCommand,
  members: readonly FleetMember[],
  extra: Pick<FleetRunnerOptions, 'connectConcurrency' | 'statsIntervalMs'> = {},
): { runner: FleetRunner; timestamps: TimestampMode } {
  const timestamps = command.timestamps ?? defaultTimestampMode(command.speed);
  const runner = new FleetRunner({
    url: command.connection.url,
    deviceOptions: { protocolVersion: command.connection.protocolVersion },
    members,
    startMs: command.startMs,
    speed: command.speed,
    timestamps,
    ...extra,
  });
  return { runner, timestamps };
}
