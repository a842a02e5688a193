// bench/pages: the public pages under load on the real server (PostgreSQL and Redis on localhost): 16
// connections rotating over the home page, /villages, Bát Tràng (the biggest entry), a route, /products and a
// product, for 15 s. Per page: the server's own time to the HTML (its Server-Timing header: from the request's
// arrival to the rendered page, before compression and the network), the latency the client saw, and the
// gzipped size. The server runs in a process of its own, so the load generator does not share its event loop.
// Run by hand: `npm run bench:pages` (DATABASE_URL as for the server). Target: render p95 ≤ 15 ms.
import autocannon from 'autocannon';
import { request, type IncomingHttpHeaders } from 'node:http';
import { loadHandbook } from '../src/content/load.js';
import { startProcess } from './processes.js';

const CONNECTIONS = 16;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const TARGET_MS = 15;
const BUDGET_BYTES = 60 * 1024;

const handbook = loadHandbook('content');
const candidates = [
  '/',
  '/villages',
  '/villages/bat-trang',
  `/routes/${handbook.routes.find((r) => r.id === 'langnghe-gia-lam')?.id ?? handbook.routes[0]!.id}`,
  '/products',
  `/products/${handbook.products.find((p) => p.ocop?.stars === 5)?.id ?? handbook.products[0]!.id}`,
];
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

/** Status and the bytes on the wire with gzip, as a browser would fetch the page. */
const gzipped = (url: string) =>
  new Promise<{ status: number; bytes: number }>((resolve, reject) => {
    const req = request(url, { headers: { 'accept-encoding': 'gzip', 'accept-language': 'vi' } }, (res) => {
      let bytes = 0;
      res.on('data', (chunk: Buffer) => (bytes += chunk.length));
      res.on('end', () => resolve({ status: res.statusCode!, bytes }));
    });
    req.on('error', reject);
    req.end();
  });

const server = await startProcess(
  'src/main.ts',
  ['server'],
  { PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', RATE_LIMIT_PER_MINUTE: '0', QUEUE_PREFIX: `bench-${Date.now()}` },
  /"url":"(http[^"]+)"/,
  process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [],
);
const app = { url: server.url };
const sizes = new Map<string, number>();
const pages: string[] = [];
for (const path of candidates) {
  const { status, bytes } = await gzipped(`${app.url}${path}`);
  // The route and product pages come from another part of the site; a page not there yet is left out.
  if (status !== 200) console.log(`${path}: ${status}, left out`);
  else {
    pages.push(path);
    sizes.set(path, bytes);
  }
}

const renderMs = new Map<string, number[]>(pages.map((p) => [p, []]));
const latencyMs = new Map<string, number[]>(pages.map((p) => [p, []]));
const result = await autocannon({
  url: app.url!,
  connections: CONNECTIONS,
  duration: SECONDS,
  headers: { 'accept-encoding': 'gzip, br', 'accept-language': 'vi-VN,vi;q=0.9,en;q=0.8' },
  requests: pages.map((path) => ({
    method: 'GET' as const,
    path,
    setupRequest: (req: autocannon.Request, context: object) => {
      (context as { sentAt?: number }).sentAt = performance.now();
      return req;
    },
    onResponse: (status: number, _body: string, context: object, headers?: IncomingHttpHeaders) => {
      if (status !== 200) return;
      latencyMs.get(path)!.push(performance.now() - (context as { sentAt: number }).sentAt);
      const render = /render;dur=([0-9.]+)/.exec(String(headers?.['server-timing'] ?? ''));
      if (render) renderMs.get(path)!.push(Number(render[1]));
    },
  })),
});

console.log(
  `\n${CONNECTIONS} connections, ${SECONDS} s, rotating over ${pages.length} pages: ${Math.round(result.requests.average)} requests/s, errors ${result.errors}, non-2xx ${result.non2xx}`,
);
console.log('page                                   | requests | render p50 | render p95 | client p95 | gzip KB');
let worst = 0;
for (const path of pages) {
  const render = renderMs.get(path)!.sort((a, b) => a - b);
  const seen = latencyMs.get(path)!.sort((a, b) => a - b);
  const p95 = percentile(render, 95);
  worst = Math.max(worst, p95);
  console.log(
    `${path.padEnd(38)} | ${String(render.length).padStart(8)} | ${percentile(render, 50).toFixed(1).padStart(7)} ms | ${p95.toFixed(1).padStart(7)} ms | ${percentile(seen, 95).toFixed(1).padStart(7)} ms | ${(sizes.get(path)! / 1024).toFixed(1).padStart(7)}`,
  );
}
const heaviest = Math.max(...sizes.values());
console.log(`\nrender p95, worst page: ${worst.toFixed(1)} ms — target ≤ ${TARGET_MS} ms: ${worst <= TARGET_MS ? 'met' : 'MISSED'}`);
console.log(`heaviest page gzipped: ${(heaviest / 1024).toFixed(1)} KB — budget ≤ ${BUDGET_BYTES / 1024} KB: ${heaviest <= BUDGET_BYTES ? 'met' : 'MISSED'}`);
server.child.kill('SIGTERM');
await new Promise((resolve) => server.child.once('exit', resolve));
process.exit(0);
