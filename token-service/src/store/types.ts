import type { PresenceEntry, RoomRecord } from '../model.js';
import type { CoHostsStore } from './co-hosts.js';
import type { HostControlsStore } from './host-controls.js';

export class RoomExistsError extends Error {
  constructor(readonly roomName: string) {
    super(`Room "${roomName}" already exists`);
    this.name = 'RoomExistsError';
  }
}

/**
 * Presence has one clock: whole seconds, because LiveKit stamps its webhook events (`createdAt`) in
 * seconds, written as ms since the epoch. An update whose time equals the stored one wins (the later
 * arrival), so a leave and a rejoin within the same second end with the participant present.
 */
export function presenceTime(epochSeconds: number): number {
  return Math.floor(epochSeconds) * 1000;
}

/** Now on the presence clock (see presenceTime). */
export function presenceNow(): number {
  return presenceTime(Date.now() / 1000);
}

export interface RoomPageQuery {
  limit: number;
  /** The last room of the previous page. */
  after?: { createdAt: Date; roomName: string } | undefined;
  /** Rooms ended before this date are not listed. */
  endedBefore: Date;
}

/**
 * Where rooms, presence and processed webhook ids live. Memory by default; MongoDB when configured,
 * in which case the service keeps no room state in process memory (replicas share the database).
 * Implementations throw DependencyUnavailableError when the backing database cannot answer.
 */
export interface RoomStore extends HostControlsStore, CoHostsStore {
  /** Inserts a room; throws RoomExistsError when the name is taken. */
  createRoom(room: RoomRecord): Promise<void>;
  getRoom(roomName: string): Promise<RoomRecord | null>;
  /** The room `createdBy` created with this `Idempotency-Key` (the newest, if several), or null. */
  findRoomByIdempotencyKey(createdBy: string, idempotencyKey: string): Promise<RoomRecord | null>;
  /** Rooms the user created or was invited to, newest first. */
  listRoomsForUser(userId: string): Promise<RoomRecord[]>;
  /**
   * One page of the rooms the user created or was invited to, newest first (createdAt desc, then name asc),
   * starting strictly after `after` when given. Rooms ended before `endedBefore` are left out (retention).
   */
  listRoomsPage(userId: string, page: RoomPageQuery): Promise<RoomRecord[]>;
  /** When this user created rooms since `since`, oldest first (at most `limit`): the per-hour creation limit. */
  roomCreationTimes(userId: string, since: Date, limit: number): Promise<Date[]>;
  /** Marks the room ended at `at` (the first end wins); returns the room, or null when it does not exist. */
  endRoom(roomName: string, at: Date): Promise<RoomRecord | null>;
  /** Adds an invited participant (open rooms record who came by link); returns the updated room. */
  addParticipant(roomName: string, userId: string): Promise<RoomRecord | null>;

  /**
   * Records that `identity` joined (present=true) or left (present=false) at `at` (ms since epoch, on the
   * presence clock: see presenceTime). An update older than what is stored is ignored, so out-of-order
   * webhooks cannot resurrect a participant; one at the same time replaces it.
   */
  setPresence(roomName: string, entry: PresenceEntry, present: boolean, at: number): Promise<void>;
  /** Everyone marked absent in the room (the SFU closed it). */
  clearPresence(roomName: string, at: number): Promise<void>;
  listPresence(roomName: string): Promise<PresenceEntry[]>;
  /** Who is present in each of these rooms, in one query (rooms with nobody are absent from the map). */
  listPresenceIn(roomNames: string[]): Promise<Map<string, PresenceEntry[]>>;

  /** Returns true the first time an event id is seen, false for a replay. */
  markEventProcessed(eventId: string): Promise<boolean>;
  /** Un-marks an event whose effect could not be applied, so LiveKit's redelivery is applied. */
  forgetEvent(eventId: string): Promise<void>;

  ping(): Promise<void>;
  close(): Promise<void>;
}
