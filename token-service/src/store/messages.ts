/**
 * Chat history for late joiners: the messages the service keeps about a room (see routes/messages.ts).
 *
 * A message is stored only as its verified author sent it to the service (the widget POSTs what it has just sent
 * on `lk.chat`), so nobody can store a message in someone else's name. It keeps the LiveKit text stream id, so a
 * late joiner's widget merges the stored copy and the live one into one message.
 *
 * Bounded three ways: at most `maxPerRoom` messages per room (the oldest go first), each younger than
 * `retentionMs` (older ones are never returned, and are deleted on the next write to the room and by a periodic
 * sweep), and the text length the API accepts. `deleteRoomMessages` removes a room's history.
 */

/** One stored chat message (store shape, camelCase). */
export interface StoredChatMessage {
  roomName: string;
  /** The LiveKit text stream id the message was sent with (unique per sender). */
  id: string;
  /** The author: the verified Urbania user (their LiveKit identity). */
  identity: string;
  /** The author's display name when the message was stored. */
  name: string;
  text: string;
  /** When the service stored it (the service's clock). */
  at: Date;
}

export interface ChatHistoryLimits {
  /** Messages kept per room; the oldest go first. */
  maxPerRoom: number;
  /** Messages older than this are neither returned nor kept. */
  retentionMs: number;
}

export const CHAT_HISTORY_DEFAULTS: ChatHistoryLimits = {
  maxPerRoom: 200,
  retentionMs: 7 * 24 * 60 * 60 * 1000,
};

export interface AddedMessage {
  /** The stored message: the new one, or the one stored earlier with the same (room, author, id). */
  message: StoredChatMessage;
  /** False when the same author had already stored this id in this room (a retry): nothing changed. */
  created: boolean;
}

/** Where chat history lives: in memory (MemoryMessageStore) or MongoDB (MongoMessageStore). */
export interface MessageStore {
  /** Stores the message unless its (roomName, identity, id) is stored already; keeps the room within its bounds. */
  addMessage(message: StoredChatMessage): Promise<AddedMessage>;
  /** The room's newest `limit` messages within the retention (at most maxPerRoom), oldest first. */
  listMessages(roomName: string, limit: number): Promise<StoredChatMessage[]>;
  /** Deletes the room's whole history; returns how many messages went. */
  deleteRoomMessages(roomName: string): Promise<number>;
}
