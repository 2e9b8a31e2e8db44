import { CHAT_HISTORY_DEFAULTS, type AddedMessage, type ChatHistoryLimits, type MessageStore, type StoredChatMessage } from './messages.js';

/**
 * Chat history in process memory, used with the memory room store: bounded like the MongoDB one (messages per room,
 * retention), lost when the process stops, and not shared between replicas.
 */
export class MemoryMessageStore implements MessageStore {
  private readonly rooms = new Map<string, StoredChatMessage[]>();
  private readonly limits: ChatHistoryLimits;
  private readonly now: () => number;

  constructor(limits: Partial<ChatHistoryLimits> = {}, options: { now?: () => number } = {}) {
    this.limits = { ...CHAT_HISTORY_DEFAULTS, ...limits };
    this.now = options.now ?? Date.now;
  }

  async addMessage(message: StoredChatMessage): Promise<AddedMessage> {
    const list = this.fresh(message.roomName);
    const earlier = list.find((m) => m.identity === message.identity && m.id === message.id);
    if (earlier) return { message: clone(earlier), created: false };
    list.push(clone(message));
    // Kept in storage order; the service's clock may step back, so order by time for the bound and for reading.
    list.sort((a, b) => a.at.getTime() - b.at.getTime());
    if (list.length > this.limits.maxPerRoom) list.splice(0, list.length - this.limits.maxPerRoom);
    this.rooms.set(message.roomName, list);
    return { message: clone(message), created: true };
  }

  async listMessages(roomName: string, limit: number): Promise<StoredChatMessage[]> {
    const n = Math.max(0, Math.min(limit, this.limits.maxPerRoom));
    const list = this.fresh(roomName);
    if (list.length === 0) this.rooms.delete(roomName);
    return n === 0 ? [] : list.slice(-n).map(clone);
  }

  async deleteRoomMessages(roomName: string): Promise<number> {
    const count = this.rooms.get(roomName)?.length ?? 0;
    this.rooms.delete(roomName);
    return count;
  }

  /** The room's list without the messages past the retention (dropped for good). */
  private fresh(roomName: string): StoredChatMessage[] {
    const cutoff = this.now() - this.limits.retentionMs;
    const list = (this.rooms.get(roomName) ?? []).filter((m) => m.at.getTime() >= cutoff);
    this.rooms.set(roomName, list);
    return list;
  }
}

function clone(m: StoredChatMessage): StoredChatMessage {
  return { ...m, at: new Date(m.at) };
}
