import { createServer } from 'node:net';

/** Where MQTT listens by convention; a machine's own broker often holds it already. */
export const MQTT_DEFAULT_PORT = 1883;
const PORTS_TRIED = 20;

/**
 * The embedded broker's port: the one asked for (`MQTT_PORT`), else the first free port from 1883 on, so that
 * `npm start` works beside a broker the machine already runs. A port asked for and taken fails at listen, by name.
 */
export async function embeddedBrokerPort(asked: number | undefined, from = MQTT_DEFAULT_PORT): Promise<number> {
  if (asked !== undefined) return asked;
  for (let port = from; port < from + PORTS_TRIED; port++) if (await isFree(port)) return port;
  throw new Error(`ports ${from} to ${from + PORTS_TRIED - 1} are all taken: set MQTT_PORT to a free port`);
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '0.0.0.0', () => probe.close(() => resolve(true)));
  });
}
