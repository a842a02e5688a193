// The console's pages want a signed-in session (not an API token): without one, the sign-in page; with
// too small a role, a 403 page that says so.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { StaffRole } from '../../domain/staff/staff.js';
import type { StaffService } from '../../services/staff/staff-service.js';
import { mayAct, SESSION_COOKIE } from '../staff-auth.js';
import type { Render } from './render.js';

export function requireConsole(sessions: Pick<StaffService, 'findSession'>, render: Render, role: StaffRole = 'editor') {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const token = request.cookies[SESSION_COOKIE];
    const staff = token ? await sessions.findSession(token) : null;
    if (!staff) {
      if (request.method !== 'GET') return reply.code(401).type('text/plain; charset=utf-8').send('Signed out: sign in again.');
      return reply.redirect(`/console/login?next=${encodeURIComponent(request.url)}`, 303);
    }
    request.staff = staff;
    if (!mayAct(staff, role)) return render(request, reply.code(403), 'error', { title: '403', message: 'console-forbidden' });
  };
}

/** Where to go after signing in: only a path inside the console, never another site. */
export const safeNext = (next: unknown) => (typeof next === 'string' && /^\/console(\/|$|\?)/.test(next) && !next.startsWith('//') ? next : '/console');
