import { RoomServiceClient } from 'livekit-server-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../src/config.js';
import { HAND_ATTRIBUTE } from '../src/hands.js';
import { buildApp, call, userToken, sfuConfig, uniqueName } from './helpers/app.js';
import { SignalClient } from './helpers/signal-client.js';
import { startLiveKit, type LiveKitServer } from '../../scripts/kit/index.mjs';
import { until } from './helpers/until.js';

// Raised hands: the grant lets a participant set its own hand attribute on the real SFU; the host lowers it through
// POST /rooms/{room_name}/participants/{identity}/lower-hand (app.request()), which the SFU then no longer has.
let livekit: LiveKitServer;
let config: Config;
let app: ReturnType<typeof buildApp>['app'];
let roomService: RoomServiceClient;
let alice: string, bob: string, carol: string, mallory: string;

beforeAll(async () => {
  livekit = await startLiveKit();
  config = sfuConfig(livekit);
  ({ app } = buildApp(config));
  roomService = new RoomServiceClient(livekit.httpUrl, livekit.apiKey, livekit.apiSecret);
  [alice, bob, carol, mallory] = await Promise.all([
    userToken('alice', 'Alice'),
    userToken('bob', 'Bob'),
    userToken('carol', 'Carole'),
    userToken('mallory', 'Mallory'),
  ]);
});
afterAll(async () => livekit?.stop());

const lowerHand = (token: string, room: string, identity: string) =>
  call(app, 'POST', `/api/livekit/rooms/${room}/participants/${encodeURIComponent(identity)}/lower-hand`, { token });

async function joinSfu(room: string, token: string) {
  const join = await call(app, 'POST', `/api/livekit/rooms/${room}/join`, { token });
  expect(join.status).toBe(200);
  return (await SignalClient.connect(livekit.wsUrl, join.json.token)).client;
}

async function handOf(room: string, identity: string): Promise<string | undefined> {
  const p = (await roomService.listParticipants(room)).find((x) => x.identity === identity);
  return p?.attributes[HAND_ATTRIBUTE];
}

describe('POST /api/livekit/rooms/{room_name}/participants/{identity}/lower-hand', () => {
  it('404 room_not_found for an unknown room, 400 for a bad identity', async () => {
    const unknown = await lowerHand(alice, uniqueName('no-such-room'), 'bob');
    expect(unknown.status).toBe(404);
    expect(unknown.json.error.code).toBe('room_not_found');
    const name = uniqueName('hands-bad');
    await call(app, 'POST', '/api/livekit/rooms', { token: alice, body: { room_name: name, participants: ['bob'] } });
    const bad = await lowerHand(alice, name, 'bad identity!');
    expect(bad.status).toBe(400);
    expect(bad.json.error.code).toBe('invalid_request');
  });

  it('403 forbidden for a participant who is not the host, 404 for someone not invited (no existence oracle); 401 without a token', async () => {
    const name = uniqueName('hands-403');
    await call(app, 'POST', '/api/livekit/rooms', { token: alice, body: { room_name: name, participants: ['bob', 'carol'] } });
    const participant = await lowerHand(bob, name, 'carol');
    expect(participant.status).toBe(403);
    expect(participant.json.error.code).toBe('forbidden');
    const outsider = await lowerHand(mallory, name, 'carol');
    expect(outsider.status).toBe(404);
    expect(outsider.json.error.code).toBe('room_not_found');
    expect((await call(app, 'POST', `/api/livekit/rooms/${name}/participants/carol/lower-hand`)).status).toBe(401);
  });

  it('200 for the host, also for someone who is not in the call (no hand is up)', async () => {
    const name = uniqueName('hands-absent');
    await call(app, 'POST', '/api/livekit/rooms', { token: alice, body: { room_name: name, participants: ['bob'] } });
    const res = await lowerHand(alice, name, 'bob');
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ room_name: name, identity: 'bob', hand_raised: false });
  });

  it('is in /openapi.json, with its path parameters', async () => {
    const spec = (await call(app, 'GET', '/openapi.json')).json;
    const op = spec.paths['/api/livekit/rooms/{room_name}/participants/{identity}/lower-hand']?.post;
    expect(op.parameters.map((p: { name: string; in: string }) => `${p.in}:${p.name}`)).toEqual(['path:room_name', 'path:identity']);
    expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['200', '403', '404']));
  });
});

describe('raised hands on the real SFU', () => {
  it('a participant raises its own hand; a non-host cannot lower it; the host lowers it and the SFU drops the attribute', async () => {
    const name = uniqueName('hands-sfu');
    await call(app, 'POST', '/api/livekit/rooms', { token: alice, body: { room_name: name, participants: ['bob', 'carol'] } });
    const bobClient = await joinSfu(name, bob);
    try {
      const raisedAt = new Date().toISOString();
      expect(await bobClient.updateOwn({ attributes: { [HAND_ATTRIBUTE]: raisedAt } })).toBe('ok');
      expect(await until(() => handOf(name, 'bob'), (v) => v === raisedAt)).toBe(raisedAt);

      expect((await lowerHand(carol, name, 'bob')).status).toBe(403);
      expect(await handOf(name, 'bob')).toBe(raisedAt);

      const res = await lowerHand(alice, name, 'bob');
      expect(res.status).toBe(200);
      expect(await until(() => handOf(name, 'bob'), (v) => v === undefined)).toBeUndefined();
      // Only that attribute goes: the participant is still in the call.
      expect((await roomService.listParticipants(name)).map((p) => p.identity)).toEqual(['bob']);
    } finally {
      bobClient.close();
    }
  });

  it("a webinar's audience member may raise a hand (the usual way onto the stage), still without publishing", async () => {
    const name = uniqueName('hands-webinar');
    // A webinar: alice (creator) speaks, bob is the audience.
    await call(app, 'POST', '/api/livekit/rooms', { token: alice, body: { room_name: name, participants: ['bob'], speakers: ['alice'] } });
    const audience = await joinSfu(name, bob);
    try {
      expect(await audience.updateOwn({ attributes: { [HAND_ATTRIBUTE]: new Date().toISOString() } })).toBe('ok');
      expect(await until(() => handOf(name, 'bob'), Boolean)).toBeTruthy();
      expect(await audience.requestPublish('microphone')).toBe('refused');
    } finally {
      audience.close();
    }
  });
});
