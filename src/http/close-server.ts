// Stops the HTTP server: no new connections, requests in flight get a grace period to finish. Fastify's
// close waits for every open request, so a client that stops reading (or never sends the rest of its
// body) would hold shutdown for minutes; after the grace its connections are dropped.
import type { FastifyInstance } from 'fastify';

export async function closeServer(server: FastifyInstance, graceMs: number): Promise<void> {
  const drop = setTimeout(() => server.server.closeAllConnections(), graceMs);
  try {
    await server.close();
  } finally {
    clearTimeout(drop);
  }
}
