import { displayNameFor } from './display-name.js';
import { errors } from './errors.js';
import { assertMayEnter } from './host-controls.js';
import { permissionsFor, type RoomPermissions } from './grants.js';
import type { SfuGateway } from './livekit.js';
import type { CallType, PresenceEntry, RoomRecord, User } from './model.js';
import type { RoomView } from './schemas.js';
import { RoomExistsError, presenceNow, type RoomStore } from './store/types.js';

/** The API's `Room` (inferred from its schema). */
export type { RoomView };

export interface CreateRoomInput {
  roomName: string;
  participants: string[];
  callType: CallType;
  speakers?: string[] | undefined;
  openToLink: boolean;
  audienceChat: boolean;
}

export interface Admission {
  room: RoomRecord;
  token: string;
  url: string;
  permissions: RoomPermissions;
}

/** Rooms and admissions: what the routers call. Routers never decide permissions or talk to the SFU. */
export class Meetings {
  constructor(
    private readonly store: RoomStore,
    private readonly sfu: SfuGateway,
  ) {}

  /**
   * Creates the room, or returns it when this is a retry of a create that was stored although its answer
   * was lost (a 503 after the write, see store/mongo.ts): same creator and same request, or the same
   * `Idempotency-Key` with the same request. `replayed` says which. Another creator or another request
   * for a taken name: 409 room_exists; an Idempotency-Key reused for a different request: 409
   * idempotency_key_reused.
   */
  async create(user: User, input: CreateRoomInput, idempotencyKey?: string): Promise<{ room: RoomRecord; replayed: boolean }> {
    const wanted = newRoom(user, input, idempotencyKey);
    if (idempotencyKey !== undefined) {
      const earlier = await this.store.findRoomByIdempotencyKey(user.id, idempotencyKey);
      if (earlier && Date.now() - earlier.createdAt.getTime() < IDEMPOTENCY_KEY_LIFETIME_MS) {
        if (!isSameCreate(earlier, wanted)) throw errors.idempotencyKeyReused(idempotencyKey);
        return { room: earlier, replayed: true };
      }
    }
    const existing = await this.store.getRoom(input.roomName);
    if (existing) return { room: retried(existing, wanted), replayed: true };
    // SFU first: when it is down nothing is stored, so a 503 leaves no half-created room behind.
    await this.sfu.ensureRoom(wanted.roomName);
    try {
      await this.store.createRoom(wanted);
    } catch (err) {
      if (!(err instanceof RoomExistsError)) throw err;
      // Taken in between, possibly by a concurrent retry of this very request.
      const taken = await this.store.getRoom(wanted.roomName);
      if (!taken) throw errors.roomExists(wanted.roomName);
      return { room: retried(taken, wanted), replayed: true };
    }
    return { room: wanted, replayed: false };
  }

  /** The room if the user may see it: 404 when unknown, 403 when not invited. */
  async get(user: User, roomName: string): Promise<RoomRecord> {
    const room = await this.store.getRoom(roomName);
    if (!room) throw errors.roomNotFound(roomName);
    if (!permissionsFor(room, user.id)) throw errors.forbidden(`You are not invited to room "${roomName}"`);
    return room;
  }

  listFor(user: User): Promise<RoomRecord[]> {
    return this.store.listRoomsForUser(user.id);
  }

  /** A token for `user` in the room, with the grants `grants.ts` decides. */
  /** `requestedName`: the name the page asked for (cleaned; the account's name when absent or nothing is left). */
  async admit(user: User, roomName: string, requestedName?: string): Promise<Admission> {
    let room = await this.get(user, roomName);
    const permissions = permissionsFor(room, user.id)!;
    await assertMayEnter(room, user.id, this.sfu);
    if (!room.participants.includes(user.id) && room.createdBy !== user.id) {
      // Came through an open link: remember it so the room shows up in their list.
      room = (await this.store.addParticipant(roomName, user.id)) ?? room;
    }
    // The SFU closes rooms nobody joined within the empty timeout; recreating is idempotent.
    await this.sfu.ensureRoom(roomName);
    const token = await this.sfu.mintToken({ roomName, identity: user.id, name: displayNameFor(user, requestedName), permissions });
    return { room, token, url: this.sfu.publicUrl, permissions };
  }

  async leave(user: User, roomName: string): Promise<void> {
    await this.get(user, roomName);
    await this.store.setPresence(roomName, { identity: user.id, name: user.name }, false, presenceNow());
    await this.sfu.removeParticipant(roomName, user.id);
  }

  async view(room: RoomRecord): Promise<RoomView> {
    return toView(room, await this.store.listPresence(room.roomName));
  }

  async views(rooms: RoomRecord[]): Promise<RoomView[]> {
    return Promise.all(rooms.map((r) => this.view(r)));
  }
}

export function toView(room: RoomRecord, connected: PresenceEntry[]): RoomView {
  return {
    room_name: room.roomName,
    call_type: room.callType,
    webinar: room.speakers.length > 0,
    speakers: room.speakers,
    participants: room.participants,
    created_by: room.createdBy,
    created_by_name: room.createdByName,
    open_to_link: room.openToLink,
    audience_chat: room.audienceChat,
    locked: room.locked === true,
    created_at: room.createdAt.toISOString(),
    connected,
  };
}

/** How long an Idempotency-Key is remembered: a retry comes within seconds; a key reused a day later is a new request. */
export const IDEMPOTENCY_KEY_LIFETIME_MS = 24 * 60 * 60 * 1000;

function newRoom(user: User, input: CreateRoomInput, idempotencyKey: string | undefined): RoomRecord {
  const participants = unique([user.id, ...input.participants]);
  const speakers = input.speakers ? unique([user.id, ...input.speakers]) : [];
  return {
    roomName: input.roomName,
    callType: input.callType,
    speakers,
    // Speakers are invited too, or they could not join.
    participants: unique([...participants, ...speakers]),
    createdBy: user.id,
    createdByName: displayNameFor(user),
    openToLink: input.openToLink,
    audienceChat: input.audienceChat,
    createdAt: new Date(),
    ...(idempotencyKey !== undefined && { idempotencyKey }),
  };
}

/** The stored room when `wanted` is a retry of the request that created it; otherwise 409 room_exists. */
function retried(stored: RoomRecord, wanted: RoomRecord): RoomRecord {
  if (!isSameCreate(stored, wanted)) throw errors.roomExists(wanted.roomName);
  return stored;
}

/**
 * Whether `stored` is what creating `wanted` would have stored: same name, creator, call type, link
 * setting, audience chat setting, speakers and invitations (an open room may since have gained participants who came by link).
 */
function isSameCreate(stored: RoomRecord, wanted: RoomRecord): boolean {
  const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));
  const invitedAll = wanted.participants.every((p) => stored.participants.includes(p));
  return (
    stored.roomName === wanted.roomName &&
    stored.createdBy === wanted.createdBy &&
    stored.callType === wanted.callType &&
    stored.openToLink === wanted.openToLink &&
    stored.audienceChat === wanted.audienceChat &&
    sameSet(stored.speakers, wanted.speakers) &&
    invitedAll &&
    (stored.openToLink || stored.participants.length === wanted.participants.length)
  );
}

function unique(ids: string[]): string[] {
  return [...new Set(ids)];
}
