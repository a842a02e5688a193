// `Authorization: Bearer <staff token>` on staff routes; checked before any request body is read.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { PrismaClient } from '../generated/prisma/client.js';
import { findStaffByToken } from '../services/staff/staff-tokens.js';

declare module 'fastify' {
  interface FastifyRequest {
    staff?: { id: string; name: string };
  }
}

export function requireStaff(prisma: PrismaClient) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
    const staff = match ? await findStaffByToken(prisma, match[1]!) : null;
    if (!staff) {
      return reply
        .code(401)
        .header('WWW-Authenticate', 'Bearer')
        .send({ error: 'unauthorized', message: 'A valid staff token is required (Authorization: Bearer <token>).' });
    }
    request.staff = staff;
  };
}
