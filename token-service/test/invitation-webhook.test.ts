// The signed invitation webhook: one POST per invited user, `Urbania-Signature: t=…,v1=…` verified here the way
// API.md tells receivers to; retried on 5xx with the same id; never holding up room creation.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNotify } from '../src/invitations/setup.js';
import { createLogger } from '../src/logger.js';
import { AcceptingSfu } from './helpers/accepting-sfu.js';
import { buildApp, call, testConfig, userToken } from './helpers/app.js';
import { startEndpoint, type Endpoint } from './helpers/https-endpoint.js';

// Random per run: no fixed secret in the repository (src/published-secrets.test.ts).
const SECRET = randomBytes(32).toString('hex');

/** The receiver's check, as documented in API.md: recompute the HMAC over "<t>.<raw body>", compare in constant time, bound the age. */
function verifySignature(header: string, rawBody: string, secret: string, toleranceSeconds = 300): boolean {
  const parts = Object.fromEntries(header.split(',').map((kv) => kv.split('=') as [string, string]));
  const t = Number(parts['t']);
  if (!Number.isInteger(t) || Math.abs(Date.now() / 1000 - t) > toleranceSeconds || !parts['v1']) return false;
  const expected = createHmac('sha256', secret).update(`${t}.${rawBody}`).digest();
  const given = Buffer.from(parts['v1'], 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

let receiver: Endpoint;
let attemptsByUser: Record<string, number> = {};
let alice: string;

beforeAll(async () => {
  // bob's first delivery fails with 503 (retried); carol's with 400 (not retried).
  receiver = await startEndpoint({
    https: false,
    respond: (r) => {
      const user = JSON.parse(r.body.toString()).user_id as string;
      const n = (attemptsByUser[user] = (attemptsByUser[user] ?? 0) + 1);
      if (user === 'carol') return 400;
      return user === 'bob' && n === 1 ? 503 : 204;
    },
  });
  alice = await userToken('alice', 'Alice Martin');
});
afterAll(async () => receiver?.close());

function appWithWebhook(url: string) {
  const config = testConfig({ INVITE_WEBHOOK_URL: url, INVITE_WEBHOOK_SECRET: SECRET });
  const notify = createNotify(config, createLogger('silent'), { webhookRetryDelaysMs: [50, 100, 200] });
  return { ...buildApp(config, { sfu: new AcceptingSfu(), notify }), notify };
}

describe('invitation webhook', () => {
  it('POSTs one signed invitation per invited user; a 5xx is retried with the same id, a 4xx is not', async () => {
    attemptsByUser = {};
    const { app, notify } = appWithWebhook(`${receiver.url}/hooks/urbania`);
    const room = `hook-${Date.now().toString(36)}`;
    const res = await call(app, 'POST', '/api/livekit/rooms', { token: alice, body: { room_name: room, participants: ['bob', 'carol'], call_type: 'audio' } });
    expect(res.status).toBe(201);
    await notify.invitations.settled();

    const forBob = receiver.received.filter((r) => JSON.parse(r.body.toString()).user_id === 'bob');
    expect(forBob).toHaveLength(2);
    expect(attemptsByUser['carol']).toBe(1);
    expect(attemptsByUser['alice']).toBeUndefined();
    for (const r of forBob) {
      expect(r.method).toBe('POST');
      expect(r.path).toBe('/hooks/urbania');
      expect(r.headers['content-type']).toBe('application/json');
      expect(verifySignature(String(r.headers['urbania-signature']), r.body.toString(), SECRET)).toBe(true);
      // A wrong secret or a changed body fails the same check.
      expect(verifySignature(String(r.headers['urbania-signature']), r.body.toString(), `${SECRET}x`)).toBe(false);
      expect(verifySignature(String(r.headers['urbania-signature']), r.body.toString().replace('audio', 'video'), SECRET)).toBe(false);
    }
    expect(forBob[0]!.headers['urbania-webhook-id']).toBe(forBob[1]!.headers['urbania-webhook-id']);
    expect(JSON.parse(forBob[1]!.body.toString())).toEqual({
      type: 'invitation',
      id: forBob[0]!.headers['urbania-webhook-id'],
      user_id: 'bob',
      room_name: room,
      call_type: 'audio',
      from: { id: 'alice', name: 'Alice Martin' },
      created_at: expect.stringMatching(/^\d{4}-/),
    });
  });

  it('never holds up room creation: the room is answered while the receiver has not answered yet', async () => {
    const pending: ServerResponse[] = [];
    const slow = createServer((req, res) => {
      req.resume();
      pending.push(res);
    });
    await new Promise<void>((r) => slow.listen(0, '127.0.0.1', r));
    try {
      const { app, notify } = appWithWebhook(`http://127.0.0.1:${(slow.address() as AddressInfo).port}/hook`);
      const res = await call(app, 'POST', '/api/livekit/rooms', { token: alice, body: { room_name: `hook-slow-${Date.now().toString(36)}`, participants: ['bob'] } });
      expect(res.status).toBe(201);
      for (let i = 0; i < 250 && pending.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
      expect(pending).toHaveLength(1);
      pending[0]!.writeHead(200).end();
      await notify.invitations.settled();
    } finally {
      slow.closeAllConnections();
      await new Promise((r) => slow.close(r));
    }
  });

  it('gives up after the last retry when the receiver is down, without failing anything', async () => {
    const { app, notify } = appWithWebhook('http://127.0.0.1:9/unreachable');
    const res = await call(app, 'POST', '/api/livekit/rooms', { token: alice, body: { room_name: `hook-down-${Date.now().toString(36)}`, participants: ['bob'] } });
    expect(res.status).toBe(201);
    await notify.invitations.settled();
  });
});
