// Who is calling a staff route: an API token (`Authorization: Bearer <token>`, for scripts) or a console
// session cookie (for the page; its unsafe requests also carry a CSRF token, see csrf.ts). Checked before
// any request body is read. Editors do clips and the schedule; admins also staff and artisans' records.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { StaffIdentity, StaffRole } from '../domain/staff/staff.js';
import type { StaffService } from '../services/staff/staff-service.js';

export const SESSION_COOKIE = 'lns_session';
/** Cookies only over HTTPS when the server is reached over HTTPS. */
export const secureCookiesFor = (publicUrl: string | undefined) => Boolean(publicUrl?.startsWith('https:'));

declare module 'fastify' {
  interface FastifyRequest {
    staff?: StaffIdentity;
  }
}

/** What the checks below ask of the staff service. */
export type StaffAuth = Pick<StaffService, 'findByToken' | 'findSession'>;

export async function identifyStaff(staff: StaffAuth, request: FastifyRequest): Promise<StaffIdentity | null> {
  const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
  if (bearer) return staff.findByToken(bearer[1]!);
  const session = request.cookies?.[SESSION_COOKIE];
  return session ? staff.findSession(session) : null;
}

export const mayAct = (staff: StaffIdentity, role: StaffRole) => role === 'editor' || staff.role === 'admin';

/** For the JSON API: 401 without a valid token or session, 403 when the role is not enough. */
export function requireStaff(auth: StaffAuth, role: StaffRole = 'editor') {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const staff = await identifyStaff(auth, request);
    if (!staff) {
      return reply
        .code(401)
        .header('WWW-Authenticate', 'Bearer')
        .send({ error: 'unauthorized', message: 'A valid staff token is required (Authorization: Bearer <token>).' });
    }
    if (!mayAct(staff, role)) return reply.code(403).send({ error: 'forbidden', message: `This needs the ${role} role.` });
    request.staff = staff;
  };
}
