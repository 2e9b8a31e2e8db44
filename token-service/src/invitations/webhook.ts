/**
 * The invitation webhook (`INVITE_WEBHOOK_URL`): one signed POST per invited user, so the host application can
 * notify people its own way (mail, SMS, its app). Signed Stripe-style:
 *
 *   Urbania-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(INVITE_WEBHOOK_SECRET, "<t>.<raw body>")>
 *
 * Retried with backoff on network errors, timeouts, 408, 429 and 5xx (the same `Urbania-Webhook-Id` each time, so
 * the receiver can drop duplicates); never awaited by room creation.
 */
import { createHmac, randomBytes } from 'node:crypto';
import type { Logger } from '../logger.js';
import type { Invitation } from './schemas.js';

export const WEBHOOK_SIGNATURE_HEADER = 'Urbania-Signature';
export const WEBHOOK_ID_HEADER = 'Urbania-Webhook-Id';
export const DEFAULT_RETRY_DELAYS_MS = [1_000, 5_000, 25_000];
const TIMEOUT_MS = 5_000;

/** The webhook body: the invitation, for whom, with an id stable across retries. */
export interface InvitationWebhookBody extends Invitation {
  type: 'invitation';
  id: string;
  user_id: string;
}

export function signatureHeader(secret: string, rawBody: string, timestampSeconds: number): string {
  const v1 = createHmac('sha256', secret).update(`${timestampSeconds}.${rawBody}`).digest('hex');
  return `t=${timestampSeconds},v1=${v1}`;
}

export interface InviteWebhookOptions {
  url: string;
  secret: string;
  logger: Logger;
  /** Waits before each retry; its length is the number of retries. */
  retryDelaysMs?: number[];
  timeoutMs?: number;
}

export class InviteWebhook {
  private readonly retryDelaysMs: number[];
  private readonly timeoutMs: number;

  constructor(private readonly options: InviteWebhookOptions) {
    this.retryDelaysMs = options.retryDelaysMs ?? DEFAULT_RETRY_DELAYS_MS;
    this.timeoutMs = options.timeoutMs ?? TIMEOUT_MS;
  }

  /** Delivers one invitation for `userId`; resolves true once a 2xx came back, false after the last attempt. Never rejects. */
  async deliver(userId: string, invitation: Invitation): Promise<boolean> {
    const body: InvitationWebhookBody = {
      type: 'invitation',
      id: `inv_${randomBytes(12).toString('base64url')}`,
      user_id: userId,
      ...invitation,
    };
    const raw = JSON.stringify(body);
    const log = this.options.logger;
    for (let attempt = 0; ; attempt++) {
      let outcome: string;
      let retryable: boolean;
      try {
        const res = await fetch(this.options.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'user-agent': 'urbania-meet-webhook/1',
            [WEBHOOK_ID_HEADER]: body.id,
            [WEBHOOK_SIGNATURE_HEADER]: signatureHeader(this.options.secret, raw, Math.floor(Date.now() / 1000)),
          },
          body: raw,
          signal: AbortSignal.timeout(this.timeoutMs),
        });
        await res.body?.cancel().catch(() => {});
        if (res.ok) return true;
        outcome = `HTTP ${res.status}`;
        retryable = res.status === 408 || res.status === 429 || res.status >= 500;
      } catch (err) {
        outcome = err instanceof Error ? err.message : String(err);
        retryable = true;
      }
      const delay = this.retryDelaysMs[attempt];
      if (!retryable || delay === undefined) {
        log.warn({ webhookId: body.id, room: invitation.room_name, user: userId, outcome, attempts: attempt + 1 }, 'invitation webhook failed');
        return false;
      }
      log.info({ webhookId: body.id, outcome, retryInMs: delay }, 'invitation webhook: retrying');
      await new Promise((r) => setTimeout(r, delay));
    }
  }
}
