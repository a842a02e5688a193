// The public site's stylesheet, one cached file for every page (src/http/assets/site.css): read once at start,
// addressed with a hash of its content so a browser keeps it for a year and fetches it again only when it changes.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FastifyPluginAsync } from 'fastify';

const css = readFileSync(fileURLToPath(new URL('../assets/site.css', import.meta.url)));
const version = createHash('sha256').update(css).digest('hex').slice(0, 10);

export const siteStylesheetUrl = `/assets/site.css?v=${version}`;

export const siteAssetRoutes: FastifyPluginAsync = async (app) => {
  app.get('/assets/site.css', async (request, reply) => {
    const asked = (request.query as { v?: string }).v;
    // An address with the current hash never changes; any other is checked again soon.
    reply.header('cache-control', asked === version ? 'public, max-age=31536000, immutable' : 'public, max-age=300');
    return reply.type('text/css; charset=utf-8').send(css);
  });
};
