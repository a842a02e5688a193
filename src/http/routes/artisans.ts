// Staff API for artisans' records (an admin's token or console session); every change is audited.
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { requireStaff } from '../staff-auth.js';
import { applicationKinds } from '../../domain/artisans/application.js';
import type { AppDeps } from '../deps.js';

const idParams = z.object({ id: z.uuid('not an id') });
const newApplicant = z.object({
  name: z.string().trim().min(1).max(200),
  phone: z.string().min(6).max(40),
  village: z.string().max(100).optional(),
  kind: z.enum(['person', 'organisation']).optional(),
});
const newApplication = z.object({
  applicantId: z.uuid(),
  kind: z.enum(applicationKinds),
  subject: z.string().trim().min(1).max(300),
  reference: z.string().max(100).optional(),
  submittedAt: z.iso.date().optional(),
  stage: z.string().max(100).optional(),
  nextStep: z.string().max(1000).optional(),
  missing: z.string().max(1000).optional(),
  office: z.string().max(300).optional(),
});
const stageChange = z.object({
  stage: z.string().min(1).max(100),
  note: z.string().max(1000).optional(),
  nextStep: z.string().max(1000).optional(),
  missing: z.string().max(1000).optional(),
});

export const artisanRoutes =
  (deps: AppDeps): FastifyPluginAsync =>
  async (app) => {
    const artisans = deps.services.artisans;
    app.addHook('preHandler', requireStaff(deps.services.staff, 'admin'));
    const actor = (request: { staff?: { id: string; name: string } }) => request.staff!;

    app.post('/api/applicants', async (request, reply) => {
      const applicant = await artisans.createApplicant({ actor: actor(request), ...newApplicant.parse(request.body) });
      return reply.code(201).send(await artisans.getApplicant(applicant.id));
    });
    app.get('/api/applicants/:id', async (request) => artisans.getApplicant(idParams.parse(request.params).id));
    app.post('/api/applicants/:id/link-codes', async (request, reply) => {
      const { code, expiresAt } = await artisans.issueLinkCode({ actor: actor(request), applicantId: idParams.parse(request.params).id });
      return reply.code(201).send({ code, expiresAt: expiresAt.toISOString() });
    });
    app.post('/api/applications', async (request, reply) => {
      const input = newApplication.parse(request.body);
      const application = await artisans.createApplication({
        actor: actor(request),
        ...input,
        submittedAt: input.submittedAt ? new Date(input.submittedAt) : undefined,
      });
      return reply.code(201).send(await artisans.getApplication(application.id));
    });
    app.get('/api/applications/:id', async (request) => artisans.getApplication(idParams.parse(request.params).id));
    app.post('/api/applications/:id/events', async (request, reply) => {
      const { id } = idParams.parse(request.params);
      const event = await artisans.changeStage({ actor: actor(request), applicationId: id, ...stageChange.parse(request.body) });
      return reply
        .code(201)
        .send({ id: event.id, stage: event.stage, note: event.note, at: event.at.toISOString(), application: await artisans.getApplication(id) });
    });
  };
