// A chat on Telegram or Zalo, and the outcome of linking it to an applicant's record.
export interface ChatIdentity {
  channel: 'telegram' | 'zalo';
  chatId: string;
}

export type LinkResult = { ok: true; name: string } | { ok: false; reason: 'refused' | 'locked' | 'not_own' };
