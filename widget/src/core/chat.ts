/**
 * In-call text chat, without Lit and without livekit-client: the bounded message list, the unread count, the
 * rules for sending (typed `ChatError` codes) and the split of a message into text and link segments.
 *
 * The wire is LiveKit's own chat (call-session.ts): one text stream per message on the topic `lk.chat`, the topic
 * LiveKit's components (`@livekit/components-core` `setupChat`) and LiveKit Meet use, so a LiveKit Meet user in the
 * same room and our widget see each other's messages. components-core also sends each message a second time as a
 * legacy data packet on `lk-chat-topic` marked `ignoreLegacy` for servers that know text streams (LiveKit ≥ 1.8.2):
 * we neither send nor read that legacy packet (every supported server has text streams).
 *
 * Messages are plain text everywhere: the view renders `linkify()` segments (chat-text.ts) as text nodes and `<a>`
 * elements built by lit bindings (never innerHTML).
 */
import { Listeners } from './listeners.js';
import { ChatError, type ChatErrorCode } from './chat-error.js';

export const CHAT_TOPIC = 'lk.chat';
/** Messages kept in memory (the oldest go first). */
export const CHAT_HISTORY_LIMIT = 200;
/** Longest message we send, in characters (a text stream has no small limit; a chat line should). */
export const CHAT_MAX_LENGTH = 2000;

export interface ChatSender {
  identity: string;
  name: string;
}

export interface ChatMessage {
  /** The text stream id (unique per sender). */
  id: string;
  from: ChatSender;
  text: string;
  /** Milliseconds since the epoch, as the sender stamped it. */
  timestamp: number;
  /** Sent by this page (or, for an earlier message, by this user). */
  local: boolean;
  /** Sent before this page joined: from the service's history (chat-history.ts), not received live. */
  earlier?: boolean;
}

export { ChatError, type ChatErrorCode } from './chat-error.js';

export interface ChatState {
  readonly messages: readonly ChatMessage[];
  /** Messages from others received while the panel was closed. */
  readonly unread: number;
  readonly open: boolean;
}

/** Sends a validated text; resolves with the message as sent (id, timestamp). */
export type ChatTransport = (text: string) => Promise<ChatMessage>;

export interface ChatOptions {
  limit?: number;
}

/**
 * The chat of one call: messages in arrival order (bounded), unread count, panel open or closed.
 * `send` goes through `transport`, set by the meeting flow while in a call.
 */
export class ChatLog {
  private _state: ChatState = { messages: [], unread: 0, open: false };
  private readonly listeners = new Listeners<ChatState>();
  private readonly messageListeners = new Listeners<ChatMessage>();
  private readonly limit: number;
  /** Sends a message (undefined when not in a call). */
  transport: ChatTransport | undefined;
  /** Why sending is refused right now (undefined: allowed). */
  blocked: ChatErrorCode | undefined = 'not_connected';

  constructor(options: ChatOptions = {}) {
    this.limit = Math.max(1, options.limit ?? CHAT_HISTORY_LIMIT);
  }

  get state(): ChatState { return this._state; }

  subscribe(fn: (s: ChatState) => void): () => void {
    fn(this._state);
    return this.listeners.add(fn);
  }

  /** Called once for each new message, received or sent. */
  onMessage(fn: (m: ChatMessage) => void): () => void {
    return this.messageListeners.add(fn);
  }

  /** Adds a message (a second one with the same sender and id is ignored). Returns whether it was new. */
  add(msg: ChatMessage): boolean {
    const { messages, open, unread } = this._state;
    if (messages.some((m) => key(m) === key(msg))) return false;
    const next = [...messages, msg];
    if (next.length > this.limit) next.splice(0, next.length - this.limit);
    this.set({ messages: next, unread: open || msg.local ? unread : unread + 1 });
    this.messageListeners.emit(msg);
    return true;
  }

  /**
   * Adds messages sent before this page joined (oldest first), ahead of everything received live. A message already
   * in the list (the same sender and id: the live copy) is skipped. They count neither as unread nor as new
   * (`onMessage` is not called). Returns how many were added.
   */
  addEarlier(earlier: readonly ChatMessage[]): number {
    const { messages } = this._state;
    const seen = new Set(messages.map(key));
    const fresh: ChatMessage[] = [];
    for (const m of earlier) {
      if (seen.has(key(m))) continue;
      seen.add(key(m));
      fresh.push({ ...m, earlier: true });
    }
    if (fresh.length === 0) return 0;
    const next = [...fresh, ...messages];
    if (next.length > this.limit) next.splice(0, next.length - this.limit);
    this.set({ messages: next });
    return fresh.length;
  }

  setOpen(open: boolean): void {
    if (open === this._state.open && (!open || this._state.unread === 0)) return;
    this.set({ open, unread: open ? 0 : this._state.unread });
  }

  /** Forget every message (a new call). */
  clear(): void {
    this.set({ messages: [], unread: 0 });
  }

  /** Validates and sends; the sent message joins the list. Rejects with a ChatError. */
  async send(text: string): Promise<ChatMessage> {
    const body = typeof text === 'string' ? text.trim() : '';
    if (this.blocked) throw new ChatError(this.blocked);
    if (!this.transport) throw new ChatError('not_connected');
    if (!body) throw new ChatError('empty');
    if (body.length > CHAT_MAX_LENGTH) throw new ChatError('too_long', `at most ${CHAT_MAX_LENGTH} characters`);
    let sent: ChatMessage;
    try {
      sent = await this.transport(body);
    } catch (err) {
      throw err instanceof ChatError ? err : new ChatError('send_failed', String((err as Error)?.message ?? err), { cause: err });
    }
    this.add(sent);
    return sent;
  }

  private set(patch: Partial<ChatState>): void {
    this._state = { ...this._state, ...patch };
    this.listeners.emit(this._state);
  }
}

/** One message per sender and text stream id. */
const key = (m: ChatMessage) => `${m.from.identity}\u0000${m.id}`;
