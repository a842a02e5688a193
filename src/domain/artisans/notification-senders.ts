// The ports through which notifications reach a chat: the composition root gives the channels' senders.
export interface NotificationSenders {
  telegram?: (chatId: string, text: string) => Promise<void>;
  /** 'held' when Zalo does not allow writing to the user now. */
  zalo?: (userId: string, text: string) => Promise<'sent' | 'held'>;
}

/** A send that will never work (blocked, bad chat): the notification fails instead of retrying. */
export class PermanentSendError extends Error {
  name = 'PermanentSendError';
}
