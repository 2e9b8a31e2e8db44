/**
 * Events tickets: `EventSource` cannot send an Authorization header, and the Urbania JWT must not travel in a URL
 * (logs, proxies, history). So the page trades its JWT for a ticket (`POST /api/livekit/events/ticket`) and opens
 * `GET /api/livekit/events?ticket=…` with it. A ticket is signed (HS256, a key derived from the LiveKit API secret,
 * so every replica verifies it), names the user, expires after `ttlSeconds` and is accepted once: its id is
 * recorded in the store (shared by replicas on MongoDB) at first use.
 */
import { hkdfSync, randomBytes } from 'node:crypto';
import { SignJWT, jwtVerify, errors as joseErrors } from 'jose';
import { errors } from '../errors.js';
import type { User } from '../model.js';
import type { RoomStore } from '../store/types.js';

export const EVENTS_TICKET_TTL_SECONDS = 30;
const AUDIENCE = 'urbania-meet-events';

export class EventTickets {
  private readonly key: Uint8Array;

  constructor(
    secret: string,
    private readonly store: Pick<RoomStore, 'markEventProcessed'>,
    readonly ttlSeconds = EVENTS_TICKET_TTL_SECONDS,
  ) {
    // Its own key: a ticket can never pass for a LiveKit token, nor the reverse.
    this.key = new Uint8Array(hkdfSync('sha256', secret, 'urbania-meet', 'events-ticket-v1', 32));
  }

  async issue(user: User): Promise<string> {
    return new SignJWT({ name: user.name })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(user.id)
      .setAudience(AUDIENCE)
      .setJti(randomBytes(16).toString('base64url'))
      .setIssuedAt()
      .setExpirationTime(`${this.ttlSeconds}s`)
      .sign(this.key);
  }

  /** The ticket's user, once; 401 `unauthorized` when missing, forged, expired or already used. */
  async redeem(ticket: string | undefined): Promise<User> {
    if (!ticket) throw errors.unauthorized('Open the events stream with ?ticket= from POST /api/livekit/events/ticket');
    let payload;
    try {
      ({ payload } = await jwtVerify(ticket, this.key, { algorithms: ['HS256'], audience: AUDIENCE, requiredClaims: ['sub', 'jti', 'exp'] }));
    } catch (err) {
      throw errors.unauthorized(
        err instanceof joseErrors.JWTExpired ? 'The events ticket has expired; ask for a new one' : 'The events ticket is invalid',
      );
    }
    if (!(await this.store.markEventProcessed(`events-ticket:${payload.jti}`))) {
      throw errors.unauthorized('The events ticket was already used; ask for a new one');
    }
    return { id: payload.sub!, name: typeof payload['name'] === 'string' ? payload['name'] : payload.sub! };
  }
}
