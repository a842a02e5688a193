// Staff clip API: upload (multipart), read, schedule.
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../errors.js';
import { requireStaff } from '../staff-auth.js';
import { uploadsDir } from '../../services/clips/clip-files.js';
import { createClip } from '../../services/clips/create-clip.js';
import { getClip } from '../../services/clips/get-clip.js';
import { schedulePublication } from '../../services/clips/schedule-publication.js';
import type { AppDeps } from '../deps.js';

const clipParams = z.object({ id: z.uuid('not a clip id') });
const scheduleBody = z.object({
  publishAt: z.iso.datetime({ offset: true, message: 'publishAt must be an ISO 8601 time, e.g. 2026-12-01T08:00:00+07:00' }),
});
const title = z.string().trim().min(1, 'title is required').max(200, 'title is longer than 200 characters');

export const clipRoutes = (deps: AppDeps): FastifyPluginAsync => async (app) => {
  const clipDeps = { ...deps, mediaDir: deps.config.MEDIA_DIR };
  app.addHook('preHandler', requireStaff(deps.prisma));

  app.post('/api/clips', async (request, reply) => {
    if (!request.isMultipart()) throw new AppError('bad_upload', 'Send multipart/form-data with the video in field "file".', 415);
    await mkdir(uploadsDir(deps.config.MEDIA_DIR), { recursive: true });
    const tempPath = join(uploadsDir(deps.config.MEDIA_DIR), `${randomUUID()}.part`);
    const fields: Record<string, string> = {};
    let upload: { name: string; bytes: number } | undefined;
    try {
      for await (const part of request.parts()) {
        if (part.type === 'field') {
          fields[part.fieldname] = String(part.value);
        } else if (part.fieldname !== 'file' || upload) {
          part.file.resume();
          throw new AppError('bad_upload', 'Send exactly one file, in field "file".', 400);
        } else {
          let bytes = 0;
          part.file.on('data', (chunk: Buffer) => (bytes += chunk.length));
          await pipeline(part.file, createWriteStream(tempPath));
          if (part.file.truncated) {
            throw new AppError('too_large', `The file is larger than the limit of ${deps.config.MAX_UPLOAD_BYTES} bytes.`, 413);
          }
          if (bytes === 0) throw new AppError('bad_upload', 'The file is empty.', 400);
          upload = { name: part.filename || 'upload', bytes };
        }
      }
      if (!upload) throw new AppError('bad_upload', 'No file: send the video in field "file".', 400);
      const parsedTitle = title.safeParse(fields.title ?? '');
      if (!parsedTitle.success) throw new AppError('bad_upload', parsedTitle.error.issues[0]!.message, 400);
      const clip = await createClip(clipDeps, {
        tempPath,
        originalName: upload.name,
        bytes: upload.bytes,
        title: parsedTitle.data,
        staffId: request.staff!.id,
      });
      return reply.code(201).send(await getClip(deps.prisma, clip.id));
    } finally {
      // Moved into place on success; anything left here is a failed upload.
      await rm(tempPath, { force: true });
    }
  });

  app.get('/api/clips/:id', async (request) => getClip(deps.prisma, clipParams.parse(request.params).id));

  app.post('/api/clips/:id/schedule', async (request, reply) => {
    const { id } = clipParams.parse(request.params);
    const { publishAt } = scheduleBody.parse(request.body);
    await schedulePublication(
      { ...clipDeps, channelConfigured: Boolean(deps.config.TELEGRAM_BOT_TOKEN && deps.config.TELEGRAM_CHANNEL_ID) },
      { clipId: id, publishAt: new Date(publishAt) },
    );
    return reply.code(201).send(await getClip(deps.prisma, id));
  });
};
