import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';
import { mayReadMetrics, type MetricsAccess } from './metrics-access';

/**
 * `/metrics` on its own port, for the processes that serve no HTTP otherwise (gateway, worker), to whom `access`
 * lets in. Listens on loopback unless told otherwise: metrics are for the scraper on the host or in the pod, not the
 * internet.
 */
export async function serveMetrics(
  registry: Registry,
  port: number,
  access: MetricsAccess,
  host = '127.0.0.1',
): Promise<{ port: number; close: () => Promise<void> }> {
  const server: Server = createServer((request, response) => {
    if (request.method !== 'GET' || request.url !== '/metrics') {
      response.writeHead(404).end();
      return;
    }
    if (!mayReadMetrics(access, request.headers.authorization)) {
      response.writeHead(403, { 'content-type': 'text/plain' }).end('send the bearer token in METRICS_TOKEN');
      return;
    }
    registry.metrics().then(
      (text) => response.writeHead(200, { 'content-type': registry.contentType }).end(text),
      (error: Error) => response.writeHead(500).end(error.message),
    );
  });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(port, host, resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
