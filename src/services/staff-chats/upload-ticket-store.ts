// One-time upload tickets, kept in Redis for the day they are good for: ticket → the staff member's id.
import type { Redis } from 'ioredis';

export const uploadTicketKey = (prefix: string, ticket: string) => `${prefix}:upload-ticket:${ticket}`;

export function createUploadTicketStore(redis: Redis, prefix: string) {
  return {
    async put(ticket: string, staffId: string, ttlSeconds: number): Promise<void> {
      await redis.set(uploadTicketKey(prefix, ticket), staffId, 'EX', ttlSeconds);
    },
    /** The ticket's owner, once: the ticket is gone after. */
    take: (ticket: string): Promise<string | null> => redis.getdel(uploadTicketKey(prefix, ticket)),
  };
}

export type UploadTicketStore = ReturnType<typeof createUploadTicketStore>;
