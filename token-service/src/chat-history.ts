import { errors } from './errors.js';
import { permissionsFor } from './grants.js';
import type { Meetings } from './meetings.js';
import type { User } from './model.js';
import type { ChatHistoryMessage } from './schemas-chat.js';
import type { AddedMessage, MessageStore, StoredChatMessage } from './store/messages.js';
import type { RoomStore } from './store/types.js';

/**
 * The chat history for late joiners (store/messages.ts): what routes/messages.ts calls.
 *
 * Only the verified user is ever stored as the author: the widget POSTs the message it has just sent on `lk.chat`,
 * and the service stamps it with the caller's identity and display name (the name they have in the call when
 * the SFU reported them present, else their Urbania name). Writing follows the token grant: a webinar's
 * audience may write only when the room has `audience_chat`. Reading needs only access to the room.
 * Messages sent by pages that do not POST (a plain LiveKit Meet page) are live-only.
 */
export class ChatHistoryService {
  constructor(
    private readonly meetings: Meetings,
    private readonly rooms: RoomStore,
    private readonly messages: MessageStore,
  ) {}

  async post(user: User, roomName: string, input: { id: string; text: string }): Promise<AddedMessage> {
    // A guest admitted with an invite writes with the invite's role, as their token does.
    const { room, pass } = await this.meetings.access(user, roomName);
    if (!permissionsFor(room, user.id, pass)?.canPublishData) {
      throw errors.forbidden(`The audience of webinar "${roomName}" may not write in its chat`);
    }
    const present = (await this.rooms.listPresence(roomName)).find((p) => p.identity === user.id);
    return this.messages.addMessage({
      roomName,
      id: input.id,
      identity: user.id,
      name: present?.name ?? user.name,
      text: input.text,
      at: new Date(),
    });
  }

  async list(user: User, roomName: string, limit: number): Promise<StoredChatMessage[]> {
    await this.meetings.get(user, roomName);
    return this.messages.listMessages(roomName, limit);
  }

  /** Forgets a room's history (for when a room is deleted or ended). */
  deleteRoom(roomName: string): Promise<number> {
    return this.messages.deleteRoomMessages(roomName);
  }
}

export function toChatHistoryMessage(m: StoredChatMessage): ChatHistoryMessage {
  return { id: m.id, from: { identity: m.identity, name: m.name }, text: m.text, timestamp: m.at.getTime() };
}
