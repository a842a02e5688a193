// Artisans' records (admins only): applicants and their applications, a stage change (which notifies the
// artisan's linked chats), link codes to print, and the Zalo notifications still waiting for a reply window.
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../deps.js';
import { changeStage, issueLinkCode } from '../../services/artisans/records.js';
import { enqueueNotifications } from '../../jobs/queues.js';
import { formAction } from './back.js';
import type { Render } from './render.js';

const idParams = z.object({ id: z.uuid() });
const stageForm = z.object({ stage: z.string().min(1).max(100), note: z.string().trim().max(1000).optional() });

export const consoleArtisanPages = (deps: AppDeps, render: Render): FastifyPluginAsync => async (app) => {
  app.get('/console/artisans', async (request, reply) => {
    const [applicants, waiting] = await Promise.all([
      deps.prisma.applicant.findMany({
        orderBy: { createdAt: 'desc' },
        take: 300,
        include: { links: { select: { channel: true } }, applications: { orderBy: { createdAt: 'asc' } } },
      }),
      deps.prisma.notification.findMany({
        where: { status: { in: ['held', 'pending'] }, chatLink: { channel: 'zalo' } },
        orderBy: { createdAt: 'asc' },
        take: 200,
        include: { chatLink: { select: { applicant: { select: { name: true } } } }, event: { select: { stage: true, application: { select: { kind: true, subject: true } } } } },
      }),
    ]);
    return render(request, reply, 'artisans', { title: 'console-artisans', applicants, waiting, stages: deps.stages });
  });

  app.post('/console/applications/:id/stage', async (request, reply) => {
    const { id } = idParams.parse(request.params);
    return formAction(request, reply, '/console/artisans', 'console-stage-recorded', async () => {
      const form = stageForm.parse(request.body ?? {});
      const event = await changeStage(deps.prisma, deps.stages, request.staff!, id, { stage: form.stage, note: form.note || undefined });
      // Written first; should Redis be away, the notifications' reconciler sends it later.
      await enqueueNotifications(deps.queues, event.id).catch((error) => request.log.warn({ err: error }, 'notification not queued yet'));
    });
  });

  // Shown once, on a page made for printing and handing to the artisan.
  app.post('/console/applicants/:id/link-code', async (request, reply) => {
    const { id } = idParams.parse(request.params);
    const applicant = await deps.prisma.applicant.findUnique({ where: { id }, select: { name: true } });
    if (!applicant) return render(request, reply.code(404), 'error', { title: '404', message: 'console-not-found' });
    const { code, expiresAt } = await issueLinkCode(deps.prisma, request.staff!, id);
    return render(request, reply, 'link-code', { title: 'console-link-code', applicant, code, expiresAt });
  });
};
