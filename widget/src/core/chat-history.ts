/**
 * The chat history for late joiners, kept by the token service (its `…/rooms/{room_name}/messages`, see API.md):
 * no Lit, no livekit-client.
 *
 * - `keepChatMessage`: after this page has sent a message on `lk.chat`, it also posts it (id = the text stream id,
 *   text) to the service, which stores it with the verified user as author. Fire-and-forget: the live message never
 *   waits for it, and a failure is only logged (the message was delivered live; only late joiners miss it).
 * - `loadChatHistory`: when the page joins, the room's recent messages, as `ChatMessage`s marked `earlier`, for
 *   `ChatLog.addEarlier`, which skips those that also arrived live (same sender, same stream id).
 *
 * Messages sent by pages that do not post them (LiveKit Meet, a plain livekit-client page) are live only.
 */
import type { ChatMessage } from './chat.js';
import type { ChatHistoryMessage, ServiceClient } from './service-client.js';

/** Earlier messages asked for when joining (the ChatLog keeps as many). */
export const CHAT_HISTORY_FETCH_LIMIT = 200;

type HistoryClient = Pick<ServiceClient, 'postChatMessage' | 'chatHistory'>;

/** Posts a message this page has just sent; never throws (a failure is logged). */
export function keepChatMessage(client: HistoryClient, room: string, message: ChatMessage): Promise<void> {
  return client.postChatMessage(room, { id: message.id, text: message.text }).then(
    () => undefined,
    (err: unknown) => console.warn('[urbania-meeting] chat message not kept for late joiners', err),
  );
}

/**
 * The room's recent messages as this page shows them (`local` when `localIdentity` wrote them), oldest first.
 * Resolves with none when the service cannot answer (logged): the call goes on without its history.
 */
export async function loadChatHistory(client: HistoryClient, room: string, localIdentity: string, limit = CHAT_HISTORY_FETCH_LIMIT): Promise<ChatMessage[]> {
  try {
    const { messages } = await client.chatHistory(room, limit);
    return messages.map((m) => toChatMessage(m, localIdentity));
  } catch (err) {
    console.warn('[urbania-meeting] chat history unavailable', err);
    return [];
  }
}

export function toChatMessage(m: ChatHistoryMessage, localIdentity: string): ChatMessage {
  return { id: m.id, from: { identity: m.from.identity, name: m.from.name }, text: m.text, timestamp: m.timestamp, local: m.from.identity === localIdentity, earlier: true };
}
