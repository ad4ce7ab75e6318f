import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { connect } from 'mqtt';
import { findFreePort } from './free-port';

/** A Mosquitto of our own, started from the production configuration on a free local port. */
export interface TestMosquitto {
  url: string;
  port: number;
  /** The dynamic-security admin, the only account that exists at start. */
  admin: { username: string; password: string };
  /** The dynamic-security JSON file the plugin rewrites on every command. */
  dynsecFile: string;
  /** The broker's process id (it changes with a restart), to read its memory from /proc. */
  readonly pid: number;
  /**
   * Stops the broker (SIGTERM: it writes its persistence file: sessions, queued QoS 1 messages, retained messages)
   * and starts it again on the same port from the same configuration and files; resolves once the admin can
   * connect. Clients see their connections drop and reconnect as after a real broker restart.
   */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

const PRODUCTION_CONFIG = resolve(__dirname, '../../../docker/mosquitto/mosquitto.conf');
/** Where Debian and Ubuntu install the plugin (the eclipse-mosquitto image has it in /usr/lib). */
const PLUGIN_PATH = '/usr/lib/x86_64-linux-gnu/mosquitto_dynamic_security.so';
const READY_TIMEOUT_MS = 10_000;
const STOP_TIMEOUT_MS = 5_000;
/** Another process can take the free port between our probe and Mosquitto's bind. */
const START_ATTEMPTS = 3;

const execFileAsync = promisify(execFile);

/**
 * Starts Mosquitto from docker/mosquitto/mosquitto.conf with only the machine-specific lines
 * rewritten (port, plugin path, data folders), so the tests exercise the configuration we ship.
 * `overrides` replaces (or adds) further directives, for a test that needs a limit the production file
 * must not have, such as a tiny queue. Resolves once the admin can connect; `stop()` kills the broker and
 * deletes its folder.
 */
export async function startTestMosquitto(overrides: Record<string, string> = {}): Promise<TestMosquitto> {
  const dir = await mkdtemp(join(tmpdir(), 'eldercare-mosquitto-'));
  try {
    const admin = { username: 'admin', password: randomBytes(18).toString('base64url') };
    const dynsecFile = join(dir, 'dynamic-security.json');
    await execFileAsync('mosquitto_ctrl', ['dynsec', 'init', dynsecFile, admin.username, admin.password]);
    const production = await readFile(PRODUCTION_CONFIG, 'utf8');
    for (let attempt = 1; ; attempt++) {
      const port = await findFreePort();
      const configFile = join(dir, 'mosquitto.conf');
      await writeFile(configFile, testConfig(production, { port, dir, dynsecFile }, overrides));
      const url = `mqtt://127.0.0.1:${port}`;
      let broker: RunningMosquitto;
      try {
        broker = await launch(configFile, url, admin);
      } catch (error) {
        if (attempt < START_ATTEMPTS && error instanceof PortTakenError) continue;
        throw error;
      }
      return {
        url,
        port,
        admin,
        dynsecFile,
        get pid() {
          return broker.process.pid!;
        },
        restart: async () => {
          await broker.stop();
          broker = await launch(configFile, url, admin);
        },
        stop: async () => {
          await broker.stop();
          await rm(dir, { recursive: true, force: true });
        },
      };
    }
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}

class PortTakenError extends Error {}

interface RunningMosquitto {
  process: ChildProcess;
  stop(): Promise<void>;
}

/** Starts Mosquitto from `configFile` and resolves once the admin can connect. */
async function launch(configFile: string, url: string, admin: TestMosquitto['admin']): Promise<RunningMosquitto> {
  const broker = spawn('mosquitto', ['-c', configFile], { stdio: ['ignore', 'pipe', 'pipe'] });
  // A test run that dies without calling stop() must not leave brokers behind.
  const killOnExit = () => broker.kill('SIGKILL');
  process.once('exit', killOnExit);
  const output = captureOutput(broker);
  const stop = async () => {
    process.off('exit', killOnExit);
    await stopProcess(broker);
  };
  try {
    await waitUntilAdminConnects(url, admin, broker, output);
  } catch (error) {
    await stop();
    if (output().includes('Address already in use')) throw new PortTakenError((error as Error).message);
    throw error;
  }
  return { process: broker, stop };
}

/** Replaces the machine-specific directives; refuses a configuration that no longer has them. */
function testConfig(
  production: string,
  { port, dir, dynsecFile }: { port: number; dir: string; dynsecFile: string },
  overrides: Record<string, string>,
): string {
  const replacements: Record<string, string> = {
    listener: `listener ${port} 127.0.0.1`,
    plugin: `plugin ${PLUGIN_PATH}`,
    plugin_opt_config_file: `plugin_opt_config_file ${dynsecFile}`,
    persistence_location: `persistence_location ${dir}/`,
  };
  const seen = new Set<string>();
  const lines = production.split('\n').map((line) => {
    const directive = line.trim().split(/\s+/)[0];
    if (!(directive in replacements)) return line;
    seen.add(directive);
    return replacements[directive];
  });
  const missing = Object.keys(replacements).filter((directive) => !seen.has(directive));
  if (missing.length > 0) throw new Error(`${PRODUCTION_CONFIG} has no ${missing.join(', ')} line to rewrite`);
  for (const [directive, value] of Object.entries(overrides)) {
    const at = lines.findIndex((line) => line.trim().split(/\s+/)[0] === directive);
    if (at >= 0) lines[at] = `${directive} ${value}`;
    else lines.push(`${directive} ${value}`);
  }
  // Run as root, Mosquitto would switch to the `mosquitto` user, which cannot read our private folder.
  lines.push(`user ${userInfo().username}`);
  return lines.join('\n');
}

/** Keeps the broker's output for error messages; a broker that fails to start says why there. */
function captureOutput(broker: ChildProcess): () => string {
  let output = '';
  const append = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-8_000);
  };
  broker.stdout?.on('data', append);
  broker.stderr?.on('data', append);
  return () => output;
}

/** Connects as the admin until it works: the broker is up and the dynamic-security plugin has loaded. */
async function waitUntilAdminConnects(
  url: string,
  admin: TestMosquitto['admin'],
  broker: ChildProcess,
  output: () => string,
): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let lastError: unknown;
  while (Date.now() < deadline) {
    if (broker.exitCode !== null || broker.signalCode !== null) {
      throw new Error(
        `mosquitto exited (${broker.exitCode ?? broker.signalCode}) before accepting connections:\n${output()}`,
      );
    }
    try {
      await connectOnce(url, admin);
      return;
    } catch (error) {
      lastError = error;
      await new Promise((retry) => setTimeout(retry, 20));
    }
  }
  throw new Error(
    `mosquitto did not accept the admin within ${READY_TIMEOUT_MS} ms (${String(lastError)}):\n${output()}`,
  );
}

function connectOnce(url: string, admin: TestMosquitto['admin']): Promise<void> {
  return new Promise((resolveConnect, reject) => {
    const client = connect(url, { ...admin, reconnectPeriod: 0, connectTimeout: 2_000 });
    let settled = false;
    const settle = (error?: Error) => {
      if (settled) return;
      settled = true;
      client.end(true);
      if (error) reject(error);
      else resolveConnect();
    };
    client.on('connect', () => settle());
    client.on('error', (error) => settle(error));
    client.on('close', () => settle(new Error('connection closed before CONNACK')));
  });
}

async function stopProcess(broker: ChildProcess): Promise<void> {
  if (broker.exitCode !== null || broker.signalCode !== null) return;
  const exited = new Promise<void>((resolveExit) => broker.once('exit', () => resolveExit()));
  broker.kill('SIGTERM');
  const killer = setTimeout(() => broker.kill('SIGKILL'), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(killer);
}
