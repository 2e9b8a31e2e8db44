import type { webcrypto } from 'node:crypto';
import {
  createRemoteJWKSet,
  decodeProtectedHeader,
  errors as joseErrors,
  jwtVerify,
  type JWTPayload,
  type JWTVerifyOptions,
} from 'jose';
import { LRUCache } from 'lru-cache';
import type { Config } from './config.js';
import { errors } from './errors.js';
import type { User } from './model.js';

/** Turns the Urbania bearer token into a verified user, or throws a 401 ApiError. */
export type UserVerifier = (bearerToken: string) => Promise<User>;

// A user id must be usable as a LiveKit identity and as a plain string value in a query.
export const USER_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._@:|+-]{0,127}$/;

/**
 * Seconds of clock difference accepted on `exp`, `nbf` and `iat`: the host application's clock and ours
 * are never exactly equal, and a token used the instant it is minted must not be refused.
 */
export const CLOCK_TOLERANCE_SECONDS = 5;

/** Demo-login tokens: `kid` and `iss` that say "signed by this service's demo login, with its own secret". */
export const DEMO_TOKEN_KID = 'urbania-meet-demo';
export const DEMO_TOKEN_ISSUER = 'urbania-meet-demo';

/** The HMAC key for an HS256 secret, imported once (handing jose raw bytes re-imports it per call). */
export function hmacKey(secret: string, usage: 'sign' | 'verify'): Promise<webcrypto.CryptoKey> {
  return crypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [usage]);
}

/**
 * HS256 with a shared secret, or RS256/ES256 from a JWKS URL. Algorithms are pinned so a token
 * cannot choose its own (no `none`, no HS/RS confusion).
 */
export function createUserVerifier(auth: Config['auth']): UserVerifier {
  const options: JWTVerifyOptions = {
    algorithms: auth.jwtSecret ? ['HS256'] : ['RS256', 'ES256'],
    ...(auth.issuer && { issuer: auth.issuer }),
    ...(auth.audience && { audience: auth.audience }),
    requiredClaims: ['sub', 'exp'],
    clockTolerance: CLOCK_TOLERANCE_SECONDS,
  };
  let verifyUrbania: (token: string) => Promise<JWTPayload>;
  if (auth.jwtSecret) {
    const key = hmacKey(auth.jwtSecret, 'verify');
    verifyUrbania = async (token) => (await jwtVerify(token, await key, options)).payload;
  } else {
    const jwks = createRemoteJWKSet(new URL(auth.jwksUrl!), { timeoutDuration: 3000, cooldownDuration: 30_000 });
    verifyUrbania = async (token) => (await jwtVerify(token, jwks, options)).payload;
  }
  let verify = verifyUrbania;
  if (auth.demoSecret) {
    // The demo login (development only) signs with its own secret; its tokens say so in `kid`.
    const demoKey = hmacKey(auth.demoSecret, 'verify');
    const demoOptions: JWTVerifyOptions = {
      algorithms: ['HS256'],
      issuer: DEMO_TOKEN_ISSUER,
      requiredClaims: ['sub', 'exp'],
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
    };
    verify = async (token) =>
      decodeProtectedHeader(token).kid === DEMO_TOKEN_KID
        ? (await jwtVerify(token, await demoKey, demoOptions)).payload
        : verifyUrbania(token);
  }

  // A host page sends the same token on every call: remember a verified token (keyed by its exact
  // text, so nothing else can match it) until it expires, at most VERIFIED_CACHE_MS.
  const verified = new LRUCache<string, { user: User; expiresAt: number }>({ max: VERIFIED_CACHE_SIZE });

  return async (token) => {
    const cached = verified.get(token);
    if (cached && cached.expiresAt > Date.now()) return cached.user;
    let payload: JWTPayload;
    try {
      payload = await verify(token);
    } catch (err) {
      throw errors.unauthorized(describeJoseError(err));
    }
    const id = payload.sub;
    if (typeof id !== 'string' || !USER_ID_PATTERN.test(id)) {
      throw errors.unauthorized('The token subject is not a valid user id');
    }
    const nameClaim = payload['name'] ?? payload['preferred_username'];
    const name = typeof nameClaim === 'string' && nameClaim.trim() !== '' ? nameClaim.trim().slice(0, 128) : id;
    const user = { id, name };
    verified.set(token, { user, expiresAt: Math.min(payload.exp! * 1000, Date.now() + VERIFIED_CACHE_MS) });
    return user;
  };
}

const VERIFIED_CACHE_SIZE = 50_000;
const VERIFIED_CACHE_MS = 60_000;

function describeJoseError(err: unknown): string {
  if (err instanceof joseErrors.JWTExpired) return 'The Urbania token has expired';
  if (err instanceof joseErrors.JWTClaimValidationFailed) return `The Urbania token is not accepted: ${err.message}`;
  if (err instanceof joseErrors.JOSEAlgNotAllowed) return 'The Urbania token uses an algorithm that is not allowed';
  if (err instanceof joseErrors.JWKSTimeout || err instanceof joseErrors.JWKSNoMatchingKey) {
    return 'The Urbania token could not be verified against the identity provider keys';
  }
  return 'The Urbania token is invalid';
}

/** Extracts the token from `Authorization: Bearer <token>`; undefined when absent or malformed. */
export function bearerToken(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const match = /^Bearer\s+([A-Za-z0-9\-_=]+\.[A-Za-z0-9\-_=]+\.[A-Za-z0-9\-_=]*)\s*$/i.exec(header);
  return match?.[1];
}
