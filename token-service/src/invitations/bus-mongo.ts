/**
 * The invitation bus across replicas, through MongoDB: `publish` inserts into `user_events`
 * (`{to, type, data, at}`); each replica polls, every `pollMs` while it has subscribers, for the recent events
 * of the users it has streams for, and hands each event once to its local subscribers.
 *
 * Why polling and not a change stream: change streams need a MongoDB replica set (or sharded cluster), and
 * FerretDB (the tests' and the demo's MongoDB) has none (bus-mongo.test.ts checks that `watch()` is refused
 * there). Polling works on both, costs one indexed query per replica per `pollMs` only while streams are open,
 * and delivers within `pollMs` (200 ms by default, well inside the one second an invitation may take).
 * On a real replica set a `watch()`-based implementation of the same InvitationBus interface would push
 * instead of poll; nothing else would change.
 *
 * Events are read back from `at >= lastPoll - lagMs` (tolerating replicas' clocks differing by up to
 * `lagMs`), de-duplicated by `_id`, and deleted after `retentionMs` (no TTL index: FerretDB v1 has none).
 */
import type { Collection, Db, ObjectId } from 'mongodb';
import { toStoreError } from '../store/mongo.js';
import { LocalSubscribers, type InvitationBus, type UserEvent, type UserEventListener } from './bus.js';

interface EventDoc {
  _id?: ObjectId;
  to: string;
  type: UserEvent['type'];
  data: UserEvent['data'];
  at: Date;
}

export interface MongoBusOptions {
  pollMs?: number;
  lagMs?: number;
  retentionMs?: number;
  /** Called when a poll fails (MongoDB down): the next poll retries. */
  onError?: (err: unknown) => void;
}

export class MongoInvitationBus implements InvitationBus {
  private readonly local = new LocalSubscribers();
  private readonly events: Collection<EventDoc>;
  private readonly pollMs: number;
  private readonly lagMs: number;
  private readonly retentionMs: number;
  /** Event ids already delivered here, with their time, forgotten once older than the poll window. */
  private readonly seen = new Map<string, number>();
  private lastPollAt = Date.now();
  private lastPruneAt = 0;
  private timer: NodeJS.Timeout | undefined;
  private closed = false;

  private constructor(db: Db, private readonly options: MongoBusOptions) {
    this.events = db.collection<EventDoc>('user_events');
    this.pollMs = options.pollMs ?? 200;
    this.lagMs = options.lagMs ?? 2_000;
    this.retentionMs = options.retentionMs ?? 60_000;
  }

  static async open(db: Db, options: MongoBusOptions = {}): Promise<MongoInvitationBus> {
    const bus = new MongoInvitationBus(db, options);
    try {
      await bus.events.createIndex({ at: 1, to: 1 }, { name: 'at_to' });
    } catch (err) {
      throw toStoreError(err, 'ensureIndexes');
    }
    return bus;
  }

  async publish(userId: string, event: UserEvent): Promise<void> {
    if (typeof userId !== 'string') throw new TypeError('userId must be a string');
    const now = Date.now();
    try {
      await this.events.insertOne({ to: userId, type: event.type, data: event.data, at: new Date(now) });
      if (now - this.lastPruneAt > this.retentionMs) {
        this.lastPruneAt = now;
        await this.events.deleteMany({ at: { $lt: new Date(now - this.retentionMs) } });
      }
    } catch (err) {
      throw toStoreError(err, 'publishUserEvent');
    }
  }

  subscribe(userId: string, listener: UserEventListener, onClose?: () => void): () => void {
    const off = this.local.add(userId, listener, onClose);
    this.schedule();
    return off;
  }

  subscriberCount(userId?: string): number {
    return this.local.count(userId);
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    this.local.closeAll();
  }

  private schedule(): void {
    if (this.timer || this.closed) return;
    this.timer = setTimeout(() => void this.poll(), this.pollMs);
    this.timer.unref();
  }

  private async poll(): Promise<void> {
    const users = this.local.users();
    if (users.length === 0) {
      this.timer = undefined;
      return;
    }
    const startedAt = Date.now();
    const from = this.lastPollAt - this.lagMs;
    try {
      const docs = await this.events
        .find({ at: { $gte: new Date(from) }, to: { $in: users } })
        .sort({ at: 1 })
        .toArray();
      for (const doc of docs) {
        const id = String(doc._id);
        if (this.seen.has(id)) continue;
        this.seen.set(id, doc.at.getTime());
        this.local.deliver(doc.to, { type: doc.type, data: doc.data } as UserEvent);
      }
      this.lastPollAt = startedAt;
      for (const [id, at] of this.seen) if (at < from - this.pollMs) this.seen.delete(id);
    } catch (err) {
      this.options.onError?.(err);
    }
    this.timer = undefined;
    this.schedule();
  }
}
