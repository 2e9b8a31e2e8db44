import { displayNameFor } from './display-name.js';
import { assertMayEnter } from './host-controls.js';
import { ApiError, errors } from './errors.js';
import { isHost, isMember, permissionsFor, type GuestPass, type RoomPermissions } from './grants.js';
import type { Invites } from './invites.js';
import { knockRefused, type Lobby } from './lobby.js';
import type { SfuGateway } from './livekit.js';
import type { CallType, PresenceEntry, RoomRecord, User } from './model.js';
import { generateRoomName } from './room-names.js';
import type { RoomView } from './schemas.js';
import { RoomExistsError, presenceNow, type RoomStore } from './store/types.js';
import { decodeCursor, encodeCursor } from './room-cursor.js';

/** The API's `Room` (inferred from its schema). */
export type { RoomView };

export interface CreateRoomInput {
  /** Absent: the service generates one (room-names.ts). */
  roomName?: string | undefined;
  participants: string[];
  callType: CallType;
  speakers?: string[] | undefined;
  /** Hosts besides the creator (invited too). */
  coHosts?: string[] | undefined;
  openToLink: boolean;
  audienceChat: boolean;
  waitingRoom: boolean;
}

export interface Admission {
  room: RoomRecord;
  token: string;
  url: string;
  permissions: RoomPermissions;
}

/** A user's way into a room: a member (creator or invited), or a guest with an invite link or the open link. */
export interface Access {
  room: RoomRecord;
  /** Undefined for members. */
  pass?: GuestPass | undefined;
}

/** A guest in the waiting room: no token yet. */
export interface Waiting {
  waiting: true;
  room: RoomRecord;
}

export interface MeetingsOptions {
  /** The waiting room of rooms created with `waiting_room` (without it, guests never wait). */
  lobby?: Lobby | undefined;
  /** Rooms one user may create per rolling hour; 0: no limit. */
  roomsPerHour: number;
  /** How long ended rooms stay listed. */
  endedRetentionMs: number;
  now?: () => number;
}

const HOUR_MS = 3_600_000;
const GENERATED_NAME_ATTEMPTS = 5;

/** Rooms and admissions: what the routers call. Routers never decide permissions or talk to the SFU. */
export class Meetings {
  private readonly now: () => number;

  constructor(
    private readonly store: RoomStore,
    private readonly sfu: SfuGateway,
    readonly invites: Invites,
    private readonly options: MeetingsOptions,
  ) {
    this.now = options.now ?? (() => Date.now());
  }

  /**
   * Creates the room, or returns it when this is a retry of a create that was stored although its answer
   * was lost (a 503 after the write, see store/mongo.ts): same creator and same request, or the same
   * `Idempotency-Key` with the same request. `replayed` says which. Another creator or another request
   * for a taken name: 409 room_exists; an Idempotency-Key reused for a different request: 409
   * idempotency_key_reused. A name the store does not know but the SFU has live (the service restarted on the
   * memory store) is taken too: 409. Without a name, the service generates one. At most `roomsPerHour` new rooms
   * per user and hour (429 with Retry-After).
   */
  async create(user: User, input: CreateRoomInput, idempotencyKey?: string): Promise<{ room: RoomRecord; replayed: boolean }> {
    if (idempotencyKey !== undefined) {
      const earlier = await this.store.findRoomByIdempotencyKey(user.id, idempotencyKey);
      if (earlier && this.now() - earlier.createdAt.getTime() < IDEMPOTENCY_KEY_LIFETIME_MS) {
        const wanted = newRoom(user, { ...input, roomName: input.roomName ?? earlier.roomName }, idempotencyKey, earlier.createdAt);
        if (!isSameCreate(earlier, wanted)) throw errors.idempotencyKeyReused(idempotencyKey);
        return { room: earlier, replayed: true };
      }
    }
    if (input.roomName === undefined) {
      await this.checkCreationLimit(user);
      for (let attempt = 1; ; attempt++) {
        try {
          return { room: await this.createNew(newRoom(user, { ...input, roomName: generateRoomName() }, idempotencyKey)), replayed: false };
        } catch (err) {
          // 47 random bits: a collision is next to impossible; try another name rather than answer 409.
          if (!(err instanceof ApiError && err.code === 'room_exists') || attempt >= GENERATED_NAME_ATTEMPTS) throw err;
        }
      }
    }
    const wanted = newRoom(user, { ...input, roomName: input.roomName }, idempotencyKey);
    const existing = await this.store.getRoom(wanted.roomName);
    if (existing) return { room: retried(existing, wanted), replayed: true };
    await this.checkCreationLimit(user);
    try {
      return { room: await this.createNew(wanted), replayed: false };
    } catch (err) {
      if (!(err instanceof RoomExistsError)) throw err;
      // Taken in between, possibly by a concurrent retry of this very request.
      const taken = await this.store.getRoom(wanted.roomName);
      if (!taken) throw errors.roomExists(wanted.roomName);
      return { room: retried(taken, wanted), replayed: true };
    }
  }

  private async createNew(room: RoomRecord): Promise<RoomRecord> {
    // A live room the store does not know: created before a restart on the memory store, or by someone else
    // through the SFU's API. Taking it would make this user its host: refused.
    if (await this.sfu.isRoomLive(room.roomName)) throw errors.roomExists(room.roomName);
    // SFU first: when it is down nothing is stored, so a 503 leaves no half-created room behind.
    await this.sfu.ensureRoom(room.roomName);
    await this.store.createRoom(room);
    return room;
  }

  private async checkCreationLimit(user: User): Promise<void> {
    const limit = this.options.roomsPerHour;
    if (limit <= 0) return;
    const now = this.now();
    const times = await this.store.roomCreationTimes(user.id, new Date(now - HOUR_MS), limit);
    if (times.length < limit) return;
    const retryAfter = Math.max(1, Math.ceil((times[0]!.getTime() + HOUR_MS - now) / 1000));
    throw new ApiError(429, 'rate_limited', `At most ${limit} new rooms per hour; retry in ${retryAfter} s`, {
      'Retry-After': String(retryAfter),
    });
  }

  /**
   * How `user` gets into the room, or the error to answer. Members (creator, invited) need nothing else. Anyone
   * else needs a valid invite for this room (403 invite_invalid otherwise, checked before the room is even looked
   * at, so the answer says nothing about which names exist) or an open room; without either, 404 room_not_found,
   * exactly as for a room that does not exist. `redeem` (joins) counts a use of the invite. A guest once admitted
   * with an invite keeps its role in the room until that invite is revoked.
   */
  async access(user: User, roomName: string, invite?: string, redeem = false): Promise<Access> {
    const room = await this.store.getRoom(roomName);
    if (room && isMember(room, user.id)) return { room };
    // A guest admitted before (invite not revoked) needs no secret any more: chat, hands, knocks, rejoining.
    const earlier = room && invite === undefined ? await this.invites.guestRole(roomName, user.id) : null;
    if (room && earlier) return { room, pass: earlier };
    if (invite !== undefined) {
      const valid = await this.invites.check(invite, roomName, user.id, redeem);
      if (!room) throw errors.roomNotFound(roomName); // an invite outliving its room (cannot happen: rooms are never deleted)
      return { room, pass: valid.role };
    }
    if (room?.openToLink) return { room, pass: 'open_link' };
    throw errors.roomNotFound(roomName);
  }

  /** The room if the user may see it (see access). */
  async get(user: User, roomName: string, invite?: string): Promise<RoomRecord> {
    return (await this.access(user, roomName, invite)).room;
  }

  /** A page of the user's rooms (created or invited), newest first; ended rooms stay listed for the retention period. */
  async listFor(user: User, page: { limit: number; cursor?: string | undefined }): Promise<{ rooms: RoomRecord[]; nextCursor: string | null }> {
    const rooms = await this.store.listRoomsPage(user.id, {
      limit: page.limit + 1,
      after: page.cursor === undefined ? undefined : decodeCursor(page.cursor),
      endedBefore: new Date(this.now() - this.options.endedRetentionMs),
    });
    const more = rooms.length > page.limit;
    const shown = rooms.slice(0, page.limit);
    return { rooms: shown, nextCursor: more ? encodeCursor(shown[shown.length - 1]!) : null };
  }

  /** A token for `user` in the room, with the grants `grants.ts` decides. */
  /**
   * A token, or the waiting room: in a room with `waitingRoom`, guests knock and get `{waiting}` (no token) until a
   * host admits them; refused guests get 403 knock_refused. `requestedName`: the name the page asked for (cleaned;
   * the account's name when absent or nothing is left).
   */
  async join(user: User, roomName: string, requestedName?: string, invite?: string): Promise<Admission | Waiting> {
    const { room, pass } = await this.access(user, roomName, invite, true);
    if (room.endedAt) throw roomEnded(roomName);
    const permissions = permissionsFor(room, user.id, pass)!;
    await assertMayEnter(room, user.id, this.sfu);
    const lobby = this.options.lobby;
    if (room.waitingRoom && pass !== undefined && lobby) {
      const status = await lobby.gate(room, user, displayNameFor(user, requestedName), pass);
      if (status === 'waiting') return { waiting: true, room };
      if (status === 'refused') throw knockRefused(roomName);
    }
    // The SFU closes rooms nobody joined within the empty timeout; recreating is idempotent.
    await this.sfu.ensureRoom(roomName);
    const token = await this.sfu.mintToken({ roomName, identity: user.id, name: displayNameFor(user, requestedName), permissions });
    return { room, token, url: this.sfu.publicUrl, permissions };
  }

  /** A token or nothing: the token endpoints have no "waiting" answer, so a guest still waiting gets 403. */
  async admit(user: User, roomName: string, requestedName?: string, invite?: string): Promise<Admission> {
    const result = await this.join(user, roomName, requestedName, invite);
    if ('waiting' in result) throw errors.forbidden(`You are in the waiting room of "${roomName}": a host has not let you in yet`);
    return result;
  }

  /**
   * The one host check: the room when `user` is one of its hosts (the creator or a co-host, grants.ts `isHost`).
   * 404 for those who may not see the room (see access), 403 for everyone else who may (members, guests).
   */
  async asHost(user: User, roomName: string): Promise<RoomRecord> {
    const { room } = await this.access(user, roomName);
    if (!isHost(room, user.id)) throw errors.forbidden(`Only a host of room "${roomName}" may do this`);
    return room;
  }

  /** Ends the room for everyone: marked ended (joins answer 410 from now on), then closed on the SFU. */
  async end(user: User, roomName: string): Promise<RoomRecord> {
    await this.asHost(user, roomName);
    const ended = await this.store.endRoom(roomName, new Date(this.now()));
    if (!ended) throw errors.roomNotFound(roomName);
    await this.sfu.deleteRoom(roomName);
    // What the room's call left behind (chat history, questions) goes with it. A failure here does not undo the
    // end: the stores' retention removes what is left.
    await Promise.allSettled(this.endedListeners.map((fn) => fn(roomName)));
    return ended;
  }

  private readonly endedListeners: Array<(roomName: string) => Promise<unknown>> = [];

  /** Runs `fn` after a room has ended (content stored about the call is deleted this way). */
  whenEnded(fn: (roomName: string) => Promise<unknown>): void {
    this.endedListeners.push(fn);
  }

  /** Leaves the call: for whoever may see the room (see access); 404 for anyone else. */
  /** Whether `userId` is in the room's call right now, on the SFU (another tab or device when they are joining). */
  async isInCall(roomName: string, userId: string): Promise<boolean> {
    return (await this.sfu.getParticipant(roomName, userId)) !== null;
  }

  async leave(user: User, roomName: string): Promise<void> {
    await this.access(user, roomName);
    await this.store.setPresence(roomName, { identity: user.id, name: user.name }, false, presenceNow());
    await this.sfu.removeParticipant(roomName, user.id);
  }

  async view(room: RoomRecord): Promise<RoomView> {
    return toView(room, await this.store.listPresence(room.roomName));
  }

  /** Views of many rooms with their presence read in one query. */
  async views(rooms: RoomRecord[]): Promise<RoomView[]> {
    const presence = await this.store.listPresenceIn(rooms.map((r) => r.roomName));
    return rooms.map((r) => toView(r, presence.get(r.roomName) ?? []));
  }
}

export function roomEnded(roomName: string): ApiError {
  return new ApiError(410, 'room_ended', `Room "${roomName}" has ended`);
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
    co_hosts: room.coHosts ?? [],
    open_to_link: room.openToLink,
    audience_chat: room.audienceChat,
    locked: room.locked === true,
    waiting_room: room.waitingRoom,
    created_at: room.createdAt.toISOString(),
    ended_at: room.endedAt ? room.endedAt.toISOString() : null,
    connected,
  };
}

/** How long an Idempotency-Key is remembered: a retry comes within seconds; a key reused a day later is a new request. */
export const IDEMPOTENCY_KEY_LIFETIME_MS = 24 * 60 * 60 * 1000;

function newRoom(user: User, input: CreateRoomInput & { roomName: string }, idempotencyKey: string | undefined, createdAt = new Date()): RoomRecord {
  const participants = unique([user.id, ...input.participants]);
  const speakers = input.speakers ? unique([user.id, ...input.speakers]) : [];
  const coHosts = unique(input.coHosts ?? []).filter((id) => id !== user.id);
  return {
    roomName: input.roomName,
    callType: input.callType,
    speakers,
    // Speakers and co-hosts are invited too, or they could not join.
    participants: unique([...participants, ...speakers, ...coHosts]),
    createdBy: user.id,
    createdByName: displayNameFor(user),
    ...(coHosts.length > 0 && { coHosts }),
    openToLink: input.openToLink,
    audienceChat: input.audienceChat,
    waitingRoom: input.waitingRoom,
    createdAt,
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
 * setting, audience chat setting, speakers, co-hosts and invitations (a retry comes within seconds, before anyone
 * changed them).
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
    stored.waitingRoom === wanted.waitingRoom &&
    sameSet(stored.speakers, wanted.speakers) &&
    sameSet(stored.coHosts ?? [], wanted.coHosts ?? []) &&
    invitedAll &&
    stored.participants.length === wanted.participants.length
  );
}

function unique(ids: string[]): string[] {
  return [...new Set(ids)];
}
