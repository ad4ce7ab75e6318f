import { createServer, type Server } from 'node:net';
import { embeddedBrokerPort } from './embedded-broker-port';

function listenAnywhere(): Promise<{ server: Server; port: number }> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '0.0.0.0', () => {
      const address = server.address();
      if (address === null || typeof address === 'string') throw new Error('no port');
      resolve({ server, port: address.port });
    });
  });
}

describe('embeddedBrokerPort', () => {
  it('keeps the port asked for, taken or not', async () => {
    const { server, port } = await listenAnywhere();
    try {
      await expect(embeddedBrokerPort(port)).resolves.toBe(port);
    } finally {
      server.close();
    }
  });

  it('takes the first free port after one another broker holds', async () => {
    const { server, port } = await listenAnywhere();
    try {
      const sut = await embeddedBrokerPort(undefined, port);
      expect(sut).toBeGreaterThan(port);
    } finally {
      server.close();
    }
  });

  it('takes the first port when it is free', async () => {
    const { server, port } = await listenAnywhere();
    await new Promise((resolve) => server.close(resolve));
    await expect(embeddedBrokerPort(undefined, port)).resolves.toBe(port);
  });
});
