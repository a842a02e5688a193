// Staff accounts (admins only): who has access with which role, and a new account, whose API token and
// one-time password link are shown once.
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../deps.js';
import { staffRoles } from '../../domain/staff/staff.js';
import { refusal } from './back.js';
import type { Render } from './render.js';

const newStaffForm = z.object({
  email: z.email('console-bad-email').max(320),
  name: z.string().trim().max(200).optional(),
  role: z.enum(staffRoles),
});

export const passwordLinkUrl = (publicUrl: string | undefined, link: string) => `${(publicUrl ?? '').replace(/\/$/, '')}/console/password/${link}`;

export const consoleStaffPages =
  (deps: AppDeps, render: Render): FastifyPluginAsync =>
  async (app) => {
    const list = () => deps.services.staff.list();

    app.get('/console/staff', async (request, reply) => render(request, reply, 'staff', { title: 'console-staff', accounts: await list() }));

    app.post('/console/staff', async (request, reply) => {
      try {
        const form = newStaffForm.parse(request.body ?? {});
        const created = await deps.services.staff.add({ name: form.name || form.email, email: form.email, role: form.role });
        const base = deps.config.PUBLIC_URL ?? `${request.protocol}://${request.host}`;
        return render(request, reply.code(201), 'staff', {
          title: 'console-staff',
          accounts: await list(),
          created: { email: form.email, token: created.token, link: passwordLinkUrl(base, created.passwordLink!) },
        });
      } catch (error) {
        return render(request, reply.code(400), 'staff', { title: 'console-staff', accounts: await list(), flash: { kind: 'error', text: refusal(error) } });
      }
    });
  };
