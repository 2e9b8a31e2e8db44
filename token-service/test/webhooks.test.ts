import { createHash } from 'node:crypto';
import { AccessToken } from 'livekit-server-sdk';
import { beforeAll, describe, expect, it } from 'vitest';
import { sampleRoom } from '../src/store/contract.js';
import type { RoomStore } from '../src/store/types.js';
import { buildApp, call, testConfig, userToken } from './helpers/app.js';

// Webhooks signed exactly as LiveKit signs them: a JWT whose sha256 claim is the hash of the raw body.
const config = testConfig({ LIVEKIT_URL: 'http://127.0.0.1:9' });
let app: ReturnType<typeof buildApp>['app'];
let store: RoomStore;
let alice: string;

beforeAll(async () => {
  ({ app, store } = buildApp(config));
  alice = await userToken('alice', 'Alice');
  await store.createRoom(sampleRoom('standup'));
});

let eventSeq = 0;
function event(kind: string, identity: string | null, createdAtSeconds: number, id = `EV_${++eventSeq}`) {
  return JSON.stringify({
    event: kind,
    id,
    createdAt: String(createdAtSeconds),
    room: { sid: 'RM_standup', name: 'standup' },
    ...(identity && { participant: { sid: `PA_${identity}`, identity, name: identity.toUpperCase() } }),
  });
}

async function sign(body: string, secret = config.livekit.apiSecret): Promise<string> {
  const token = new AccessToken(config.livekit.apiKey, secret);
  token.sha256 = createHash('sha256').update(body).digest('base64');
  return token.toJwt();
}

async function deliver(body: string, authorization?: string) {
  return call(app, 'POST', '/api/livekit/webhooks', {
    rawBody: body,
    headers: { 'content-type': 'application/webhook+json', ...(authorization !== undefined && { authorization }) },
  });
}

const connected = async () => (await call(app, 'GET', '/api/livekit/rooms/standup', { token: alice })).json.connected;

describe('POST /api/livekit/webhooks', () => {
  const t0 = Math.floor(Date.now() / 1000);

  it('a signed participant_joined adds presence; participant_left removes it', async () => {
    const joined = event('participant_joined', 'bob', t0);
    const res = await deliver(joined, await sign(joined));
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ received: true, duplicate: false });
    expect(await connected()).toEqual([{ identity: 'bob', name: 'BOB' }]);

    const left = event('participant_left', 'bob', t0 + 5);
    await deliver(left, await sign(left));
    expect(await connected()).toEqual([]);
  });

  it('a replayed event changes nothing', async () => {
    const joined = event('participant_joined', 'carol', t0 + 10, 'EV_replay_join');
    await deliver(joined, await sign(joined));
    const left = event('participant_left', 'carol', t0 + 10, 'EV_replay_left');
    await deliver(left, await sign(left));
    expect(await connected()).toEqual([]);
    // Same id, same second as the leave: without deduplication it would bring carol back.
    const replay = await deliver(joined, await sign(joined));
    expect(replay.status).toBe(200);
    expect(replay.json.duplicate).toBe(true);
    expect(await connected()).toEqual([]);
  });

  it('an older event arriving late cannot resurrect a participant', async () => {
    const left = event('participant_left', 'dave', t0 + 30);
    const lateJoin = event('participant_joined', 'dave', t0 + 20);
    await deliver(left, await sign(left));
    await deliver(lateJoin, await sign(lateJoin));
    expect(await connected()).toEqual([]);
  });

  it('401 for a bad signature, a missing one, or a body that does not match its hash', async () => {
    const joined = event('participant_joined', 'mallory', t0 + 40);
    const wrongKey = await deliver(joined, await sign(joined, 'not-the-livekit-secret-not-the-livekit-secret'));
    expect(wrongKey.status).toBe(401);
    expect(wrongKey.json.error.code).toBe('unauthorized');
    expect((await deliver(joined)).status).toBe(401);
    const tampered = event('participant_joined', 'eve', t0 + 40);
    expect((await deliver(tampered, await sign(joined))).status).toBe(401);
    expect(await connected()).toEqual([]);
  });

  it('does not need a user token (LiveKit signs it instead)', async () => {
    const joined = event('participant_joined', 'erin', t0 + 50);
    expect((await deliver(joined, await sign(joined))).status).toBe(200);
    const finished = event('room_finished', null, t0 + 60);
    expect((await deliver(finished, await sign(finished))).status).toBe(200);
    expect(await connected()).toEqual([]);
  });
});

describe('a webhook whose effect cannot be stored', () => {
  it('answers 503 and applies LiveKit’s redelivery of the same event', async () => {
    // One failure path: the store refuses the presence write once, as during a database outage.
    const { MemoryRoomStore } = await import('../src/store/memory.js');
    const { DependencyUnavailableError } = await import('../src/errors.js');
    const flaky = new MemoryRoomStore();
    let failNext = true;
    const realSetPresence = flaky.setPresence.bind(flaky);
    flaky.setPresence = async (...args) => {
      if (failNext) {
        failNext = false;
        throw new DependencyUnavailableError('store', 'down');
      }
      return realSetPresence(...args);
    };
    const { app: flakyApp } = buildApp(config, { store: flaky });
    await flaky.createRoom(sampleRoom('standup', { participants: ['alice'] }));
    const joined = event('participant_joined', 'bob', Math.floor(Date.now() / 1000), 'EV_redelivered');
    const post = async () =>
      call(flakyApp, 'POST', '/api/livekit/webhooks', {
        rawBody: joined,
        headers: { 'content-type': 'application/webhook+json', authorization: await sign(joined) },
      });
    const first = await post();
    expect(first.status).toBe(503);
    expect(first.headers.get('retry-after')).toBe('5');
    const redelivery = await post();
    expect(redelivery.json).toEqual({ received: true, duplicate: false });
    expect(await flaky.listPresence('standup')).toEqual([{ identity: 'bob', name: 'BOB' }]);
    expect((await post()).json.duplicate).toBe(true);
  });
});

describe('webhook limits and answers', () => {
  it('accepts a correctly signed 17 KB event (the API limit is 16 KB; webhooks have 1 MB)', async () => {
    const body = JSON.stringify({
      ...JSON.parse(event('participant_joined', 'frank', Math.floor(Date.now() / 1000))),
      // LiveKit sends the participant's metadata and attributes in full.
      participant: { sid: 'PA_frank', identity: 'frank', name: 'FRANK', metadata: 'm'.repeat(17 * 1024) },
    });
    expect(body.length).toBeGreaterThan(17 * 1024);
    const res = await deliver(body, await sign(body));
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ received: true, duplicate: false });
    expect(await connected()).toContainEqual({ identity: 'frank', name: 'FRANK' });
  });

  it('checks the signature before the body: an unsigned [null, null] is 401, a signed one 400', async () => {
    const body = '[null, null]';
    const unsigned = await deliver(body);
    expect(unsigned.status).toBe(401);
    expect(unsigned.json.error.code).toBe('unauthorized');
    const signed = await deliver(body, await sign(body));
    expect(signed.status).toBe(400);
    expect(signed.json.error.code).toBe('invalid_request');
    const notJson = 'not json';
    expect((await deliver(notJson, await sign(notJson))).status).toBe(400);
    expect((await deliver(notJson, await sign('other'))).status).toBe(401);
  });

  it('answers only statuses that /openapi.json documents for the route, and documents each it answers', async () => {
    const { MemoryRoomStore } = await import('../src/store/memory.js');
    const { DependencyUnavailableError } = await import('../src/errors.js');
    const down = new MemoryRoomStore();
    down.markEventProcessed = async () => {
      throw new DependencyUnavailableError('store', 'down');
    };
    const { app: downApp } = buildApp(config, { store: down });
    const seen = new Set<number>();
    const post = async (target: typeof app, body: string, authorization?: string) => {
      const res = await call(target, 'POST', '/api/livekit/webhooks', {
        rawBody: body,
        headers: { 'content-type': 'application/webhook+json', ...(authorization !== undefined && { authorization }) },
      });
      expect(res.json, `${res.status} has a JSON body`).toBeTruthy();
      seen.add(res.status);
    };
    const ok = event('participant_joined', 'gina', Math.floor(Date.now() / 1000));
    await post(app, ok, await sign(ok)); // 200
    await post(app, ok, await sign(ok)); // 200 duplicate
    await post(app, ok); // 401 unsigned
    await post(app, ok, await sign(ok, 'not-the-livekit-secret-not-the-livekit-secret')); // 401
    await post(app, '[null, null]'); // 401
    await post(app, '[null, null]', await sign('[null, null]')); // 400
    await post(app, '{"event": 12}', await sign('{"event": 12}')); // 400
    const huge = JSON.stringify({ event: 'participant_joined', id: 'EV_huge', pad: 'x'.repeat(1024 * 1024) });
    await post(app, huge, await sign(huge)); // 413
    await post(downApp, ok, await sign(ok)); // 503
    const spec = (await call(app, 'GET', '/openapi.json')).json;
    const documented = Object.keys(spec.paths['/api/livekit/webhooks'].post.responses).map(Number);
    expect([...seen].sort()).toEqual([...documented].sort());
  });

  it('a leave followed within the same second by a signed participant_joined leaves the user present (one clock)', async () => {
    // Leaving through the API removes the participant from the SFU; here that SFU call is a no-op.
    const { LiveKitGateway } = await import('../src/livekit.js');
    const real = new LiveKitGateway(config);
    const sfu = new Proxy(real, {
      get: (target, prop, receiver) =>
        prop === 'removeParticipant' ? async () => {} : Reflect.get(target, prop, receiver),
    });
    const { app: rejoinApp, store: rejoinStore } = buildApp(config, { sfu });
    await rejoinStore.createRoom(sampleRoom('standup', { participants: ['alice', 'bob'] }));
    const bob = await userToken('bob', 'Bob');
    const webhook = async (body: string) =>
      call(rejoinApp, 'POST', '/api/livekit/webhooks', {
        rawBody: body,
        headers: { 'content-type': 'application/webhook+json', authorization: await sign(body) },
      });
    const before = Math.floor(Date.now() / 1000) - 5;
    expect((await webhook(event('participant_joined', 'bob', before))).status).toBe(200);
    expect((await call(rejoinApp, 'POST', '/api/livekit/rooms/standup/leave', { token: bob })).status).toBe(200);
    expect(await rejoinStore.listPresence('standup')).toEqual([]);
    // LiveKit stamps the rejoin in whole seconds: the same second as the leave.
    const rejoin = await webhook(event('participant_joined', 'bob', Math.floor(Date.now() / 1000)));
    expect(rejoin.status).toBe(200);
    expect(await rejoinStore.listPresence('standup')).toEqual([{ identity: 'bob', name: 'BOB' }]);
  });
});
