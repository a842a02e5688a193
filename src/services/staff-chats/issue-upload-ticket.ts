// A video too big for the bot to fetch gets a one-time link instead: it signs its owner in to the console's
// upload form, once, within a day.
import { randomBytes } from 'node:crypto';
import type { UploadTicketStore } from './upload-ticket-store.js';

export const UPLOAD_TICKET_HOURS = 24;

export async function issueUploadTicket(deps: { tickets: UploadTicketStore; publicUrl?: string }, staffId: string): Promise<{ link: string }> {
  const ticket = randomBytes(24).toString('base64url');
  await deps.tickets.put(ticket, staffId, UPLOAD_TICKET_HOURS * 3600);
  return { link: `${(deps.publicUrl ?? '').replace(/\/$/, '')}/console/upload?ticket=${ticket}` };
}
