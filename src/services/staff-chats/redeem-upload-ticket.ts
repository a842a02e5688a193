// An upload link followed: the staff member it was given to, once; null when it is spent, expired or made up.
import type { UploadTicketStore } from './upload-ticket-store.js';

export async function redeemUploadTicket(deps: { tickets: UploadTicketStore }, ticket: string | undefined): Promise<string | null> {
  if (!ticket || ticket.length > 100) return null;
  return deps.tickets.take(ticket);
}
