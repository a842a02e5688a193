// The map's browser files, served by us (never a CDN): our map.js and Leaflet's script, stylesheet and images from
// node_modules. Their addresses carry a version (Leaflet's, map.js's content hash), so browsers keep them a year.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzip as gzipCallback } from 'node:zlib';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';

const require = createRequire(import.meta.url);
const leafletVersion = (require('leaflet/package.json') as { version: string }).version;
const leafletFile = (name: string) => require.resolve(`leaflet/dist/${name}`);
const mapScript = readFileSync(fileURLToPath(new URL('../assets/map.js', import.meta.url)));
const mapScriptHash = createHash('sha256').update(mapScript).digest('hex').slice(0, 10);

const LEAFLET_BASE = `/assets/leaflet/${leafletVersion}`;

/** Where the map's files are; the map partial hands these to map.js. */
export const mapAssetUrls = {
  script: `/assets/map-${mapScriptHash}.js`,
  leafletScript: `${LEAFLET_BASE}/leaflet.js`,
  leafletStylesheet: `${LEAFLET_BASE}/leaflet.css`,
  /** Leaflet's pin, for the legend on /map. */
  pinIcon: `${LEAFLET_BASE}/images/marker-icon.png`,
} as const;

type Asset = { type: string; body: Buffer; compressible: boolean };
const JS = 'text/javascript; charset=utf-8';
const PNG = 'image/png';

// Read once at start: two scripts, a stylesheet and five small pictures (leaflet.css names the pictures relative to itself).
const ASSETS = new Map<string, Asset>([
  [mapAssetUrls.script, { type: JS, body: mapScript, compressible: true }],
  [mapAssetUrls.leafletScript, { type: JS, body: readFileSync(leafletFile('leaflet.js')), compressible: true }],
  [mapAssetUrls.leafletStylesheet, { type: 'text/css; charset=utf-8', body: readFileSync(leafletFile('leaflet.css')), compressible: true }],
  ...['marker-icon.png', 'marker-icon-2x.png', 'marker-shadow.png', 'layers.png', 'layers-2x.png'].map(
    (name) => [`${LEAFLET_BASE}/images/${name}`, { type: PNG, body: readFileSync(leafletFile(`images/${name}`)), compressible: false }] as const,
  ),
]);

// Compressed once, on first asking, off the event loop (brotli's best takes 0.8 s for Leaflet's script: 147 KB → 37 KB).
const brotli = promisify(brotliCompress);
const gzip = promisify(gzipCallback);
const compressed = new Map<string, Promise<Buffer>>();
function encoded(path: string, asset: Asset, encoding: 'br' | 'gzip'): Promise<Buffer> {
  const key = `${encoding}:${path}`;
  let body = compressed.get(key);
  if (!body) {
    body = encoding === 'br' ? brotli(asset.body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }) : gzip(asset.body, { level: 9 });
    compressed.set(key, body);
  }
  return body;
}

/** The encodings an Accept-Encoding header allows ("br;q=0" refuses one). */
function acceptedEncodings(header: string | string[] | undefined): Set<string> {
  const allowed = new Set<string>();
  for (const part of String(header ?? '').split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    if (name && !(q && Number(q.slice(2)) === 0)) allowed.add(name);
  }
  return allowed;
}

async function send(request: FastifyRequest, reply: FastifyReply, path: string, asset: Asset) {
  reply.type(asset.type).header('cache-control', 'public, max-age=31536000, immutable');
  if (!asset.compressible) return reply.send(asset.body);
  reply.header('vary', 'accept-encoding');
  const accepted = acceptedEncodings(request.headers['accept-encoding']);
  const encoding = accepted.has('br') ? 'br' : accepted.has('gzip') ? 'gzip' : undefined;
  if (!encoding) return reply.send(asset.body);
  return reply.header('content-encoding', encoding).send(await encoded(path, asset, encoding));
}

export const mapAssetRoutes = (): FastifyPluginAsync => async (app) => {
  for (const [path, asset] of ASSETS) app.get(path, async (request, reply) => send(request, reply, path, asset));
};
