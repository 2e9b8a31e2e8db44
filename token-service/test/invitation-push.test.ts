// Web Push: a subscription saved through the API, an invitation encrypted (RFC 8291 aes128gcm) and signed (VAPID)
// by the web-push package, delivered to a local HTTPS push endpoint stand-in and decrypted here with the
// subscription's private key; a 410 from the push service deletes the subscription.
import { createECDH, randomBytes } from 'node:crypto';
import { decrypt } from 'http_ece';
import { importJWK, jwtVerify } from 'jose';
import webpush from 'web-push';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNotify } from '../src/invitations/setup.js';
import { createLogger } from '../src/logger.js';
import { MemoryPushSubscriptionStore } from '../src/store/push-subscriptions.js';
import { AcceptingSfu } from './helpers/accepting-sfu.js';
import { buildApp, call, testConfig, userToken } from './helpers/app.js';
import { startEndpoint, type Endpoint } from './helpers/https-endpoint.js';

const vapid = webpush.generateVAPIDKeys();
let pushService: Endpoint;
let app: ReturnType<typeof buildApp>['app'];
const subscriptions = new MemoryPushSubscriptionStore();
let alice: string, bob: string, carol: string;

beforeAll(async () => {
  pushService = await startEndpoint({ https: true, respond: (r) => (r.path.startsWith('/gone/') ? 410 : 201) });
  const config = testConfig({ VAPID_PUBLIC_KEY: vapid.publicKey, VAPID_PRIVATE_KEY: vapid.privateKey, VAPID_SUBJECT: 'mailto:ops@urbania.example' });
  const notify = createNotify(config, createLogger('silent'), { pushSubscriptions: subscriptions, pushAgent: pushService.agent! });
  ({ app } = buildApp(config, { sfu: new AcceptingSfu(), notify }));
  [alice, bob, carol] = await Promise.all([userToken('alice', 'Alice Martin'), userToken('bob'), userToken('carol')]);
});
afterAll(async () => pushService?.close());

/** A browser's push subscription: its P-256 key pair and auth secret, the endpoint on the stand-in. */
function browserSubscription(path: string) {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  const auth = randomBytes(16).toString('base64url');
  return {
    ecdh,
    auth,
    json: { endpoint: `${pushService.url}${path}`, expirationTime: null, keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth } },
  };
}

describe('Web Push for invitations', () => {
  it('serves the VAPID public key', async () => {
    const res = await call(app, 'GET', '/api/livekit/push/vapid-public-key', { token: bob });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ public_key: vapid.publicKey });
  });

  it('encrypts the invitation for the subscription and signs it with VAPID; the endpoint gets a real payload', async () => {
    const browser = browserSubscription('/push/bob-1');
    const saved = await call(app, 'POST', '/api/livekit/push/subscriptions', { token: bob, body: browser.json });
    expect(saved.status).toBe(201);
    expect(saved.json).toEqual({ endpoint: browser.json.endpoint });

    const room = `push-${Date.now().toString(36)}`;
    expect((await call(app, 'POST', '/api/livekit/rooms', { token: alice, body: { room_name: room, participants: ['bob'], call_type: 'video' } })).status).toBe(201);
    const req = await pushService.waitFor((r) => r.path === '/push/bob-1');

    expect(req.method).toBe('POST');
    expect(req.headers['content-encoding']).toBe('aes128gcm');
    expect(req.headers['ttl']).toBe('60');
    expect(req.headers['urgency']).toBe('high');
    expect(req.headers['topic']).toMatch(/^[A-Za-z0-9_-]{32}$/);
    // Not readable without the subscription's keys…
    expect(req.body.toString('latin1')).not.toContain(room);
    // …and readable with them.
    const plain = decrypt(req.body, { version: 'aes128gcm', privateKey: browser.ecdh, authSecret: browser.auth });
    expect(JSON.parse(plain.toString('utf8'))).toEqual({
      type: 'invitation',
      room_name: room,
      call_type: 'video',
      from: { id: 'alice', name: 'Alice Martin' },
      created_at: expect.stringMatching(/^\d{4}-/),
    });

    // VAPID (RFC 8292): `vapid t=<ES256 JWT for the endpoint's origin>, k=<our public key>`.
    const match = /^vapid t=([^,]+), k=(.+)$/.exec(String(req.headers['authorization']));
    expect(match?.[2]).toBe(vapid.publicKey);
    const raw = Buffer.from(vapid.publicKey, 'base64url');
    const key = await importJWK({ kty: 'EC', crv: 'P-256', x: raw.subarray(1, 33).toString('base64url'), y: raw.subarray(33).toString('base64url') }, 'ES256');
    const { payload } = await jwtVerify(match![1]!, key, { audience: pushService.url });
    expect(payload.sub).toBe('mailto:ops@urbania.example');
  });

  it('answering sends the other devices an invitation_answered push (same topic, replacing a queued ring)', async () => {
    const browser = browserSubscription('/push/carol-1');
    await call(app, 'POST', '/api/livekit/push/subscriptions', { token: carol, body: browser.json });
    const room = `push-answer-${Date.now().toString(36)}`;
    await call(app, 'POST', '/api/livekit/rooms', { token: alice, body: { room_name: room, participants: ['carol'] } });
    const ring = await pushService.waitFor((r) => r.path === '/push/carol-1');
    expect((await call(app, 'POST', `/api/livekit/invitations/${room}/answer`, { token: carol, body: { answer: 'accepted' } })).status).toBe(200);
    const answered = await pushService.waitFor((r) => r.path === '/push/carol-1' && r !== ring);
    const plain = JSON.parse(decrypt(answered.body, { version: 'aes128gcm', privateKey: browser.ecdh, authSecret: browser.auth }).toString());
    expect(plain).toEqual({ type: 'invitation_answered', room_name: room, answer: 'accepted' });
    expect(answered.headers['topic']).toBe(ring.headers['topic']);
  });

  it('deletes a subscription the push service says is gone (410)', async () => {
    const gone = browserSubscription('/gone/dave-1');
    const dave = await userToken('dave');
    await call(app, 'POST', '/api/livekit/push/subscriptions', { token: dave, body: gone.json });
    expect(await subscriptions.listForUser('dave')).toHaveLength(1);
    await call(app, 'POST', '/api/livekit/rooms', { token: alice, body: { room_name: `push-gone-${Date.now().toString(36)}`, participants: ['dave'] } });
    await pushService.waitFor((r) => r.path === '/gone/dave-1');
    for (let i = 0; i < 100 && (await subscriptions.listForUser('dave')).length > 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(await subscriptions.listForUser('dave')).toEqual([]);
  });

  it('DELETE removes my subscription, never another user\'s', async () => {
    const browser = browserSubscription('/push/erin-1');
    const erin = await userToken('erin');
    await call(app, 'POST', '/api/livekit/push/subscriptions', { token: erin, body: browser.json });
    const byOther = await call(app, 'DELETE', '/api/livekit/push/subscriptions', { token: bob, body: { endpoint: browser.json.endpoint } });
    expect(byOther.json).toEqual({ endpoint: browser.json.endpoint, removed: false });
    const mine = await call(app, 'DELETE', '/api/livekit/push/subscriptions', { token: erin, body: { endpoint: browser.json.endpoint } });
    expect(mine.status).toBe(200);
    expect(mine.json.removed).toBe(true);
    expect(await subscriptions.listForUser('erin')).toEqual([]);
  });

  it.each([
    [{ endpoint: 'http://127.0.0.1:9/push', keys: { p256dh: 'a', auth: 'b' } }, 'endpoint'],
    [{ endpoint: 'https://push.example/x', keys: { p256dh: 'not base64!', auth: 'b' } }, 'keys.p256dh'],
    [{ endpoint: 'https://push.example/x' }, 'keys'],
  ])('refuses a malformed subscription with 400 naming the field (%#)', async (body, field) => {
    const res = await call(app, 'POST', '/api/livekit/push/subscriptions', { token: bob, body });
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe('invalid_request');
    expect(res.json.error.message).toContain(`${field}:`);
  });

  it('without VAPID keys: 404 push_not_configured, and no push is attempted', async () => {
    const { app: plain } = buildApp(testConfig(), { sfu: new AcceptingSfu() });
    for (const [method, path, body] of [
      ['GET', '/api/livekit/push/vapid-public-key', undefined],
      ['POST', '/api/livekit/push/subscriptions', browserSubscription('/push/x').json],
    ] as const) {
      const res = await call(plain, method, path, { token: bob, ...(body && { body }) });
      expect(res.status).toBe(404);
      expect(res.json.error.code).toBe('push_not_configured');
    }
  });
});
