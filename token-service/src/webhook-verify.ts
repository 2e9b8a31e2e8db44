import { createHash, timingSafeEqual } from 'node:crypto';
import { TokenVerifier, WebhookEvent } from 'livekit-server-sdk';

/** Why a webhook was refused: its signature (→ 401) or, once signed, a body that is not a LiveKit event (→ 400). */
export class WebhookRejectedError extends Error {
  constructor(
    readonly reason: 'signature' | 'body',
    message: string,
  ) {
    super(message);
    this.name = 'WebhookRejectedError';
  }
}

/**
 * LiveKit's webhook check, in two steps that fail differently: first the signature (`Authorization` is a
 * JWT signed with the API secret whose `sha256` claim is the base64 SHA-256 of the raw body), and only then
 * the body. The SDK's WebhookReceiver does both at once and throws the same kind of error for either, so a
 * correctly signed but malformed body could not be told from a forgery.
 */
export function webhookVerifier(apiKey: string, apiSecret: string) {
  const verifier = new TokenVerifier(apiKey, apiSecret);
  return async (rawBody: string, authorization: string | undefined): Promise<WebhookEvent> => {
    if (!authorization) throw new WebhookRejectedError('signature', 'The webhook has no Authorization header');
    let signedHash: string | undefined;
    try {
      signedHash = (await verifier.verify(authorization)).sha256;
    } catch {
      throw new WebhookRejectedError('signature', 'The webhook signature is invalid');
    }
    const hash = createHash('sha256').update(rawBody).digest();
    const claimed = Buffer.from(signedHash ?? '', 'base64');
    if (claimed.length !== hash.length || !timingSafeEqual(claimed, hash)) {
      throw new WebhookRejectedError('signature', 'The webhook signature does not match its body');
    }
    try {
      return WebhookEvent.fromJson(JSON.parse(rawBody), { ignoreUnknownFields: true });
    } catch (err) {
      throw new WebhookRejectedError('body', `The webhook body is not a LiveKit event: ${err instanceof Error ? err.message : String(err)}`);
    }
  };
}
