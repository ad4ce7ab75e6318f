import { CliUsageError } from './cli/cli-usage.error';
import { parseCommandLine, type CliCommand } from './cli/command-line';
import { runDeviceCommand } from './cli/device.command';
import { runFleetCommand } from './cli/fleet.command';
import { runHouseholdCommand } from './cli/household.command';
import { runScenarioCommand } from './cli/scenario.command';
import { USAGE } from './cli/usage';

/** Entry point of the device simulator; see the usage text (`devices --help`). */
async function main(argv: string[]): Promise<void> {
  const command = parseCommandLine(argv, Date.now());
  await run(command);
}

function run(command: CliCommand): Promise<void> {
  switch (command.name) {
    case 'help':
      console.log(USAGE);
      return Promise.resolve();
    case 'device':
      return runDeviceCommand(command);
    case 'household':
      return runHouseholdCommand(command);
    case 'fleet':
      return runFleetCommand(command);
    case 'scenario':
      return runScenarioCommand(command);
  }
}

main(process.argv.slice(2)).then(
  // Exit explicitly: a device that failed to close cleanly must not keep the process alive.
  () => process.exit(0),
  (error: unknown) => {
    if (error instanceof CliUsageError) {
      console.error(`devices: ${error.message}\nRun "devices --help" for usage.`);
      process.exit(2);
    }
    console.error(`devices: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
