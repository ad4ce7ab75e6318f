import { setTimeout as sleep } from 'node:timers/promises';
import { SCENARIOS } from '../scenarios/scenario-catalogue';
import { playTimeline } from '../scenarios/timeline-player';
import { SimulatedDevice } from '../simulated-device';
import { defaultTimestampMode } from '../timestamp-mode';
import { CliUsageError } from './cli-usage.error';
import type { CliCommand } from './command-line';
import { describeSpan, describeSpeed, formatSimTime, printDownlink, printUplink } from './console-output';
import { readCredentialsFile } from './credentials-file';

type ScenarioCommand = Extract<CliCommand, { name: 'scenario' }>;

/** Plays one scripted scenario through one device, printing what goes up and what comes back. */
export async function runScenarioCommand(command: ScenarioCommand): Promise<void> {
  const scenario = SCENARIOS[command.scenario];
  const credentials = readCredentialsFile(command.credentialsFile);
  const chosen =
    command.deviceId === undefined
      ? credentials.find((device) => device.type === scenario.deviceType)
      : credentials.find((device) => device.deviceId === command.deviceId);
  if (chosen === undefined) {
    throw new CliUsageError(
      command.deviceId === undefined
        ? `--credentials: no ${scenario.deviceType} in ${command.credentialsFile}`
        : `--id: no device ${command.deviceId} in ${command.credentialsFile}`,
    );
  }
  if (chosen.type !== scenario.deviceType)
    throw new CliUsageError(
      `--id: ${scenario.name} needs a ${scenario.deviceType}, ${chosen.deviceId} is a ${chosen.type}`,
    );

  const timeline = scenario.timeline({ startMs: command.startMs, deviceId: chosen.deviceId });
  const timestamps = command.timestamps ?? defaultTimestampMode(command.speed);
  const device = await SimulatedDevice.connect({ ...command.connection, ...chosen });
  device.on('downlink', (downlink) => printDownlink(chosen.deviceId, downlink));
  device.on('invalid-downlink', (payload) => printDownlink(chosen.deviceId, payload));

  const abort = new AbortController();
  const onSignal = () => abort.abort();
  process.once('SIGINT', onSignal);
  const spanMs = timeline.at(-1)!.atMs - timeline[0].atMs;
  console.log(
    `${scenario.title}: ${timeline.length} uplinks over ${describeSpan(spanMs)} from ${formatSimTime(command.startMs)} at ${describeSpeed(command.speed)}, ts ${timestamps}`,
  );
  try {
    await playTimeline(timeline, [device], {
      speed: command.speed,
      timestamps,
      signal: abort.signal,
      onPublished: (entry) => printUplink(entry.deviceId, entry.uplink, entry.atMs),
    });
    await sleep(command.listenSec * 1000, undefined, { signal: abort.signal }).catch(() => undefined);
  } finally {
    process.off('SIGINT', onSignal);
    if (scenario.ending === 'drop') {
      await device.kill();
      console.log(`${chosen.deviceId} dropped its connection without a goodbye: the broker publishes its last will`);
    } else {
      await device.close();
    }
  }
}
