/**
 * Web Push subscriptions, per user: each browser (or service worker registration) that said "notify me" has one,
 * identified by its push service endpoint. Memory here; MongoDB in push-subscriptions-mongo.ts; the behaviour
 * both share is push-subscriptions-contract.ts.
 */

export interface StoredPushSubscription {
  userId: string;
  endpoint: string;
  keys: { p256dh: string; auth: string };
  createdAt: Date;
}

export interface PushSubscriptionStore {
  /** Saves (or moves to `userId`, refreshing its keys) the subscription with this endpoint. */
  save(subscription: StoredPushSubscription): Promise<void>;
  /** The user's subscriptions, oldest first. */
  listForUser(userId: string): Promise<StoredPushSubscription[]>;
  /** Removes the user's subscription with this endpoint; false when the user has none such. */
  remove(userId: string, endpoint: string): Promise<boolean>;
  /** Removes a subscription whatever its user (the push service said it is gone: 404/410). */
  removeEndpoint(endpoint: string): Promise<void>;
}

/** At most this many subscriptions per user: the oldest go first (a user does not have 20 browsers). */
export const MAX_PUSH_SUBSCRIPTIONS_PER_USER = 20;

export class MemoryPushSubscriptionStore implements PushSubscriptionStore {
  private readonly byEndpoint = new Map<string, StoredPushSubscription>();

  async save(subscription: StoredPushSubscription): Promise<void> {
    this.byEndpoint.delete(subscription.endpoint);
    this.byEndpoint.set(subscription.endpoint, clone(subscription));
    const mine = await this.listForUser(subscription.userId);
    for (const old of mine.slice(0, Math.max(0, mine.length - MAX_PUSH_SUBSCRIPTIONS_PER_USER))) this.byEndpoint.delete(old.endpoint);
  }

  async listForUser(userId: string): Promise<StoredPushSubscription[]> {
    return [...this.byEndpoint.values()]
      .filter((s) => s.userId === userId)
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
      .map(clone);
  }

  async remove(userId: string, endpoint: string): Promise<boolean> {
    if (this.byEndpoint.get(endpoint)?.userId !== userId) return false;
    return this.byEndpoint.delete(endpoint);
  }

  async removeEndpoint(endpoint: string): Promise<void> {
    this.byEndpoint.delete(endpoint);
  }
}

function clone(s: StoredPushSubscription): StoredPushSubscription {
  return { ...s, keys: { ...s.keys }, createdAt: new Date(s.createdAt) };
}
