import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { ApiError } from './errors.js';

/** Refuses a body over `maxBytes` with 413 `payload_too_large` before anything reads it. */
export function limitBody(maxBytes: number): MiddlewareHandler {
  const limit = maxBytes >= 1024 * 1024 ? `${maxBytes / (1024 * 1024)} MB` : `${maxBytes / 1024} KB`;
  return bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw new ApiError(413, 'payload_too_large', `The request body must not exceed ${limit} (${maxBytes} bytes)`);
    },
  });
}
