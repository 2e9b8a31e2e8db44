/**
 * The invitation bus: how an invitation (or its answer) reaches every open events stream of one user, on
 * whichever replica that stream is connected. One interface, two implementations: in process (the memory store,
 * one replica) and through MongoDB (bus-mongo.ts, several replicas sharing one database).
 */
import type { Invitation, InvitationAnswered } from './schemas.js';

/** What a user's events stream carries (the SSE `event:` name is `type`, its `data:` is `data` as JSON). */
export type UserEvent =
  | { type: 'invitation'; data: Invitation }
  | { type: 'invitation_answered'; data: InvitationAnswered };

export type UserEventListener = (event: UserEvent) => void;

export interface InvitationBus {
  /** Delivers `event` to every current subscriber of `userId` (here or on another replica). */
  publish(userId: string, event: UserEvent): Promise<void>;
  /**
   * Calls `listener` for each event published to `userId` from now on, until the returned function is called.
   * `onClose` runs once if the bus closes first (service shutdown), so streams can end.
   */
  subscribe(userId: string, listener: UserEventListener, onClose?: () => void): () => void;
  /** Subscriptions open in this process (for `userId`, or in all): what the leak tests watch. */
  subscriberCount(userId?: string): number;
  /** Ends every subscription (their `onClose` runs) and stops any background work. */
  close(): Promise<void>;
}

interface Subscription {
  listener: UserEventListener;
  onClose: (() => void) | undefined;
}

/** Local fan-out shared by both implementations: the subscriptions of this process, per user. */
export class LocalSubscribers {
  private readonly byUser = new Map<string, Set<Subscription>>();

  add(userId: string, listener: UserEventListener, onClose?: () => void): () => void {
    const sub: Subscription = { listener, onClose };
    let set = this.byUser.get(userId);
    if (!set) this.byUser.set(userId, (set = new Set()));
    set.add(sub);
    return () => {
      const current = this.byUser.get(userId);
      if (!current?.delete(sub)) return;
      if (current.size === 0) this.byUser.delete(userId);
    };
  }

  deliver(userId: string, event: UserEvent): void {
    for (const sub of [...(this.byUser.get(userId) ?? [])]) {
      try {
        sub.listener(event);
      } catch {
        // One failing stream must not keep the event from the user's other tabs.
      }
    }
  }

  users(): string[] {
    return [...this.byUser.keys()];
  }

  count(userId?: string): number {
    if (userId !== undefined) return this.byUser.get(userId)?.size ?? 0;
    let n = 0;
    for (const set of this.byUser.values()) n += set.size;
    return n;
  }

  closeAll(): void {
    const all = [...this.byUser.values()].flatMap((s) => [...s]);
    this.byUser.clear();
    for (const sub of all) sub.onClose?.();
  }
}

/** One process: publish hands the event straight to this process's subscribers. */
export class MemoryInvitationBus implements InvitationBus {
  private readonly local = new LocalSubscribers();

  async publish(userId: string, event: UserEvent): Promise<void> {
    this.local.deliver(userId, event);
  }

  subscribe(userId: string, listener: UserEventListener, onClose?: () => void): () => void {
    return this.local.add(userId, listener, onClose);
  }

  subscriberCount(userId?: string): number {
    return this.local.count(userId);
  }

  async close(): Promise<void> {
    this.local.closeAll();
  }
}
