/**
 * The floor for POST /api/livekit/token on this machine: a bare Hono handler that only verifies the
 * user JWT (jose HS256) and mints a LiveKit token (AccessToken.toJwt). No validation, store, rate limit,
 * logging or CORS. The bench runs it beside the real service in the same run, so the ratio between
 * the two says what our stack costs, whatever else the machine is doing.
 * Plain JavaScript run by plain `node`, as production runs the service (token-service/dist/, compiled):
 * under a TypeScript loader (tsx) the same handler serves about half as many requests.
 */
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { jwtVerify } from 'jose';
import { AccessToken } from 'livekit-server-sdk';

const port = Number(process.env.PORT);
const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(process.env.AUTH_JWT_SECRET), { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);
const app = new Hono();
app.get('/healthz', (c) => c.json({ status: 'ok' }));
app.post('/api/livekit/token', async (c) => {
  const { payload } = await jwtVerify(c.req.header('authorization').slice(7), key, { algorithms: ['HS256'] });
  const body = await c.req.json();
  const at = new AccessToken(process.env.LIVEKIT_API_KEY, process.env.LIVEKIT_API_SECRET, { identity: payload.sub, name: body.username, ttl: 600 });
  at.addGrant({ room: body.room_name, roomJoin: true, canPublish: true, canSubscribe: true });
  return c.json({ token: await at.toJwt(), url: process.env.LIVEKIT_PUBLIC_URL, room_name: body.room_name });
});
serve({ fetch: app.fetch, port, hostname: '127.0.0.1' });
process.on('SIGTERM', () => process.exit(0)); // exits cleanly (and writes a CPU profile under BENCH_PROFILE)
