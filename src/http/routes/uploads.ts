// Resumable uploads with the tus protocol (the tus project's own Node server and file store) at
// /api/uploads, for the staff token. A finished upload becomes a clip; its metadata (title, description,
// village, tags) travels in Upload-Metadata. The response names the clip in `X-Clip-Id`.
import { httpStatusOf } from '../error-status.js';
import type { IncomingMessage } from 'node:http';
import type { FastifyPluginAsync } from 'fastify';
import type { Server } from '@tus/server';
import { rm } from 'node:fs/promises';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { requireStaff } from '../staff-auth.js';
import { AppError } from '../../errors.js';
import { clipMetadata, firstProblem } from './clips.js';
import type { AppDeps } from '../deps.js';

// The authenticated staff member, carried from Fastify's check to tus's hooks on the Node request.
const STAFF = Symbol('staff');
type WithStaff = IncomingMessage & { [STAFF]?: { id: string } };
// A key sent without a value ("description ") reaches us as null: the same as not sent.
const given = (metadata: Record<string, string | null> | undefined) => Object.fromEntries(Object.entries(metadata ?? {}).filter(([, value]) => value !== null));

export const uploadRoutes =
  (deps: AppDeps): FastifyPluginAsync =>
  async (app) => {
    const directory = join(deps.config.MEDIA_DIR, 'tus');
    mkdirSync(directory, { recursive: true });
    // The tus server and its store are loaded with the first upload: ~0.15 s of every start otherwise.
    let tus: Promise<Server> | undefined;
    const tusServer = () => (tus ??= createTusServer());
    const createTusServer = async () => {
      const [{ Server }, { FileStore }] = await Promise.all([import('@tus/server'), import('@tus/file-store')]);
      return new Server({
        path: '/api/uploads',
        datastore: new FileStore({ directory }),
        maxSize: deps.config.MAX_UPLOAD_BYTES,
        respectForwardedHeaders: true,
        async onUploadCreate(req, upload) {
          const meta = clipMetadata.safeParse(given(upload.metadata));
          if (!meta.success) throw { status_code: 400, body: `Upload-Metadata: ${firstProblem(meta.error)}\n` };
          const staff = (req.runtime?.node?.req as WithStaff | undefined)?.[STAFF];
          // Who uploads is who signed in, whatever the metadata claims.
          return { metadata: { ...upload.metadata, staffId: staff?.id ?? '' } };
        },
        async onUploadFinish(_req, upload) {
          const meta = clipMetadata.parse(given(upload.metadata));
          const path = join(directory, upload.id);
          try {
            const created = await deps.services.clips.ingest({
              tempPath: path,
              originalName: upload.metadata?.filename ?? 'upload',
              bytes: upload.size ?? upload.offset,
              staffId: upload.metadata!.staffId!,
              uploadId: upload.id,
              ...meta,
            });
            const id = created.clip?.id ?? created.duplicateOf!.id;
            return { headers: { 'X-Clip-Id': id, ...(created.duplicateOf ? { 'X-Duplicate-Of': id } : {}) } };
          } catch (error) {
            if (error instanceof AppError) throw { status_code: httpStatusOf[error.code], body: `${error.message}\n` };
            throw error;
          } finally {
            // The file was moved into its clip (or refused): tus's copy and its record go.
            await rm(path, { force: true });
            await rm(`${path}.json`, { force: true });
          }
        },
      });
    };
    // tus reads the body itself.
    app.addContentTypeParser('application/offset+octet-stream', (_request, _payload, done) => done(null));
    app.addHook('preHandler', requireStaff(deps.services.staff));
    const handle = async (request: { raw: WithStaff; staff?: { id: string } }, reply: { hijack(): void; raw: import('node:http').ServerResponse }) => {
      request.raw[STAFF] = request.staff;
      reply.hijack();
      await (await tusServer()).handle(request.raw, reply.raw);
    };
    app.all('/api/uploads', handle);
    app.all('/api/uploads/*', handle);
  };
