// After a form's action: back to the console page it came from (the Referer, when it is one of ours).
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../errors.js';
import { ZodError } from 'zod';
import { flash } from './render.js';

export function backTo(request: FastifyRequest, fallback: string): string {
  try {
    const referer = new URL(String(request.headers.referer ?? ''));
    if (referer.host === request.host && referer.pathname.startsWith('/console')) return referer.pathname + referer.search;
  } catch {
    // no usable Referer
  }
  return fallback;
}

/** A use case's refusal in words staff can act on; anything else is ours to fix, and is thrown on. */
export function refusal(error: unknown): string {
  if (error instanceof AppError) return error.message;
  if (error instanceof ZodError) return error.issues.map((issue) => issue.message).join('; ');
  throw error;
}

/** A form's action: its message on success, the refusal on failure (shown on the next page); then back. */
export async function formAction(request: FastifyRequest, reply: FastifyReply, fallback: string, okMessage: string, action: () => Promise<unknown>) {
  try {
    await action();
    flash(reply, 'ok', okMessage);
  } catch (error) {
    flash(reply, 'error', refusal(error));
  }
  return reply.redirect(backTo(request, fallback), 303);
}
