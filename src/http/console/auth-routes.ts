// Signing in and out, choosing a password from a one-time link, and the upload link the Telegram bot
// gives for videos too big for it (a one-time ticket that signs its owner in).
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../deps.js';
import { SESSION_COOKIE, secureCookiesFor } from '../staff-auth.js';
import { AppError } from '../../errors.js';
import { flash, type Render } from './render.js';
import { safeNext } from './guard.js';

const signInBody = z.object({ email: z.string().max(320).default(''), password: z.string().max(200).default(''), next: z.string().max(2000).optional() });
const passwordBody = z.object({ password: z.string().max(1000).default(''), confirm: z.string().max(1000).default('') });

export const consoleAuthRoutes =
  (deps: AppDeps, render: Render): FastifyPluginAsync =>
  async (app) => {
    const staffService = deps.services.staff;
    const secure = secureCookiesFor(deps.config.PUBLIC_URL);
    const startSession = async (reply: FastifyReply, staffId: string) => {
      const { token, expiresAt } = await staffService.startSession(staffId);
      reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure, expires: expiresAt });
    };

    app.get('/console/login', async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token && (await staffService.findSession(token))) return reply.redirect('/console', 303);
      return render(request, reply, 'login', { title: 'console-sign-in', next: safeNext((request.query as { next?: string }).next) });
    });

    app.post(
      '/console/login',
      // Per client address and account, across every server process (the counts live in Redis); counted
      // once the form is read, so the email is known.
      {
        config: {
          rateLimit: {
            max: 10,
            timeWindow: '15 minutes',
            hook: 'preHandler',
            keyGenerator: (request) =>
              `console-login:${request.ip}:${String((request.body as { email?: unknown } | undefined)?.email ?? '')
                .trim()
                .toLowerCase()
                .slice(0, 320)}`,
          },
        },
      },
      async (request, reply) => {
        const body = signInBody.parse(request.body ?? {});
        const staff = body.email && body.password ? await staffService.signIn({ email: body.email, password: body.password }) : null;
        if (!staff) {
          request.log.info({ ip: request.ip }, 'console sign-in refused');
          return render(request, reply.code(401), 'login', {
            title: 'console-sign-in',
            next: safeNext(body.next),
            email: body.email,
            error: 'console-login-wrong',
          });
        }
        await startSession(reply, staff.id);
        request.log.info({ staffId: staff.id }, 'console sign-in');
        return reply.redirect(safeNext(body.next), 303);
      },
    );

    app.post('/console/logout', async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await staffService.endSession(token);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.redirect('/console/login', 303);
    });

    app.get('/console/password/:link', async (request, reply) => {
      const { link } = request.params as { link: string };
      const staff = await staffService.findPasswordLink(link);
      if (!staff) return render(request, reply.code(404), 'error', { title: '404', message: 'console-password-link-invalid' });
      return render(request, reply, 'password', { title: 'console-password-title', email: staff.email });
    });

    app.post('/console/password/:link', async (request, reply) => {
      const { link } = request.params as { link: string };
      const body = passwordBody.parse(request.body ?? {});
      const staff = await staffService.findPasswordLink(link);
      if (!staff) return render(request, reply.code(404), 'error', { title: '404', message: 'console-password-link-invalid' });
      const again = (error: string) => render(request, reply.code(400), 'password', { title: 'console-password-title', email: staff.email, error });
      if (body.password !== body.confirm) return again('console-password-mismatch');
      try {
        await staffService.setPasswordByLink({ link, password: body.password });
      } catch (error) {
        if (error instanceof AppError && error.code === 'weak_password') return again('console-password-weak');
        throw error;
      }
      flash(reply, 'ok', 'console-password-set');
      return reply.redirect('/console/login', 303);
    });

    // From the Telegram bot: a video over 20 MB gets this link, good once for 24 h.
    app.get('/console/upload', async (request, reply) => {
      const staffId = await deps.services.staffChats.redeemUploadTicket((request.query as { ticket?: string }).ticket);
      if (staffId) await startSession(reply, staffId);
      return reply.redirect('/console/clips#upload', 303);
    });
  };
