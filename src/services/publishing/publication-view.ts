// A publication as the API and the console show it: times in UTC and in Hanoi, and whether staff may resend.
import { formatHanoi } from '../../domain/publishing/hanoi-time.js';

export type PublicationView = ReturnType<typeof publicationView>;

export function publicationView(p: {
  id: string;
  clipId: string;
  target: string;
  publishAt: Date;
  state: string;
  late: boolean;
  messageId: string | null;
  publishedAt: Date | null;
  error: string | null;
  caption?: string | null;
  clip?: { title: string; state: string; slug: string | null };
}) {
  return {
    id: p.id,
    clipId: p.clipId,
    clipTitle: p.clip?.title,
    clipState: p.clip?.state,
    target: p.target,
    publishAt: p.publishAt.toISOString(),
    publishAtLocal: formatHanoi(p.publishAt),
    state: p.state,
    late: p.late,
    messageId: p.messageId,
    publishedAt: p.publishedAt?.toISOString() ?? null,
    error: p.error,
    // "resend" is offered only where staff must decide.
    resendable: p.state === 'unknown' || p.state === 'failed',
  };
}
