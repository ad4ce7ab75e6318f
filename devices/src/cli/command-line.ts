import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { DeviceCredentials } from '../device-credentials';
import type { GeoPoint } from '../geo-point';
import { DEVICE_TYPES, isValidDeviceId, type DeviceType } from '../protocol-shim';
import type { ScenarioName } from '../scenarios/scenario';
import { isScenarioName } from '../scenarios/scenario-catalogue';
import type { TimestampMode } from '../timestamp-mode';
import { CliUsageError } from './cli-usage.error';

/** Where and how every device of a command connects. */
export interface Connection {
  url: string;
  protocolVersion: 4 | 5;
}

/** What the `device` command sends. */
export type DeviceAction = 'press' | 'cancel' | 'fall' | 'heartbeat' | 'raw';

/** Options shared by the commands that run simulated time. */
export interface SimulationOptions {
  connection: Connection;
  credentialsFile: string;
  speed: number;
  startMs: number;
  /** Undefined: the default for the speed. */
  timestamps?: TimestampMode;
}

/** A command line, checked and typed. */
export type CliCommand =
  | { name: 'help' }
  | {
      name: 'device';
      connection: Connection;
      device: DeviceCredentials;
      action: DeviceAction;
      /** The bytes of `raw`, sent unchecked. */
      rawPayload?: string;
      battery: number;
      position?: GeoPoint;
      listenSec: number;
    }
  | (SimulationOptions & { name: 'household'; seed: string; wornAtNight: boolean; durationSec?: number })
  | (SimulationOptions & {
      name: 'fleet';
      seed: string;
      count: number;
      concurrency: number;
      statsEverySec: number;
      durationSec?: number;
    })
  | (SimulationOptions & { name: 'scenario'; scenario: ScenarioName; deviceId?: string; listenSec: number });

const DEFAULT_URL = 'mqtt://127.0.0.1:1883';
const ACTIONS: readonly DeviceAction[] = ['press', 'cancel', 'fall', 'heartbeat', 'raw'];
/** Which device types can perform each action; a water meter has no SOS key. */
const ACTION_TYPES: Record<DeviceAction, readonly DeviceType[]> = {
  press: ['call_button', 'wearable'],
  cancel: ['call_button'],
  fall: ['wearable'],
  heartbeat: DEVICE_TYPES,
  raw: DEVICE_TYPES,
};

const COMMON = {
  url: { type: 'string', default: DEFAULT_URL },
  mqtt5: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const;
const SIMULATION = {
  ...COMMON,
  credentials: { type: 'string' },
  speed: { type: 'string', default: '1' },
  start: { type: 'string', default: 'now' },
  ts: { type: 'string' },
} as const;

/**
 * Reads `argv` (without `node` and the script). `nowMs` is what `--start now` means. Throws a
 * {@link CliUsageError} naming the bad flag or argument.
 */
export function parseCommandLine(argv: readonly string[], nowMs: number): CliCommand {
  const [command, ...rest] = argv;
  switch (command) {
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      return { name: 'help' };
    case 'device':
      return parseDevice(rest);
    case 'household':
      return parseHousehold(rest, nowMs);
    case 'fleet':
      return parseFleet(rest, nowMs);
    case 'scenario':
      return parseScenario(rest, nowMs);
    default:
      throw new CliUsageError(`unknown command '${command}': use device, household, fleet or scenario`);
  }
}

function parseDevice(args: string[]): CliCommand {
  const { values, positionals } = parse(args, {
    ...COMMON,
    id: { type: 'string' },
    type: { type: 'string' },
    secret: { type: 'string' },
    battery: { type: 'string', default: '80' },
    lat: { type: 'string' },
    lon: { type: 'string' },
    listen: { type: 'string', default: '5' },
  });
  if (values.help) return { name: 'help' };
  const [action, rawPayload, ...extra] = positionals;
  if (action === undefined) throw new CliUsageError(`device: say what to send: ${ACTIONS.join(', ')}`);
  if (!(ACTIONS as readonly string[]).includes(action))
    throw new CliUsageError(`device: unknown action '${action}': use ${ACTIONS.join(', ')}`);
  const deviceAction = action as DeviceAction;
  if (deviceAction === 'raw' && rawPayload === undefined)
    throw new CliUsageError(`device raw: give the payload, for example raw '{"msgId":"1","kind":"sos"}'`);
  if ((deviceAction !== 'raw' && rawPayload !== undefined) || extra.length > 0)
    throw new CliUsageError(`device: unexpected argument '${extra[0] ?? rawPayload}'`);

  const device = credentialsFrom(values);
  if (!ACTION_TYPES[deviceAction].includes(device.type))
    throw new CliUsageError(`device ${deviceAction}: a ${device.type} cannot do that (--type)`);
  if ((values.lat === undefined) !== (values.lon === undefined)) throw new CliUsageError('--lat and --lon go together');
  const position =
    values.lat === undefined
      ? undefined
      : { lat: numberIn('lat', values.lat, -90, 90), lon: numberIn('lon', values.lon!, -180, 180) };
  return {
    name: 'device',
    connection: connectionFrom(values),
    device,
    action: deviceAction,
    rawPayload,
    battery: integerIn('battery', values.battery, 0, 100),
    position,
    listenSec: numberIn('listen', values.listen, 0, 3600),
  };
}

function parseHousehold(args: string[], nowMs: number): CliCommand {
  const { values, positionals } = parse(args, {
    ...SIMULATION,
    seed: { type: 'string', default: 'eldercare' },
    'worn-at-night': { type: 'boolean', default: false },
    duration: { type: 'string' },
  });
  if (values.help) return { name: 'help' };
  noPositionals('household', positionals);
  return {
    name: 'household',
    ...simulationFrom(values, nowMs),
    seed: values.seed,
    wornAtNight: values['worn-at-night'],
    durationSec: values.duration === undefined ? undefined : numberIn('duration', values.duration, 0, Infinity),
  };
}

function parseFleet(args: string[], nowMs: number): CliCommand {
  const { values, positionals } = parse(args, {
    ...SIMULATION,
    seed: { type: 'string', default: 'eldercare' },
    count: { type: 'string' },
    concurrency: { type: 'string', default: '50' },
    'stats-every': { type: 'string', default: '5' },
    duration: { type: 'string' },
  });
  if (values.help) return { name: 'help' };
  noPositionals('fleet', positionals);
  return {
    name: 'fleet',
    ...simulationFrom(values, nowMs),
    seed: values.seed,
    count: integerIn('count', required('count', values.count), 1, 1_000_000),
    concurrency: integerIn('concurrency', values.concurrency, 1, 10_000),
    statsEverySec: numberIn('stats-every', values['stats-every'], 1, 3600),
    durationSec: values.duration === undefined ? undefined : numberIn('duration', values.duration, 0, Infinity),
  };
}

function parseScenario(args: string[], nowMs: number): CliCommand {
  const { values, positionals } = parse(args, {
    ...SIMULATION,
    id: { type: 'string' },
    listen: { type: 'string', default: '10' },
  });
  if (values.help) return { name: 'help' };
  const [scenario, ...extra] = positionals;
  if (scenario === undefined) throw new CliUsageError('scenario: name the scenario (see --help for the list)');
  if (!isScenarioName(scenario))
    throw new CliUsageError(`scenario: unknown scenario '${scenario}' (see --help for the list)`);
  noPositionals('scenario', extra);
  if (values.id !== undefined && !isValidDeviceId(values.id))
    throw new CliUsageError(`--id must be 3 to 64 characters of A-Z a-z 0-9 _ -, got '${values.id}'`);
  return {
    name: 'scenario',
    ...simulationFrom(values, nowMs, { speedMayBeMax: true }),
    scenario,
    deviceId: values.id,
    listenSec: numberIn('listen', values.listen, 0, 3600),
  };
}

function parse<T extends NonNullable<ParseArgsConfig['options']>>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    // parseArgs names the flag: "Unknown option '--cont'", "Option '--count <value>' argument missing".
    throw new CliUsageError((error as Error).message);
  }
}

function connectionFrom(values: { url: string; mqtt5: boolean }): Connection {
  let url: URL;
  try {
    url = new URL(values.url);
  } catch {
    throw new CliUsageError(`--url must be a broker URL such as ${DEFAULT_URL}, got '${values.url}'`);
  }
  if (!['mqtt:', 'mqtts:', 'tcp:', 'ws:', 'wss:'].includes(url.protocol))
    throw new CliUsageError(`--url must be mqtt://, mqtts://, ws:// or wss://, got '${values.url}'`);
  return { url: values.url, protocolVersion: values.mqtt5 ? 5 : 4 };
}

function credentialsFrom(values: { id?: string; type?: string; secret?: string }): DeviceCredentials {
  const deviceId = required('id', values.id);
  if (!isValidDeviceId(deviceId))
    throw new CliUsageError(`--id must be 3 to 64 characters of A-Z a-z 0-9 _ -, got '${deviceId}'`);
  const type = required('type', values.type);
  if (!(DEVICE_TYPES as readonly string[]).includes(type))
    throw new CliUsageError(`--type must be one of ${DEVICE_TYPES.join(', ')}, got '${type}'`);
  return { deviceId, type: type as DeviceType, secret: required('secret', values.secret) };
}

function simulationFrom(
  values: { url: string; mqtt5: boolean; credentials?: string; speed: string; start: string; ts?: string },
  nowMs: number,
  { speedMayBeMax = false } = {},
): SimulationOptions {
  if (values.ts !== undefined && values.ts !== 'simulated' && values.ts !== 'omit')
    throw new CliUsageError(`--ts must be simulated or omit, got '${values.ts}'`);
  return {
    connection: connectionFrom(values),
    credentialsFile: required('credentials', values.credentials),
    speed: speedFrom(values.speed, speedMayBeMax),
    startMs: startFrom(values.start, nowMs),
    timestamps: values.ts,
  };
}

/** A scenario can be played with no waiting ("max"); a fleet's clock needs a finite speed. */
function speedFrom(text: string, mayBeMax: boolean): number {
  if (mayBeMax && text === 'max') return Number.POSITIVE_INFINITY;
  const speed = Number(text);
  if (text.trim() === '' || !(speed > 0) || speed > 1_000_000)
    throw new CliUsageError(
      `--speed must be a number above 0 and up to 1000000${mayBeMax ? ', or max' : ''}, got '${text}'`,
    );
  return speed;
}

function startFrom(value: string, nowMs: number): number {
  if (value === 'now') return nowMs;
  // An ISO date-time with a date and a time; Date.parse alone would also take "1" or "March".
  const startMs = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(startMs))
    throw new CliUsageError(
      `--start must be now or an ISO date-time such as 2025-11-23T06:30:00+08:00, got '${value}'`,
    );
  return startMs;
}

function required(flag: string, value: string | undefined): string {
  if (value === undefined || value === '') throw new CliUsageError(`--${flag} is required`);
  return value;
}

function numberIn(flag: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value < min || value > max) {
    throw new CliUsageError(
      `--${flag} must be a number ${max === Infinity ? `of ${min} or more` : `from ${min} to ${max}`}, got '${text}'`,
    );
  }
  return value;
}

function integerIn(flag: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (!/^-?\d+$/.test(text) || value < min || value > max)
    throw new CliUsageError(`--${flag} must be a whole number from ${min} to ${max}, got '${text}'`);
  return value;
}

function noPositionals(command: string, positionals: string[]): void {
  if (positionals.length > 0) throw new CliUsageError(`${command}: unexpected argument '${positionals[0]}'`);
}
