import { type AddressInfo, type Socket, createServer } from 'node:net';
import type Aedes from 'aedes';
import { createBroker } from 'aedes';
import { AedesAccessGuard, type BrokerLogger, type ServiceAccount } from './aedes-access.guard';
import type { DeviceCredentialStore } from './device-credential.store';

export interface EmbeddedBrokerOptions {
  /** Device accounts: the device registry. */
  credentials: DeviceCredentialStore;
  /** The platform's own account (MQTT_USERNAME / MQTT_PASSWORD). */
  service: ServiceAccount;
  logger: BrokerLogger;
}

export interface EmbeddedBroker {
  aedes: Aedes;
  listen(port: number, host: string): Promise<AddressInfo>;
  /** Disconnects every client and stops listening. */
  close(): Promise<void>;
}

/**
 * The in-process MQTT broker of the all-in-one process (`npm start` without MQTT_URL): aedes, with
 * the same device authentication and topic rules as the production Mosquitto. Unlike Mosquitto it
 * speaks MQTT 3.1.1 only, keeps sessions in memory, and has no shared subscriptions (refused).
 */
export function createEmbeddedBroker({ credentials, service, logger }: EmbeddedBrokerOptions): EmbeddedBroker {
  const guard = new AedesAccessGuard(credentials, service, logger);
  const aedes = createBroker({
    authenticate: guard.authenticate,
    authorizePublish: guard.authorizePublish,
    authorizeSubscribe: guard.authorizeSubscribe,
  });
  const server = createServer(aedes.handle);
  // Sockets that never sent CONNECT are no aedes client yet; closing must not wait for them to time out.
  const sockets = new Set<Socket>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });

  return {
    aedes,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve(server.address() as AddressInfo);
        });
      }),
    close: async () => {
      await new Promise<void>((resolve) => aedes.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      if (!server.listening) return;
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
