/**
 * Chat history in MongoDB (see messages.ts), next to the rooms, on the room store's client.
 *
 * Collection `chat_messages`: `{_id: ObjectId, roomName, id, identity, name, text, at}`, with a unique index on
 * (roomName, identity, id) (a retried POST meets the duplicate key and gets the stored message back), an index on
 * (roomName, at) for reading and trimming a room, and one on `at` for the retention sweep.
 *
 * Retention without a TTL index: FerretDB (the tests' MongoDB) answers NotImplemented to `expireAfterSeconds`, so,
 * like `webhook_events` in mongo.ts, the store never returns a message past the retention, deletes the room's expired
 * messages before each write and trims it to `maxPerRoom` after, and sweeps every room at most once per `sweepIntervalMs`.
 *
 * Injection and availability as in mongo.ts: every value placed in a query is checked and built here (TypeError
 * otherwise); an unreachable database becomes DependencyUnavailableError (503), each call bounded by a deadline.
 */
import type { Collection, Db, ObjectId } from 'mongodb';
import { MONGO_DEFAULTS, guard, isDuplicateKey, requireString, withDeadline } from './mongo.js';
import { CHAT_HISTORY_DEFAULTS, type AddedMessage, type ChatHistoryLimits, type MessageStore, type StoredChatMessage } from './messages.js';

interface MessageDoc {
  _id?: ObjectId;
  roomName: string;
  id: string;
  identity: string;
  name: string;
  text: string;
  at: Date;
}

export interface MongoMessageStoreOptions {
  /** Upper bound on one call (default: the room store's 3000 ms). */
  operationTimeoutMs?: number;
  /** At most one sweep of expired messages per this interval and process (default ten minutes). */
  sweepIntervalMs?: number;
  /** Clock for the retention (tests). Default Date.now. */
  now?: () => number;
}

export const CHAT_MESSAGES_COLLECTION = 'chat_messages';

export class MongoMessageStore implements MessageStore {
  private readonly messages: Collection<MessageDoc>;
  private readonly limits: ChatHistoryLimits;
  private readonly operationTimeoutMs: number;
  private readonly sweepIntervalMs: number;
  private readonly now: () => number;
  private lastSweepAt = Number.NEGATIVE_INFINITY;
  private sweeping: Promise<unknown> | undefined;

  /** Call `ensureIndexes()` once before serving (`open` does). */
  constructor(db: Db, limits: Partial<ChatHistoryLimits> = {}, options: MongoMessageStoreOptions = {}) {
    this.messages = db.collection<MessageDoc>(CHAT_MESSAGES_COLLECTION);
    this.limits = { ...CHAT_HISTORY_DEFAULTS, ...limits };
    this.operationTimeoutMs = options.operationTimeoutMs ?? MONGO_DEFAULTS.operationTimeoutMS;
    this.sweepIntervalMs = options.sweepIntervalMs ?? MONGO_DEFAULTS.pruneIntervalMs;
    this.now = options.now ?? Date.now;
  }

  static async open(db: Db, limits: Partial<ChatHistoryLimits> = {}, options: MongoMessageStoreOptions = {}): Promise<MongoMessageStore> {
    const store = new MongoMessageStore(db, limits, options);
    await store.ensureIndexes();
    return store;
  }

  /** One createIndex per index (FerretDB v1.24 fails on a createIndexes listing several existing ones: mongo.ts). */
  async ensureIndexes(): Promise<void> {
    await guard('ensureIndexes', async () => {
      await this.messages.createIndex({ roomName: 1, identity: 1, id: 1 }, { name: 'roomName_identity_id', unique: true });
      await this.messages.createIndex({ roomName: 1, at: 1 }, { name: 'roomName_at' });
      await this.messages.createIndex({ at: 1 }, { name: 'at' });
    });
  }

  async addMessage(message: StoredChatMessage): Promise<AddedMessage> {
    const doc = toDoc(message);
    const added = await this.call('addMessage', async (): Promise<AddedMessage> => {
      // Expired messages first: a retry of one that expired is stored anew, not mistaken for a duplicate.
      await this.messages.deleteMany({ roomName: doc.roomName, at: { $lt: this.cutoff() } });
      try {
        await this.messages.insertOne({ ...doc });
        return { message: fromDoc(doc), created: true };
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
        const earlier = await this.messages.findOne({ roomName: doc.roomName, identity: doc.identity, id: doc.id });
        return { message: earlier ? fromDoc(earlier) : fromDoc(doc), created: false };
      }
    });
    if (added.created) await this.call('trimRoom', () => this.trimRoom(doc.roomName));
    this.maybeSweep();
    return added;
  }

  async listMessages(roomName: string, limit: number): Promise<StoredChatMessage[]> {
    const name = requireString(roomName, 'roomName');
    if (typeof limit !== 'number' || !Number.isFinite(limit)) throw new TypeError('limit must be a finite number');
    const n = Math.max(0, Math.min(Math.floor(limit), this.limits.maxPerRoom));
    if (n === 0) return [];
    const docs = await this.call('listMessages', () =>
      this.messages
        .find({ roomName: name, at: { $gte: this.cutoff() } })
        .sort({ at: -1, _id: -1 })
        .limit(n)
        .toArray(),
    );
    return docs.reverse().map(fromDoc);
  }

  async deleteRoomMessages(roomName: string): Promise<number> {
    const name = requireString(roomName, 'roomName');
    const result = await this.call('deleteRoomMessages', () => this.messages.deleteMany({ roomName: name }));
    return result.deletedCount;
  }

  /** Deletes every message past the retention, in every room; returns how many. Also run opportunistically. */
  async sweepExpired(): Promise<number> {
    this.lastSweepAt = this.now();
    const result = await guard('sweepExpired', () => this.messages.deleteMany({ at: { $lt: this.cutoff() } }));
    return result.deletedCount;
  }

  /** Waits for a sweep under way (before closing the client). */
  async idle(): Promise<void> {
    await this.sweeping;
  }

  /** The room beyond maxPerRoom (the newest are kept; ties broken by _id). */
  private async trimRoom(roomName: string): Promise<void> {
    const boundary = await this.messages
      .find({ roomName }, { projection: { _id: 1, at: 1 } })
      .sort({ at: -1, _id: -1 })
      .skip(this.limits.maxPerRoom)
      .limit(1)
      .next();
    if (!boundary?._id) return;
    await this.messages.deleteMany({
      roomName,
      $or: [{ at: { $lt: boundary.at } }, { at: boundary.at, _id: { $lte: boundary._id } }],
    });
  }

  private cutoff(): Date {
    return new Date(this.now() - this.limits.retentionMs);
  }

  private call<T>(operation: string, run: () => Promise<T>): Promise<T> {
    return withDeadline(operation, this.operationTimeoutMs, run);
  }

  // In the background after a write: a failed sweep is retried at the next interval, never reported.
  private maybeSweep(): void {
    if (this.sweeping || this.now() - this.lastSweepAt < this.sweepIntervalMs) return;
    this.sweeping = this.sweepExpired()
      .catch(() => {})
      .finally(() => {
        this.sweeping = undefined;
      });
  }
}

function toDoc(m: StoredChatMessage): MessageDoc {
  if (m === null || typeof m !== 'object') throw new TypeError('message must be an object');
  if (!(m.at instanceof Date) || Number.isNaN(m.at.getTime())) throw new TypeError('message.at must be a valid Date');
  return {
    roomName: requireString(m.roomName, 'message.roomName'),
    id: requireString(m.id, 'message.id'),
    identity: requireString(m.identity, 'message.identity'),
    name: requireString(m.name, 'message.name'),
    text: requireString(m.text, 'message.text'),
    at: new Date(m.at.getTime()),
  };
}

function fromDoc(d: MessageDoc): StoredChatMessage {
  return { roomName: d.roomName, id: d.id, identity: d.identity, name: d.name, text: d.text, at: new Date(d.at) };
}
