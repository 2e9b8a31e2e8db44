/**
 * The MongoDB store (official `mongodb` driver). With it the service keeps no room state in process memory,
 * so several replicas can share one database, and rooms and presence survive a restart.
 *
 * Collections (created on first write; indexes created idempotently by `connect`/`ensureIndexes`):
 * - `rooms`: `{_id: roomName, callType, speakers[], participants[], createdBy, createdByName, coHosts?, openToLink,
 *   audienceChat, waitingRoom, createdAt, locked?, endedAt?, idempotencyKey?}` (a document without `audienceChat` or `waitingRoom` reads as false). `_id` makes room names unique (duplicate key 11000 → RoomExistsError);
 *   secondary indexes on `participants` (multikey) and `createdBy` serve "my rooms", and
 *   `(createdBy, idempotencyKey)` finds a retried create.
 * - `presence`: one document per (roomName, identity) `{roomName, identity, name, present, at}` with a unique
 *   index on both. Writes are conditional on `at`, so an older webhook never overrides a newer one.
 * - `webhook_events`: `{_id: eventId, at}`; the first insert wins, a replay hits the duplicate key. Entries
 *   older than a day are pruned opportunistically (no TTL index: FerretDB has none).
 *
 * Works with MongoDB ≥ 4.4 and with FerretDB v1 (the tests' stand-in): no transactions, TTL indexes, change
 * streams or `$lookup` are used.
 *
 * Injection: nothing from a request reaches a query as an object. Every value placed in a filter or update is
 * a string, number, boolean, Date or string array built here field by field, and each method checks the types
 * of its arguments at run time (TypeError otherwise), so a JSON object such as `{"$ne": null}` that slipped
 * past validation cannot become a query operator. Strings starting with `$` are stored and matched literally
 * (they are only ever values, never keys).
 *
 * Availability: when MongoDB cannot answer (network error, server selection timeout, client not connected
 * or closed, a node shutting down or stepping down) methods throw `DependencyUnavailableError('store', …)`,
 * which the app turns into 503 with Retry-After. Short driver timeouts plus a per-call deadline (3 s) make
 * an outage fail fast, a crashed server (connections refused: ~0.1–1.5 s) as well as a hung one; the
 * driver's monitor finds the server again when it is back, with no restart of the service. Anything else
 * (a bug, a bad document) propagates unchanged. A write that fails this way may still have been applied
 * (its answer was lost): a client retrying after a 503 then meets its own room, which meetings.ts recognises
 * (same creator, same request) and returns instead of 409.
 *
 * Atomicity: each method is a single-document atomic operation on MongoDB. FerretDB v1 (SQLite) implements
 * updates as read-then-write, so two concurrent updates of the *same* document (e.g. two `addParticipant`
 * on one room at the same instant) can lose one of them there; inserts with unique keys are safe on both.
 */
import {
  MongoClient,
  MongoError,
  MongoNetworkError,
  MongoOperationTimeoutError,
  MongoServerError,
  MongoServerSelectionError,
  type Collection,
  type Db,
  type MongoClientOptions,
} from 'mongodb';
import { DependencyUnavailableError } from '../errors.js';
import type { PresenceEntry, RoomRecord } from '../model.js';
import { RoomExistsError, type RoomPageQuery, type RoomStore } from './types.js';
import { requireBoolean, requireDate, requireString, requireStrings, requireTime } from './mongo-values.js';
import { endRoom, listPresenceIn, listRoomsPage, roomCreationTimes } from './mongo-rooms.js';
import { setCoHost } from './co-hosts-mongo.js';

export interface MongoStoreOptions {
  /** `mongodb://…` or `mongodb+srv://…` */
  uri: string;
  dbName: string;
  /** How long an operation waits for a usable server before failing (→ 503). Default 1500 ms. */
  serverSelectionTimeoutMS?: number;
  /** TCP connect + handshake limit for a new connection. Default 1500 ms. */
  connectTimeoutMS?: number;
  /**
   * Limit on a socket that stops answering mid-operation (a hung server); the connection is then dropped.
   * Default 5000 ms, above the per-call deadline (StoreBehaviour.operationTimeoutMs, 3000 ms) so that
   * index builds at start are not cut short.
   */
  socketTimeoutMS?: number;
  /** Connections per server. Default: the driver's (100), the same as a bare MongoClient. */
  maxPoolSize?: number;
  appName?: string;
  /** Extra driver options (override the ones above). */
  clientOptions?: MongoClientOptions;
  /** Store-level behaviour (see StoreBehaviour). */
  behaviour?: StoreBehaviour;
}

export interface StoreBehaviour {
  /**
   * Upper bound on one store call seen by the caller, retries included (default 3000 ms; 0 turns it off).
   * Past it the call fails with DependencyUnavailableError (→ 503) even if the server is merely hung.
   * Index creation is not bounded by it.
   */
  operationTimeoutMs?: number;
  /** Processed webhook ids older than this are deleted (default one day). */
  eventRetentionMs?: number;
  /** At most one prune per this interval and process (default ten minutes). */
  pruneIntervalMs?: number;
  /** Clock for `webhook_events.at` and pruning (tests). Default Date.now. */
  now?: () => number;
}

export const MONGO_DEFAULTS = {
  serverSelectionTimeoutMS: 1_500,
  connectTimeoutMS: 1_500,
  socketTimeoutMS: 5_000,
  operationTimeoutMS: 3_000,
  eventRetentionMs: 24 * 60 * 60 * 1000,
  pruneIntervalMs: 10 * 60 * 1000,
} as const;

/** A RoomRecord with its unique name as `_id`. */
export type RoomDoc = Omit<RoomRecord, 'roomName'> & { _id: string };

export interface PresenceDoc {
  roomName: string;
  identity: string;
  name: string;
  present: boolean;
  at: number;
}

interface EventDoc {
  _id: string;
  at: Date;
}

const DUPLICATE_KEY = 11000;

export class MongoRoomStore implements RoomStore {
  readonly db: Db;
  private readonly rooms: Collection<RoomDoc>;
  private readonly presence: Collection<PresenceDoc>;
  private readonly events: Collection<EventDoc>;
  private readonly ownsClient: boolean;
  private readonly now: () => number;
  private readonly eventRetentionMs: number;
  private readonly pruneIntervalMs: number;
  private readonly operationTimeoutMs: number;
  private lastPruneAt = Number.NEGATIVE_INFINITY;
  private pruning: Promise<unknown> | undefined;

  /**
   * Uses an existing client (not connected yet is fine: the driver connects on first use). Call
   * `ensureIndexes()` once before serving. `ownsClient` decides whether `close()` closes the client.
   */
  constructor(
    private readonly client: MongoClient,
    dbName: string,
    options: StoreBehaviour & { ownsClient?: boolean } = {},
  ) {
    this.ownsClient = options.ownsClient ?? true;
    this.db = client.db(requireString(dbName, 'dbName'));
    this.rooms = this.db.collection<RoomDoc>('rooms');
    this.presence = this.db.collection<PresenceDoc>('presence');
    this.events = this.db.collection<EventDoc>('webhook_events');
    this.now = options.now ?? Date.now;
    this.eventRetentionMs = options.eventRetentionMs ?? MONGO_DEFAULTS.eventRetentionMs;
    this.pruneIntervalMs = options.pruneIntervalMs ?? MONGO_DEFAULTS.pruneIntervalMs;
    this.operationTimeoutMs = options.operationTimeoutMs ?? MONGO_DEFAULTS.operationTimeoutMS;
  }

  /**
   * Connects with short timeouts, creates the indexes and returns the store. Throws
   * DependencyUnavailableError when the server cannot be reached within the selection timeout.
   */
  static async connect(options: MongoStoreOptions): Promise<MongoRoomStore> {
    const client = new MongoClient(options.uri, {
      serverSelectionTimeoutMS: options.serverSelectionTimeoutMS ?? MONGO_DEFAULTS.serverSelectionTimeoutMS,
      connectTimeoutMS: options.connectTimeoutMS ?? MONGO_DEFAULTS.connectTimeoutMS,
      socketTimeoutMS: options.socketTimeoutMS ?? MONGO_DEFAULTS.socketTimeoutMS,
      ...(options.maxPoolSize !== undefined && { maxPoolSize: options.maxPoolSize }),
      appName: options.appName ?? 'urbania-token-service',
      ...options.clientOptions,
    });
    const store = new MongoRoomStore(client, options.dbName, { ...options.behaviour, ownsClient: true });
    try {
      await client.connect();
      await store.ensureIndexes();
    } catch (error) {
      await client.close().catch(() => {});
      throw toStoreError(error, 'connect');
    }
    return store;
  }

  /**
   * Creates the secondary indexes; a no-op when they exist. One `createIndex` per index on purpose:
   * FerretDB v1.24 drops the connection (a server-side panic) when one `createIndexes` command lists
   * two or more indexes that all exist already.
   */
  async ensureIndexes(): Promise<void> {
    await guard('ensureIndexes', async () => {
      await this.rooms.createIndex({ participants: 1 }, { name: 'participants' });
      await this.rooms.createIndex({ createdBy: 1 }, { name: 'createdBy' });
      await this.rooms.createIndex({ createdBy: 1, idempotencyKey: 1 }, { name: 'createdBy_idempotencyKey' });
      await this.presence.createIndex({ roomName: 1, identity: 1 }, { name: 'roomName_identity', unique: true });
      await this.events.createIndex({ at: 1 }, { name: 'at' });
    });
  }

  async createRoom(room: RoomRecord): Promise<void> {
    const doc = toRoomDoc(room);
    await this.call('createRoom', async () => {
      try {
        await this.rooms.insertOne(doc);
      } catch (error) {
        if (isDuplicateKey(error)) throw new RoomExistsError(doc._id);
        throw error;
      }
    });
  }

  async getRoom(roomName: string): Promise<RoomRecord | null> {
    const _id = requireString(roomName, 'roomName');
    const doc = await this.call('getRoom', () => this.rooms.findOne({ _id }));
    return doc ? fromRoomDoc(doc) : null;
  }

  async findRoomByIdempotencyKey(createdBy: string, idempotencyKey: string): Promise<RoomRecord | null> {
    const id = requireString(createdBy, 'createdBy');
    const key = requireString(idempotencyKey, 'idempotencyKey');
    const doc = await this.call('findRoomByIdempotencyKey', () =>
      this.rooms.findOne({ createdBy: id, idempotencyKey: key }, { sort: { createdAt: -1 } }),
    );
    return doc ? fromRoomDoc(doc) : null;
  }

  async listRoomsForUser(userId: string): Promise<RoomRecord[]> {
    const id = requireString(userId, 'userId');
    const docs = await this.call('listRoomsForUser', () =>
      this.rooms
        .find({ $or: [{ createdBy: id }, { participants: id }] })
        .sort({ createdAt: -1, _id: 1 })
        .toArray(),
    );
    return docs.map(fromRoomDoc);
  }

  // Paging, the creation limit, ending and presence of many rooms: store/mongo-rooms.ts.
  listRoomsPage(userId: string, page: RoomPageQuery): Promise<RoomRecord[]> {
    return this.call('listRoomsPage', () => listRoomsPage(this.rooms, requireString(userId, 'userId'), page));
  }

  roomCreationTimes(userId: string, since: Date, limit: number): Promise<Date[]> {
    return this.call('roomCreationTimes', () => roomCreationTimes(this.rooms, requireString(userId, 'userId'), since, limit));
  }

  endRoom(roomName: string, at: Date): Promise<RoomRecord | null> {
    return this.call('endRoom', () => endRoom(this.rooms, requireString(roomName, 'roomName'), at));
  }

  listPresenceIn(roomNames: string[]): Promise<Map<string, PresenceEntry[]>> {
    return this.call('listPresenceIn', () => listPresenceIn(this.presence, requireStrings(roomNames, 'roomNames')));
  }

  async addParticipant(roomName: string, userId: string): Promise<RoomRecord | null> {
    const _id = requireString(roomName, 'roomName');
    const id = requireString(userId, 'userId');
    const doc = await this.call('addParticipant', () =>
      this.rooms.findOneAndUpdate({ _id }, { $addToSet: { participants: id } }, { returnDocument: 'after' }),
    );
    return doc ? fromRoomDoc(doc) : null;
  }

  async setLocked(roomName: string, locked: boolean): Promise<RoomRecord | null> {
    const _id = requireString(roomName, 'roomName');
    const update = requireBoolean(locked, 'locked') ? { $set: { locked: true as const } } : { $unset: { locked: '' as const } };
    const doc = await this.call('setLocked', () => this.rooms.findOneAndUpdate({ _id }, update, { returnDocument: 'after' }));
    return doc ? fromRoomDoc(doc) : null;
  }

  async setSpeaker(roomName: string, userId: string, speaker: boolean): Promise<RoomRecord | null> {
    const _id = requireString(roomName, 'roomName');
    const id = requireString(userId, 'userId');
    // A speaker is invited too (their rejoin keeps the role); a demoted speaker stays invited, in the audience.
    const update = requireBoolean(speaker, 'speaker')
      ? { $addToSet: { speakers: id, participants: id } }
      : { $pull: { speakers: id } };
    const doc = await this.call('setSpeaker', () => this.rooms.findOneAndUpdate({ _id }, update, { returnDocument: 'after' }));
    return doc ? fromRoomDoc(doc) : null;
  }

  setCoHost(roomName: string, userId: string, coHost: boolean): Promise<RoomRecord | null> {
    return this.call('setCoHost', () => setCoHost(this.rooms, roomName, userId, coHost));
  }

  /**
   * Conditional upsert: the filter only matches a stored entry that is not newer than `at`. When a newer
   * entry exists the upsert tries to insert a second (roomName, identity) document and hits the unique
   * index, which means "a newer update won": nothing to do. The same duplicate key also happens when two
   * first updates for one identity race; the conditional update is then applied once more without upsert,
   * so the newer of the two still wins.
   */
  async setPresence(roomName: string, entry: PresenceEntry, present: boolean, at: number): Promise<void> {
    const filter = {
      roomName: requireString(roomName, 'roomName'),
      identity: requireString(entry?.identity, 'entry.identity'),
      at: { $lte: requireTime(at) },
    };
    const update = { $set: { name: requireString(entry.name, 'entry.name'), present: requireBoolean(present, 'present'), at } };
    await this.call('setPresence', async () => {
      try {
        await this.presence.updateOne(filter, update, { upsert: true });
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
        await this.presence.updateOne(filter, update);
      }
    });
  }

  async clearPresence(roomName: string, at: number): Promise<void> {
    const name = requireString(roomName, 'roomName');
    requireTime(at);
    await this.call('clearPresence', () =>
      this.presence.updateMany({ roomName: name, at: { $lte: at } }, { $set: { present: false, at } }),
    );
  }

  async listPresence(roomName: string): Promise<PresenceEntry[]> {
    const name = requireString(roomName, 'roomName');
    const docs = await this.call('listPresence', () =>
      this.presence
        .find({ roomName: name, present: true }, { projection: { _id: 0, identity: 1, name: 1, at: 1 } })
        .sort({ at: 1, identity: 1 })
        .toArray(),
    );
    return docs.map((d) => ({ identity: String(d.identity), name: String(d.name) }));
  }

  async markEventProcessed(eventId: string): Promise<boolean> {
    const _id = requireString(eventId, 'eventId');
    const first = await this.call('markEventProcessed', async () => {
      try {
        await this.events.insertOne({ _id, at: new Date(this.now()) });
        return true;
      } catch (error) {
        if (isDuplicateKey(error)) return false;
        throw error;
      }
    });
    this.maybePrune();
    return first;
  }

  async forgetEvent(eventId: string): Promise<void> {
    const _id = requireString(eventId, 'eventId');
    await this.call('forgetEvent', () => this.events.deleteOne({ _id }));
  }

  /** Deletes processed webhook ids older than the retention; returns how many. Also run opportunistically. */
  async pruneProcessedEvents(): Promise<number> {
    this.lastPruneAt = this.now();
    const cutoff = new Date(this.now() - this.eventRetentionMs);
    const result = await guard('pruneProcessedEvents', () => this.events.deleteMany({ at: { $lt: cutoff } }));
    return result.deletedCount;
  }

  async ping(): Promise<void> {
    await this.call('ping', () => this.db.command({ ping: 1 }));
  }

  async close(): Promise<void> {
    await this.pruning;
    if (this.ownsClient) await this.client.close();
  }

  private call<T>(operation: string, run: () => Promise<T>): Promise<T> {
    return withDeadline(operation, this.operationTimeoutMs, run);
  }

  // In the background after a webhook: a failed prune is retried at the next interval, never reported.
  private maybePrune(): void {
    if (this.pruning || this.now() - this.lastPruneAt < this.pruneIntervalMs) return;
    this.pruning = this.pruneProcessedEvents()
      .catch(() => {})
      .finally(() => {
        this.pruning = undefined;
      });
  }
}

// ---------------------------------------------------------------------------------------------------------
// Errors

// Server error codes meaning "this node cannot serve now" (the driver's retryable set plus shutdown codes).
const UNAVAILABLE_CODES = new Set([
  6, // HostUnreachable
  7, // HostNotFound
  89, // NetworkTimeout
  91, // ShutdownInProgress
  189, // PrimarySteppedDown
  262, // ExceededTimeLimit
  9001, // SocketException
  10107, // NotWritablePrimary
  11600, // InterruptedAtShutdown
  11602, // InterruptedDueToReplStateChange
  13435, // NotPrimaryNoSecondaryOk
  13436, // NotPrimaryOrSecondary
  134, // ReadConcernMajorityNotAvailableYet
]);

// Driver errors for a client that is not (or no longer) connected, and pool exhaustion.
const UNAVAILABLE_NAMES = new Set([
  'MongoNotConnectedError',
  'MongoTopologyClosedError',
  'MongoClientClosedError',
  'MongoServerClosedError',
  'MongoPoolClosedError',
  'MongoWaitQueueTimeoutError',
]);

// Socket errors from Node. The driver (7.9) lets a raw EPIPE through when it writes to a pooled connection
// the server has already closed (Connection.writeCommand waiting for 'drain' rethrows the socket error
// unwrapped): that is the first error every idle connection gives after the server goes away.
const SOCKET_ERROR_CODES = new Set([
  'EPIPE',
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

/** Whether an error means MongoDB cannot answer right now (→ 503), as opposed to a bug or a bad request. */
export function isStoreUnavailable(error: unknown): boolean {
  if (!(error instanceof MongoError)) {
    const code = (error as { code?: unknown } | null)?.code;
    return error instanceof Error && typeof code === 'string' && SOCKET_ERROR_CODES.has(code);
  }
  if (error instanceof MongoNetworkError) return true; // includes timeouts and cleared pools
  if (error instanceof MongoServerSelectionError) return true;
  if (error instanceof MongoOperationTimeoutError) return true;
  if (UNAVAILABLE_NAMES.has(error.name)) return true;
  if (error instanceof MongoServerError) {
    if (typeof error.code === 'number' && UNAVAILABLE_CODES.has(error.code)) return true;
    if (/node is recovering|not master|not primary/i.test(error.message)) return true;
  }
  return error.hasErrorLabel('SystemOverloadedError');
}

/** DependencyUnavailableError('store') for an outage, the error itself otherwise. */
export function toStoreError(error: unknown, operation: string): unknown {
  if (error instanceof DependencyUnavailableError || !isStoreUnavailable(error)) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new DependencyUnavailableError('store', `MongoDB unavailable during ${operation}: ${reason}`, { cause: error });
}

/** An outage during index creation → DependencyUnavailableError (no deadline: builds may take long). */
export function guardIndexes<T>(operation: string, run: () => Promise<T>): Promise<T> {
  return guard(operation, run);
}

export async function guard<T>(operation: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw toStoreError(error, operation);
  }
}

/**
 * `run` with a deadline: past `ms` the caller gets DependencyUnavailableError while the operation is left
 * to finish or fail in the background (its outcome is ignored). The driver's own timeouts bound each step
 * (server selection, connect, socket) but add up across its retry; this bounds the whole call.
 */
export async function withDeadline<T>(operation: string, ms: number, run: () => Promise<T>): Promise<T> {
  if (!(ms > 0) || !Number.isFinite(ms)) return guard(operation, run);
  let timer: NodeJS.Timeout | undefined;
  const attempt = guard(operation, run);
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      attempt.catch(() => {}); // settles later; nobody is waiting any more
      reject(new DependencyUnavailableError('store', `MongoDB did not answer ${operation} within ${ms} ms`));
    }, ms);
  });
  try {
    return await Promise.race([attempt, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

export function isDuplicateKey(error: unknown): boolean {
  return error instanceof MongoServerError && error.code === DUPLICATE_KEY;
}

// ---------------------------------------------------------------------------------------------------------
// Documents: built field by field, checked at run time.

function toRoomDoc(room: RoomRecord): RoomDoc {
  if (room === null || typeof room !== 'object') throw new TypeError('room must be an object');
  if (room.callType !== 'audio' && room.callType !== 'video') throw new TypeError('room.callType must be "audio" or "video"');
  if (!(room.createdAt instanceof Date) || Number.isNaN(room.createdAt.getTime())) {
    throw new TypeError('room.createdAt must be a valid Date');
  }
  return {
    _id: requireString(room.roomName, 'room.roomName'),
    callType: room.callType,
    speakers: requireStrings(room.speakers, 'room.speakers'),
    participants: requireStrings(room.participants, 'room.participants'),
    createdBy: requireString(room.createdBy, 'room.createdBy'),
    createdByName: requireString(room.createdByName, 'room.createdByName'),
    ...(room.coHosts !== undefined && room.coHosts.length > 0 && { coHosts: requireStrings(room.coHosts, 'room.coHosts') }),
    openToLink: requireBoolean(room.openToLink, 'room.openToLink'),
    audienceChat: requireBoolean(room.audienceChat, 'room.audienceChat'),
    waitingRoom: requireBoolean(room.waitingRoom, 'room.waitingRoom'),
    createdAt: new Date(room.createdAt.getTime()),
    ...(room.locked === true && { locked: true }),
    ...(room.endedAt !== undefined && { endedAt: requireDate(room.endedAt, 'room.endedAt') }),
    ...(room.idempotencyKey !== undefined && { idempotencyKey: requireString(room.idempotencyKey, 'room.idempotencyKey') }),
  };
}

export function fromRoomDoc(doc: RoomDoc): RoomRecord {
  return {
    roomName: doc._id,
    callType: doc.callType,
    speakers: [...(doc.speakers ?? [])],
    participants: [...(doc.participants ?? [])],
    createdBy: doc.createdBy,
    createdByName: doc.createdByName,
    ...(Array.isArray(doc.coHosts) && doc.coHosts.length > 0 && { coHosts: [...doc.coHosts] }),
    openToLink: doc.openToLink === true,
    audienceChat: doc.audienceChat === true,
    waitingRoom: doc.waitingRoom === true,
    createdAt: new Date(doc.createdAt),
    ...(doc.locked === true && { locked: true }),
    ...(doc.endedAt instanceof Date && { endedAt: new Date(doc.endedAt) }),
    ...(typeof doc.idempotencyKey === 'string' && { idempotencyKey: doc.idempotencyKey }),
  };
}

export { requireString };
