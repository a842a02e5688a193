// Stopping the server: a request in flight may finish within SHUTDOWN_GRACE_SECONDS; a client that stalls
// (sends half a body and goes quiet) is dropped after it instead of holding the shutdown for minutes.
import { describe, expect, it } from 'vitest';
import { connect, type Socket } from 'node:net';
import { startApp } from '../../src/app.js';
import { testConfig } from '../helpers/test-env.js';
import { sleep, waitUntil } from '../helpers/wait.js';

const body = JSON.stringify({ text: 'Bát Tràng ở đâu?' });
const head = `POST /api/ask HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n`;

/** A raw connection that has sent the request line, headers and half of the body. */
async function halfSent(url: string) {
  const { hostname, port } = new URL(url);
  const socket: Socket = connect(Number(port), hostname);
  const state = { received: '', closed: false };
  socket.on('data', (chunk) => (state.received += chunk.toString()));
  socket.on('close', () => (state.closed = true));
  socket.on('error', () => {});
  await new Promise((resolve) => socket.once('connect', resolve));
  const bytes = Buffer.from(head + body);
  socket.write(bytes.subarray(0, bytes.length - 10));
  return { socket, state, finish: () => socket.write(bytes.subarray(bytes.length - 10)) };
}

describe('stopping the server', () => {
  it('lets a request in flight finish and drops a stalled client after the grace period', async () => {
    const app = await startApp(testConfig({ SHUTDOWN_GRACE_SECONDS: '2' }), 'server');
    const finishing = await halfSent(app.url!);
    const stalled = await halfSent(app.url!);
    await sleep(200); // both requests have reached the server

    const started = Date.now();
    const closing = app.close();
    finishing.finish();
    await waitUntil(() => finishing.state.received.includes('\r\n\r\n{'), { timeoutMs: 5_000 });
    expect(finishing.state.received).toMatch(/^HTTP\/1\.1 200 /);
    expect(finishing.state.received).toContain('bat-trang');

    await closing;
    const took = Date.now() - started;
    expect(stalled.state.received).toBe('');
    await waitUntil(() => stalled.state.closed, { timeoutMs: 2_000 });
    // Without the grace the server would wait for Node's request timeout (300 s) on the stalled client.
    expect(took).toBeGreaterThanOrEqual(1_900);
    expect(took).toBeLessThan(10_000);
  });
});
