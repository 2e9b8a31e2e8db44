/**
 * Rings the invited users of a room, every way that is configured, without ever holding up the request that
 * invited them: live on their open pages (the bus → `GET /api/livekit/events`), by Web Push on their browsers
 * (when VAPID keys are set), and through the host application's signed webhook (when `INVITE_WEBHOOK_URL` is set).
 */
import type { Logger } from '../logger.js';
import type { RoomRecord, User } from '../model.js';
import type { InvitationBus } from './bus.js';
import type { PushSender } from './push.js';
import type { Invitation, InvitationAnswer } from './schemas.js';
import type { InviteWebhook } from './webhook.js';

export interface InvitationsDeps {
  bus: InvitationBus;
  push?: PushSender | undefined;
  webhook?: InviteWebhook | undefined;
  logger: Logger;
}

export class Invitations {
  /** Deliveries still running (push, webhook retries): tests and shutdown can wait for them. */
  private readonly pending = new Set<Promise<unknown>>();

  constructor(private readonly deps: InvitationsDeps) {}

  get bus(): InvitationBus {
    return this.deps.bus;
  }

  get push(): PushSender | undefined {
    return this.deps.push;
  }

  /** A new room: everyone it lists except its creator is invited. */
  roomCreated(room: RoomRecord): void {
    this.invite(room, room.participants.filter((id) => id !== room.createdBy));
  }

  /** Rings `userIds` for `room` (a creation, or users added to it later). Returns at once. */
  invite(room: RoomRecord, userIds: string[]): void {
    if (userIds.length === 0) return;
    const invitation: Invitation = {
      room_name: room.roomName,
      call_type: room.callType,
      from: { id: room.createdBy, name: room.createdByName },
      created_at: new Date().toISOString(),
    };
    for (const userId of userIds) {
      this.track(this.deps.bus.publish(userId, { type: 'invitation', data: invitation }), 'events', userId);
      if (this.deps.push) this.track(this.deps.push.sendToUser(userId, { type: 'invitation', ...invitation }), 'push', userId);
      if (this.deps.webhook) this.track(this.deps.webhook.deliver(userId, invitation), 'webhook', userId);
    }
  }

  /** The user answered on one page: their other pages and devices stop ringing. */
  answered(user: User, roomName: string, answer: InvitationAnswer): void {
    const data = { room_name: roomName, answer };
    this.track(this.deps.bus.publish(user.id, { type: 'invitation_answered', data }), 'events', user.id);
    if (this.deps.push) this.track(this.deps.push.sendToUser(user.id, { type: 'invitation_answered', ...data }), 'push', user.id);
  }

  /** Resolves when every delivery started so far has finished (retries included). */
  async settled(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  private track(work: Promise<unknown>, channel: string, userId: string): void {
    const p = work
      .catch((err: unknown) => this.deps.logger.warn({ channel, user: userId, err: String(err) }, 'invitation delivery failed'))
      .finally(() => this.pending.delete(p));
    this.pending.add(p);
  }
}
