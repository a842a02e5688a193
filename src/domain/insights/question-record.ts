// The question log's port: one answered question as the log keeps it, and the recorder the answering
// code calls on its hot path (synchronous, never throws, never waits for the database).

export type QuestionChannel = 'telegram' | 'zalo' | 'web' | 'api';

export interface QuestionRecord {
  channel: QuestionChannel;
  lang: string;
  /** As written; null for questions whose words are not kept (an artisan's own status). */
  text?: string | null;
  /** Lower-case ASCII, as the engine reads it: what grouping compares. */
  folded?: string | null;
  intent: string;
  /** The handbook entries answered, as "village:bat-trang". */
  entries: string[];
  unknown: boolean;
  latencyMs: number;
  /** A keyed hash of the chat: counts distinct visitors without naming them. */
  visitor?: string | null;
}

/** Where a question came from: the channel, and the chat (its id or the web conversation's token), never stored as such. */
export interface QuestionSource {
  channel: QuestionChannel;
  chat?: string;
}

export interface QuestionRecorder {
  record(entry: Omit<QuestionRecord, 'visitor'> & { chat?: string }): void;
}
