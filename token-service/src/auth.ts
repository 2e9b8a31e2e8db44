import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTPayload, type JWTVerifyOptions } from 'jose';
import { LRUCache } from 'lru-cache';
import type { Config } from './config.js';
import { errors } from './errors.js';
import type { User } from './model.js';

/** Turns the Urbania bearer token into a verified user, or throws a 401 ApiError. */
export type UserVerifier = (bearerToken: string) => Promise<User>;

// A user id must be usable as a LiveKit identity and as a plain string value in a query.
export const USER_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._@:|+-]{0,127}$/;

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
  };
  let verify: (token: string) => Promise<JWTPayload>;
  if (auth.jwtSecret) {
    // Imported once: handing jose the raw bytes would re-import the key on every request.
    const key = crypto.subtle.importKey('raw', new TextEncoder().encode(auth.jwtSecret), { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);
    verify = async (token) => (await jwtVerify(token, await key, options)).payload;
  } else {
    const jwks = createRemoteJWKSet(new URL(auth.jwksUrl!), { timeoutDuration: 3000, cooldownDuration: 30_000 });
    verify = async (token) => (await jwtVerify(token, jwks, options)).payload;
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
