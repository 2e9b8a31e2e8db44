/** The chat's typed refusal (chat.ts), apart so the CDN entry can refuse before the in-call chunk has loaded. */
export type ChatErrorCode =
  /** Not in a call (before joining, after leaving, while reconnecting). */
  | 'not_connected'
  /** The grant forbids sending data (a webinar's audience). */
  | 'not_allowed'
  /** Nothing but whitespace. */
  | 'empty'
  /** Longer than CHAT_MAX_LENGTH. */
  | 'too_long'
  /** The SFU connection failed to carry it. */
  | 'send_failed';

export class ChatError extends Error {
  override readonly name = 'ChatError';
  constructor(readonly code: ChatErrorCode, message: string = code, options?: ErrorOptions) {
    super(message, options);
  }
}
