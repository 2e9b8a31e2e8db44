/**
 * Web Push subscriptions in MongoDB: collection `push_subscriptions`, `{_id: endpoint, userId, keys: {p256dh, auth},
 * createdAt}` with an index on `(userId, createdAt)`. The endpoint as `_id` makes a re-subscription of the same
 * browser an upsert. Same injection rule as mongo.ts: every value in a filter is a string built here.
 */
import type { Collection, Db } from 'mongodb';
import { toStoreError } from './mongo.js';
import { MAX_PUSH_SUBSCRIPTIONS_PER_USER, type PushSubscriptionStore, type StoredPushSubscription } from './push-subscriptions.js';

interface PushDoc {
  _id: string;
  userId: string;
  keys: { p256dh: string; auth: string };
  createdAt: Date;
}

export class MongoPushSubscriptionStore implements PushSubscriptionStore {
  private readonly subscriptions: Collection<PushDoc>;

  private constructor(db: Db) {
    this.subscriptions = db.collection<PushDoc>('push_subscriptions');
  }

  static async open(db: Db): Promise<MongoPushSubscriptionStore> {
    const store = new MongoPushSubscriptionStore(db);
    await guard('ensureIndexes', () => store.subscriptions.createIndex({ userId: 1, createdAt: 1 }, { name: 'userId_createdAt' }));
    return store;
  }

  async save(s: StoredPushSubscription): Promise<void> {
    const doc = {
      userId: text(s.userId),
      keys: { p256dh: text(s.keys.p256dh), auth: text(s.keys.auth) },
      createdAt: new Date(s.createdAt),
    };
    await guard('savePushSubscription', () => this.subscriptions.replaceOne({ _id: text(s.endpoint) }, doc, { upsert: true }));
    const mine = await this.listForUser(s.userId);
    const excess = mine.slice(0, Math.max(0, mine.length - MAX_PUSH_SUBSCRIPTIONS_PER_USER)).map((x) => x.endpoint);
    if (excess.length > 0) await guard('prunePushSubscriptions', () => this.subscriptions.deleteMany({ _id: { $in: excess } }));
  }

  async listForUser(userId: string): Promise<StoredPushSubscription[]> {
    const docs = await guard('listPushSubscriptions', () =>
      this.subscriptions.find({ userId: text(userId) }).sort({ createdAt: 1 }).toArray(),
    );
    return docs.map((d) => ({
      userId: String(d.userId),
      endpoint: String(d._id),
      keys: { p256dh: String(d.keys.p256dh), auth: String(d.keys.auth) },
      createdAt: new Date(d.createdAt),
    }));
  }

  async remove(userId: string, endpoint: string): Promise<boolean> {
    const result = await guard('removePushSubscription', () =>
      this.subscriptions.deleteOne({ _id: text(endpoint), userId: text(userId) }),
    );
    return result.deletedCount > 0;
  }

  async removeEndpoint(endpoint: string): Promise<void> {
    await guard('removePushEndpoint', () => this.subscriptions.deleteOne({ _id: text(endpoint) }));
  }
}

function text(value: unknown): string {
  if (typeof value !== 'string') throw new TypeError('expected a string');
  return value;
}

async function guard<T>(operation: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw toStoreError(error, operation);
  }
}
