// Staff clip API: upload (multipart, or resumable with tus at /api/uploads), list, read, schedule, and a
// server-sent event stream of changes (clip.updated).
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../errors.js';
import { requireStaff } from '../staff-auth.js';
import type { AppDeps } from '../deps.js';

const clipParams = z.object({ id: z.uuid('not a clip id') });
const scheduleBody = z.object({
  publishAt: z.iso.datetime({ offset: true, message: 'publishAt must be an ISO 8601 time, e.g. 2026-12-01T08:00:00+07:00' }),
});
export const clipMetadata = z.object({
  title: z.string({ error: 'is required' }).trim().min(1, 'is required').max(200, 'is longer than 200 characters'),
  description: z.string().trim().max(5000, 'is longer than 5000 characters').optional(),
  village: z.string().trim().max(100, 'is not a village id').optional(),
  // The Telegram post's burned-in captions, chosen at upload (a form's empty choice is none).
  burnCaptions: z
    .enum(['vi', 'en', ''], 'must be "vi" or "en"')
    .optional()
    .transform((value) => value || undefined),
  tags: z
    .string()
    .max(500, 'are longer than 500 characters')
    .optional()
    .transform((value) =>
      value
        ? value
            .split(',')
            .map((t) => t.trim())
            .filter(Boolean)
            .slice(0, 20)
        : [],
    ),
});

/** PATCH: only the fields given change; tags as a list or comma-separated. */
export const clipChanges = z
  .object({
    title: clipMetadata.shape.title.optional(),
    description: z.string().trim().max(5000, 'is longer than 5000 characters').nullable().optional(),
    village: z.string().trim().max(100, 'is not a village id').nullable().optional(),
    tags: z
      .union([z.array(z.string().max(100)).max(20, 'at most 20 tags'), z.string().max(500, 'are longer than 500 characters')])
      .optional()
      .transform((value) =>
        value === undefined
          ? undefined
          : (Array.isArray(value) ? value : value.split(','))
              .map((t) => t.trim())
              .filter(Boolean)
              .slice(0, 20),
      ),
    burnCaptions: z.enum(['vi', 'en'], 'must be "vi", "en" or null').nullable().optional(),
  })
  .strict();

/** "title: is required": the first problem, naming its field. */
export const firstProblem = (error: z.ZodError) => `${error.issues[0]!.path.join('.')}: ${error.issues[0]!.message}`;

export const clipRoutes =
  (deps: AppDeps): FastifyPluginAsync =>
  async (app) => {
    const { clips } = deps.services;
    app.addHook('preHandler', requireStaff(deps.services.staff));

    app.post('/api/clips', async (request, reply) => {
      if (!request.isMultipart()) throw new AppError('not_multipart', 'Send multipart/form-data with the video in field "file".');
      const tempPath = await clips.receivingPath();
      const fields: Record<string, string> = {};
      let upload: { name: string; bytes: number; sha256: string } | undefined;
      try {
        for await (const part of request.parts()) {
          if (part.type === 'field') {
            fields[part.fieldname] = String(part.value);
          } else if (part.fieldname !== 'file' || upload) {
            part.file.resume();
            throw new AppError('bad_upload', 'Send exactly one file, in field "file".');
          } else {
            let bytes = 0;
            const hash = createHash('sha256');
            // Hashed while it is written: no second read of a large file.
            const tap = new Transform({
              transform(chunk: Buffer, _encoding, done) {
                bytes += chunk.length;
                hash.update(chunk);
                done(null, chunk);
              },
            });
            await pipeline(part.file, tap, createWriteStream(tempPath));
            if (part.file.truncated) {
              throw new AppError('too_large', `The file is larger than the limit of ${deps.config.MAX_UPLOAD_BYTES} bytes.`);
            }
            if (bytes === 0) throw new AppError('bad_upload', 'The file is empty.');
            upload = { name: part.filename || 'upload', bytes, sha256: hash.digest('hex') };
          }
        }
        if (!upload) throw new AppError('bad_upload', 'No file: send the video in field "file".');
        const meta = clipMetadata.safeParse(fields);
        if (!meta.success) throw new AppError('bad_upload', firstProblem(meta.error));
        const created = await clips.ingest({
          tempPath,
          originalName: upload.name,
          bytes: upload.bytes,
          sha256: upload.sha256,
          staffId: request.staff!.id,
          ...meta.data,
        });
        if (created.duplicateOf) {
          return reply
            .code(409)
            .send({ error: 'duplicate', message: `This file was uploaded before, as "${created.duplicateOf.title}".`, clipId: created.duplicateOf.id });
        }
        return reply.code(201).send(await clips.get(created.clip.id));
      } finally {
        // Moved into place on success; anything left here is a failed upload.
        await rm(tempPath, { force: true });
      }
    });

    app.get('/api/clips', async () => ({ clips: await clips.list() }));
    app.get('/api/clips/:id', async (request) => clips.get(clipParams.parse(request.params).id));

    app.patch('/api/clips/:id', async (request) => {
      const { id } = clipParams.parse(request.params);
      const changes = clipChanges.safeParse(request.body ?? {});
      if (!changes.success) throw new AppError('bad_request', firstProblem(changes.error));
      await clips.update(id, changes.data);
      return clips.get(id);
    });

    // A published clip goes only with ?confirm=true (409 "published" otherwise).
    app.delete('/api/clips/:id', async (request, reply) => {
      const { id } = clipParams.parse(request.params);
      const { confirm } = z.object({ confirm: z.enum(['true', 'false']).optional() }).parse(request.query);
      await clips.delete(id, { confirmPublished: confirm === 'true' });
      return reply.code(204).send();
    });

    // A failed clip back into the queue, from the start.
    app.post('/api/clips/:id/retry', async (request, reply) => {
      const { id } = clipParams.parse(request.params);
      await clips.retry(id);
      return reply.code(202).send(await clips.get(id));
    });

    // Server-sent events: "clip.updated" with the clip as GET /api/clips/:id shows it.
    app.get('/api/clips/events', async (request, reply) => {
      const raw = reply.raw;
      const stop = await clips.events.listen((clipId) => {
        clips
          .get(clipId)
          .then((clip) => raw.write(`event: clip.updated\ndata: ${JSON.stringify(clip)}\n\n`))
          .catch(() => {});
      });
      reply.hijack();
      raw.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache', Connection: 'keep-alive', 'X-Accel-Buffering': 'no' });
      raw.write(': connected\n\n');
      const keepAlive = setInterval(() => raw.write(': keep-alive\n\n'), 15_000);
      request.raw.on('close', () => {
        clearInterval(keepAlive);
        stop();
      });
    });

    app.post('/api/clips/:id/schedule', async (request, reply) => {
      const { id } = clipParams.parse(request.params);
      const { publishAt } = scheduleBody.parse(request.body);
      // The walking skeleton's contract: the Telegram channel at an ISO time. POST /api/publications does more.
      await deps.services.publishing.schedule({ clipId: id, target: 'telegram', when: new Date(publishAt) });
      return reply.code(201).send(await clips.get(id));
    });
  };
