/**
 * Web Push (RFC 8030, payload encrypted per RFC 8291 `aes128gcm`, VAPID per RFC 8292) with the `web-push` package:
 * reaches the user's browsers when no Urbania page is open; the service worker shipped with the widget
 * (`urbania-sw.js`) shows the notification. A push service answering 404 or 410 means the subscription is gone:
 * it is deleted.
 */
import { createHash } from 'node:crypto';
import type { Agent } from 'node:https';
import webpush, { WebPushError } from 'web-push';
import type { Logger } from '../logger.js';
import type { PushSubscriptionStore } from '../store/push-subscriptions.js';

export interface VapidConfig {
  publicKey: string;
  privateKey: string;
  /** `mailto:` or `https:` contact for the push services. */
  subject: string;
}

/** What the service worker receives (JSON): `type` says which. */
export type PushPayload =
  | ({ type: 'invitation' } & import('./schemas.js').Invitation)
  | ({ type: 'invitation_answered' } & import('./schemas.js').InvitationAnswered);

/** Seconds a push service keeps an undelivered invitation: a call rings for about a minute. */
export const PUSH_TTL_SECONDS = 60;

export interface PushSenderOptions {
  vapid: VapidConfig;
  store: PushSubscriptionStore;
  logger: Logger;
  /** An https.Agent for the push requests (tests trust their local endpoint's certificate with it). */
  agent?: Agent;
  timeoutMs?: number;
}

export class PushSender {
  constructor(private readonly options: PushSenderOptions) {}

  get publicKey(): string {
    return this.options.vapid.publicKey;
  }

  /** Sends `payload` to every subscription of `userId`; counts what was delivered and what was removed. Never rejects. */
  async sendToUser(userId: string, payload: PushPayload): Promise<{ sent: number; removed: number; failed: number }> {
    const { store, vapid, logger } = this.options;
    const result = { sent: 0, removed: 0, failed: 0 };
    let subscriptions;
    try {
      subscriptions = await store.listForUser(userId);
    } catch (err) {
      logger.warn({ user: userId, err: String(err) }, 'push: could not read subscriptions');
      result.failed++;
      return result;
    }
    const body = JSON.stringify(payload);
    await Promise.all(
      subscriptions.map(async (s) => {
        try {
          await webpush.sendNotification({ endpoint: s.endpoint, keys: s.keys }, body, {
            vapidDetails: vapid,
            TTL: PUSH_TTL_SECONDS,
            urgency: 'high',
            // One notification per room: an answer replaces a still-queued invitation.
            topic: topicFor(payload.room_name),
            timeout: this.options.timeoutMs ?? 5_000,
            ...(this.options.agent && { agent: this.options.agent }),
          });
          result.sent++;
        } catch (err) {
          const status = err instanceof WebPushError ? err.statusCode : undefined;
          if (status === 404 || status === 410) {
            await store.removeEndpoint(s.endpoint).catch(() => {});
            result.removed++;
            logger.info({ user: userId, status }, 'push: subscription gone, removed');
          } else {
            result.failed++;
            logger.warn({ user: userId, status, err: err instanceof Error ? err.message : String(err) }, 'push: delivery failed');
          }
        }
      }),
    );
    return result;
  }
}

/** A push `Topic` header: at most 32 base64url characters, one per room. */
function topicFor(roomName: string): string {
  return createHash('sha256').update(roomName).digest('base64url').slice(0, 32);
}
