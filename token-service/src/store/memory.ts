import type { PresenceEntry, RoomRecord } from '../model.js';
import { RoomExistsError, type RoomPageQuery, type RoomStore } from './types.js';
import { compareRoomsNewestFirst, isAfter, isListed } from './room-pages.js';
import { withCoHost } from './co-hosts.js';

interface PresenceState extends PresenceEntry {
  present: boolean;
  at: number;
}

const MAX_REMEMBERED_EVENTS = 10_000;

/** The default store: nothing to install, everything is lost when the process stops. */
export class MemoryRoomStore implements RoomStore {
  private readonly rooms = new Map<string, RoomRecord>();
  private readonly presence = new Map<string, Map<string, PresenceState>>();
  // Insertion-ordered, so the oldest ids are dropped first once the cap is reached.
  private readonly processedEvents = new Set<string>();

  async createRoom(room: RoomRecord): Promise<void> {
    if (this.rooms.has(room.roomName)) throw new RoomExistsError(room.roomName);
    this.rooms.set(room.roomName, clone(room));
  }

  async getRoom(roomName: string): Promise<RoomRecord | null> {
    const room = this.rooms.get(roomName);
    return room ? clone(room) : null;
  }

  async findRoomByIdempotencyKey(createdBy: string, idempotencyKey: string): Promise<RoomRecord | null> {
    let found: RoomRecord | undefined;
    for (const room of this.rooms.values()) {
      if (room.createdBy !== createdBy || room.idempotencyKey !== idempotencyKey) continue;
      if (!found || room.createdAt > found.createdAt) found = room;
    }
    return found ? clone(found) : null;
  }

  async listRoomsForUser(userId: string): Promise<RoomRecord[]> {
    return [...this.rooms.values()]
      .filter((r) => r.createdBy === userId || r.participants.includes(userId))
      .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime())
      .map(clone);
  }

  async listRoomsPage(userId: string, page: RoomPageQuery): Promise<RoomRecord[]> {
    return [...this.rooms.values()]
      .filter((r) => (r.createdBy === userId || r.participants.includes(userId)) && isListed(r, page) && isAfter(r, page.after))
      .sort(compareRoomsNewestFirst)
      .slice(0, page.limit)
      .map(clone);
  }

  async roomCreationTimes(userId: string, since: Date, limit: number): Promise<Date[]> {
    return [...this.rooms.values()]
      .filter((r) => r.createdBy === userId && r.createdAt >= since)
      .map((r) => new Date(r.createdAt))
      .sort((a, b) => a.getTime() - b.getTime())
      .slice(0, limit);
  }

  async endRoom(roomName: string, at: Date): Promise<RoomRecord | null> {
    const room = this.rooms.get(roomName);
    if (!room) return null;
    room.endedAt ??= new Date(at);
    return clone(room);
  }

  async addParticipant(roomName: string, userId: string): Promise<RoomRecord | null> {
    const room = this.rooms.get(roomName);
    if (!room) return null;
    if (!room.participants.includes(userId)) room.participants.push(userId);
    return clone(room);
  }

  async setLocked(roomName: string, locked: boolean): Promise<RoomRecord | null> {
    const room = this.rooms.get(roomName);
    if (!room) return null;
    if (locked) room.locked = true;
    else delete room.locked;
    return clone(room);
  }

  async setSpeaker(roomName: string, userId: string, speaker: boolean): Promise<RoomRecord | null> {
    const room = this.rooms.get(roomName);
    if (!room) return null;
    if (speaker) {
      if (!room.speakers.includes(userId)) room.speakers.push(userId);
      if (!room.participants.includes(userId)) room.participants.push(userId);
    } else {
      room.speakers = room.speakers.filter((id) => id !== userId);
    }
    return clone(room);
  }

  async setCoHost(roomName: string, userId: string, coHost: boolean): Promise<RoomRecord | null> {
    const room = this.rooms.get(roomName);
    if (!room) return null;
    const coHosts = withCoHost(room, userId, coHost);
    if (coHosts.length > 0) room.coHosts = coHosts;
    else delete room.coHosts;
    return clone(room);
  }

  async setPresence(roomName: string, entry: PresenceEntry, present: boolean, at: number): Promise<void> {
    let byIdentity = this.presence.get(roomName);
    if (!byIdentity) {
      byIdentity = new Map();
      this.presence.set(roomName, byIdentity);
    }
    const current = byIdentity.get(entry.identity);
    if (current && current.at > at) return;
    byIdentity.set(entry.identity, { identity: entry.identity, name: entry.name, present, at });
  }

  async clearPresence(roomName: string, at: number): Promise<void> {
    for (const state of this.presence.get(roomName)?.values() ?? []) {
      if (state.at <= at) {
        state.present = false;
        state.at = at;
      }
    }
  }

  async listPresence(roomName: string): Promise<PresenceEntry[]> {
    return this.presentIn(roomName);
  }

  private presentIn(roomName: string): PresenceEntry[] {
    return [...(this.presence.get(roomName)?.values() ?? [])]
      .filter((s) => s.present)
      .sort((a, b) => a.at - b.at)
      .map(({ identity, name }) => ({ identity, name }));
  }

  async listPresenceIn(roomNames: string[]): Promise<Map<string, PresenceEntry[]>> {
    const result = new Map<string, PresenceEntry[]>();
    for (const name of new Set(roomNames)) {
      const present = this.presentIn(name);
      if (present.length > 0) result.set(name, present);
    }
    return result;
  }

  async markEventProcessed(eventId: string): Promise<boolean> {
    if (this.processedEvents.has(eventId)) return false;
    this.processedEvents.add(eventId);
    if (this.processedEvents.size > MAX_REMEMBERED_EVENTS) {
      const oldest = this.processedEvents.values().next().value;
      if (oldest !== undefined) this.processedEvents.delete(oldest);
    }
    return true;
  }

  async forgetEvent(eventId: string): Promise<void> {
    this.processedEvents.delete(eventId);
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {}
}

function clone(room: RoomRecord): RoomRecord {
  return {
    ...room,
    speakers: [...room.speakers],
    participants: [...room.participants],
    ...(room.coHosts && { coHosts: [...room.coHosts] }),
    createdAt: new Date(room.createdAt),
    ...(room.endedAt && { endedAt: new Date(room.endedAt) }),
  };
}
