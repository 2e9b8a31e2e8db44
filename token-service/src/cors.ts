import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';

export interface CorsOptions {
  origins: string[];
  allowHeaders: string[];
  /** Response headers a page may read (besides the CORS-safelisted ones). */
  exposeHeaders: string[];
  maxAgeSeconds: number;
}

/**
 * CORS for the API. Preflights (OPTIONS) are answered by Hono's `cors` middleware. For every other request the
 * headers an actual CORS response needs (`Access-Control-Allow-Origin` for an allowed origin,
 * `Access-Control-Expose-Headers`, `Vary: Origin`) are set before the handler runs, which is what Hono's middleware does too, but without touching the response
 * afterwards: Hono's `cors` appends `Vary` once the handler has answered, and a header set on a finished response
 * makes Hono rebuild it as a stream (`new Response(res.body, res)`), so @hono/node-server can no longer write it
 * in one go. Measured on POST /api/livekit/token: that rebuild alone cost about a third of the service's CPU per
 * request (bench/token-service, CPU µs per request).
 */
export function corsMiddleware(options: CorsOptions): MiddlewareHandler {
  const allowed = new Set(options.origins);
  const expose = options.exposeHeaders.join(', ');
  const preflight = cors({ origin: options.origins, allowHeaders: options.allowHeaders, maxAge: options.maxAgeSeconds });
  return async (c, next) => {
    if (c.req.method === 'OPTIONS') return preflight(c, next);
    const origin = c.req.header('origin');
    if (origin && allowed.has(origin)) {
      c.header('Access-Control-Allow-Origin', origin);
      if (expose) c.header('Access-Control-Expose-Headers', expose);
    }
    c.header('Vary', 'Origin');
    await next();
  };
}
