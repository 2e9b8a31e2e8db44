import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorBody, ErrorCode } from './schemas.js';

export type { ErrorCode };

/** The one error body: `{error: {code, message}}`, the code from the schema's list. */
export function errorBody(code: ErrorCode, message: string): ErrorBody {
  return { error: { code, message } };
}

/** An error meant for the client: onError turns it into `{error: {code, message}}` with its status. */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ErrorCode,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** A dependency (MongoDB, LiveKit) cannot answer right now; the client should retry later (503). */
export class DependencyUnavailableError extends Error {
  constructor(
    readonly dependency: 'store' | 'livekit',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'DependencyUnavailableError';
  }
}

export const RETRY_AFTER_SECONDS = 5;

export const errors = {
  badRequest: (message: string) => new ApiError(400, 'invalid_request', message),
  unauthorized: (message = 'A valid Urbania bearer token is required') => new ApiError(401, 'unauthorized', message),
  forbidden: (message: string) => new ApiError(403, 'forbidden', message),
  roomNotFound: (name: string) => new ApiError(404, 'room_not_found', `Room "${name}" does not exist`),
  roomLocked: (name: string) =>
    new ApiError(423, 'room_locked', `Room "${name}" is locked by its host: nobody new may join until it is unlocked`),
  participantNotFound: (name: string, identity: string) =>
    new ApiError(404, 'participant_not_found', `"${identity}" is not in room "${name}"`),
  trackNotFound: (name: string, identity: string, source: string) =>
    new ApiError(404, 'track_not_found', `"${identity}" publishes no ${source} track in room "${name}"`),
  roomExists: (name: string) => new ApiError(409, 'room_exists', `Room "${name}" already exists`),
  idempotencyKeyReused: (key: string) =>
    new ApiError(
      409,
      'idempotency_key_reused',
      `Idempotency-Key "${key}" was already used for a different request; send a new key for a new request`,
    ),
};
