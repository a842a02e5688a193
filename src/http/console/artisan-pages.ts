// Artisans' records (admins only): applicants and their applications, a stage change (which notifies the
// artisan's linked chats), link codes to print, and the Zalo notifications still waiting for a reply window.
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../deps.js';
import { AppError } from '../../errors.js';
import { formAction } from './back.js';
import type { Render } from './render.js';

const idParams = z.object({ id: z.uuid() });
const stageForm = z.object({ stage: z.string().min(1).max(100), note: z.string().trim().max(1000).optional() });

export const consoleArtisanPages =
  (deps: AppDeps, render: Render): FastifyPluginAsync =>
  async (app) => {
    const artisans = deps.services.artisans;

    app.get('/console/artisans', async (request, reply) => {
      const [applicants, waiting] = await Promise.all([artisans.listApplicants(), artisans.listWaitingNotifications()]);
      return render(request, reply, 'artisans', { title: 'console-artisans', applicants, waiting, stages: deps.stages });
    });

    app.post('/console/applications/:id/stage', async (request, reply) => {
      const { id } = idParams.parse(request.params);
      return formAction(request, reply, '/console/artisans', 'console-stage-recorded', async () => {
        const form = stageForm.parse(request.body ?? {});
        await artisans.changeStage({ actor: request.staff!, applicationId: id, stage: form.stage, note: form.note || undefined });
      });
    });

    // Shown once, on a page made for printing and handing to the artisan.
    app.post('/console/applicants/:id/link-code', async (request, reply) => {
      const { id } = idParams.parse(request.params);
      const issued = await artisans.issueLinkCode({ actor: request.staff!, applicantId: id }).catch((error: unknown) => {
        if (error instanceof AppError && error.code === 'not_found') return undefined;
        throw error;
      });
      if (!issued) return render(request, reply.code(404), 'error', { title: '404', message: 'console-not-found' });
      return render(request, reply, 'link-code', {
        title: 'console-link-code',
        applicant: { name: issued.applicantName },
        code: issued.code,
        expiresAt: issued.expiresAt,
      });
    });
  };
