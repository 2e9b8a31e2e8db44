import { serve, type ServerType } from '@hono/node-server';
import { AccessToken, RoomServiceClient } from 'livekit-server-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../src/config.js';
import { LiveKitGateway } from '../src/livekit.js';
import { MemoryRoomStore } from '../src/store/memory.js';
import { buildApp, call, userToken, sfuConfig, uniqueName } from './helpers/app.js';
import { freeTcpPort, startLiveKit, type LiveKitServer } from '../../scripts/kit/index.mjs';
import { SignalClient, expectAudienceRefusedSpeakerPublishes } from './helpers/signal-client.js';
import { until } from './helpers/until.js';

// What the real SFU accepts and refuses, and its real webhooks reaching a running service.
let livekit: LiveKitServer;
let server: ServerType;
let config: Config;
let app: ReturnType<typeof buildApp>['app'];
let store: MemoryRoomStore;
let roomService: RoomServiceClient;
let alice: string, bob: string, carol: string;

beforeAll(async () => {
  const servicePort = await freeTcpPort();
  livekit = await startLiveKit({ webhookUrl: `http://127.0.0.1:${servicePort}/api/livekit/webhooks` });
  config = sfuConfig(livekit);
  store = new MemoryRoomStore();
  ({ app } = buildApp(config, { store }));
  server = serve({ fetch: app.fetch, port: servicePort, hostname: '127.0.0.1' });
  roomService = new RoomServiceClient(livekit.httpUrl, livekit.apiKey, livekit.apiSecret);
  [alice, bob, carol] = await Promise.all([userToken('alice', 'Alice'), userToken('bob', 'Bob'), userToken('carol', 'Carole')]);
});
afterAll(async () => {
  await new Promise((r) => server?.close(r));
  await livekit?.stop();
});


async function validate(token: string) {
  const res = await fetch(`${livekit.httpUrl}/rtc/validate?access_token=${encodeURIComponent(token)}`);
  return { status: res.status, body: (await res.text()).trim() };
}

async function rawToken(room: string, identity: string, ttl: number | string = 600) {
  const at = new AccessToken(livekit.apiKey, livekit.apiSecret, { identity, ttl });
  at.addGrant({ room, roomJoin: true, canPublish: true, canSubscribe: true });
  return at.toJwt();
}

describe('the real LiveKit server', () => {
  it('has the room the service created, with the configured limits', async () => {
    const name = uniqueName('sfu-room');
    expect((await call(app, 'POST', '/api/livekit/rooms', { token: alice, body: { room_name: name, participants: ['bob'], call_type: 'video' } })).status).toBe(201);
    const [room] = await roomService.listRooms([name]);
    expect(room?.name).toBe(name);
    expect(room?.emptyTimeout).toBe(config.room.emptyTimeoutSeconds);
    expect(room?.maxParticipants).toBe(config.room.maxParticipants);
  });

  it('accepts a token the service minted (/rtc/validate)', async () => {
    const name = uniqueName('sfu-accept');
    await call(app, 'POST', '/api/livekit/rooms', { token: alice, body: { room_name: name, participants: ['bob'], call_type: 'video' } });
    const join = await call(app, 'POST', `/api/livekit/rooms/${name}/join`, { token: bob });
    expect(await validate(join.json.token)).toEqual({ status: 200, body: 'success' });
  });

  it('refuses a token for a room that was never created (auto_create is off)', async () => {
    const res = await validate(await rawToken(uniqueName('never-created'), 'bob'));
    expect(res.status).toBe(404);
  });

  it('refuses a token expired more than a minute ago, and allows ~60 s of leeway', async () => {
    const name = uniqueName('sfu-expiry');
    await roomService.createRoom({ name });
    // A token that expired 10 s ago still passes (leeway); one expired 90 s ago does not.
    const recentlyExpired = await signedExpiredToken(name, 10);
    const longExpired = await signedExpiredToken(name, 90);
    expect((await validate(recentlyExpired)).status).toBe(200);
    expect((await validate(longExpired)).status).toBe(401);
  });

  it('lets a webinar speaker publish and refuses a publish from the audience', async () => {
    const name = uniqueName('sfu-webinar');
    await call(app, 'POST', '/api/livekit/rooms', {
      token: alice,
      body: { room_name: name, participants: ['bob', 'carol'], call_type: 'video', speakers: ['carol'] },
    });
    const audience = await call(app, 'POST', `/api/livekit/rooms/${name}/join`, { token: bob });
    const speaker = await call(app, 'POST', `/api/livekit/rooms/${name}/join`, { token: carol });
    await expectAudienceRefusedSpeakerPublishes(livekit.wsUrl, audience.json.token, speaker.json.token);
  });

  it('refuses a camera in an audio room', async () => {
    const name = uniqueName('sfu-audio');
    await call(app, 'POST', '/api/livekit/rooms', { token: alice, body: { room_name: name, participants: ['bob'], call_type: 'audio' } });
    const join = await call(app, 'POST', `/api/livekit/rooms/${name}/join`, { token: bob });
    const { client } = await SignalClient.connect(livekit.wsUrl, join.json.token);
    try {
      expect(await client.requestPublish('camera')).toBe('refused');
      expect(await client.requestPublish('microphone')).toBe('published');
    } finally {
      client.close();
    }
  });

  it('refuses a screen share in an audio room; accepts it in a video room', async () => {
    const audio = uniqueName('sfu-screen-audio');
    const video = uniqueName('sfu-screen-video');
    await call(app, 'POST', '/api/livekit/rooms', { token: alice, body: { room_name: audio, participants: ['bob'], call_type: 'audio' } });
    await call(app, 'POST', '/api/livekit/rooms', { token: alice, body: { room_name: video, participants: ['bob'], call_type: 'video' } });
    const inAudio = await SignalClient.connect(livekit.wsUrl, (await call(app, 'POST', `/api/livekit/rooms/${audio}/join`, { token: bob })).json.token);
    const inVideo = await SignalClient.connect(livekit.wsUrl, (await call(app, 'POST', `/api/livekit/rooms/${video}/join`, { token: bob })).json.token);
    try {
      expect(await inAudio.client.requestPublish('screen_share')).toBe('refused');
      expect(await inVideo.client.requestPublish('screen_share')).toBe('published');
    } finally {
      inAudio.client.close();
      inVideo.client.close();
    }
  });

  it('sends webhooks the service verifies: room_finished clears the room’s presence', async () => {
    // participant_joined needs media (ICE) to fire, which the browser suite covers; room_finished needs none.
    const name = uniqueName('sfu-finished');
    await call(app, 'POST', '/api/livekit/rooms', { token: alice, body: { room_name: name, participants: ['bob'], call_type: 'video' } });
    await store.setPresence(name, { identity: 'bob', name: 'Bob' }, true, Date.now() - 60_000);
    expect((await call(app, 'GET', `/api/livekit/rooms/${name}`, { token: alice })).json.connected).toHaveLength(1);
    await roomService.deleteRoom(name);
    const after = await until(
      async () => (await call(app, 'GET', `/api/livekit/rooms/${name}`, { token: alice })).json.connected,
      (c: unknown[]) => c.length === 0,
    );
    expect(after).toEqual([]);
  });

  it('leave removes the participant from the SFU', async () => {
    const name = uniqueName('sfu-leave');
    await call(app, 'POST', '/api/livekit/rooms', { token: alice, body: { room_name: name, participants: ['bob'], call_type: 'video' } });
    const join = await call(app, 'POST', `/api/livekit/rooms/${name}/join`, { token: bob });
    const { client } = await SignalClient.connect(livekit.wsUrl, join.json.token);
    try {
      expect((await roomService.listParticipants(name)).map((p) => p.identity)).toEqual(['bob']);
      expect((await call(app, 'POST', `/api/livekit/rooms/${name}/leave`, { token: bob })).status).toBe(200);
      const left = await until(() => roomService.listParticipants(name), (p) => p.length === 0);
      expect(left).toEqual([]);
    } finally {
      client.close();
    }
  });

  it('the gateway reports LiveKit reachable', async () => {
    await expect(new LiveKitGateway(config).ping()).resolves.toBeUndefined();
  });
});

describe('rooms the SFU closes', () => {
  it('are created again at the next join once LiveKit reports room_finished (the service remembers rooms otherwise)', async () => {
    const room = uniqueName('closed');
    expect((await call(app, 'POST', '/api/livekit/rooms', { token: alice, body: { room_name: room, participants: ['bob'], call_type: 'video' } })).status).toBe(201);
    const first = await call(app, 'POST', `/api/livekit/rooms/${room}/join`, { token: bob });
    expect(await validate(first.json.token)).toEqual({ status: 200, body: 'success' });

    await roomService.deleteRoom(room); // LiveKit closes it and sends room_finished to the service
    expect((await validate(first.json.token)).status).toBe(404);
    // The webhook arrives within moments; the remembered room would otherwise be trusted for 15 s.
    const accepted = await until(
      async () => validate((await call(app, 'POST', `/api/livekit/rooms/${room}/join`, { token: bob })).json.token),
      (v) => v.status === 200,
      5_000,
    );
    expect(accepted).toEqual({ status: 200, body: 'success' });
  });
});

// Last: it restarts the SFU under the other tests' feet.
describe('after the SFU crashes and restarts', () => {
  it('a join through the service right away gets a token the SFU accepts (the room is created again)', async () => {
    const room = uniqueName('crash');
    expect((await call(app, 'POST', '/api/livekit/rooms', { token: alice, body: { room_name: room, participants: ['bob'], call_type: 'video' } })).status).toBe(201);
    const before = await call(app, 'POST', `/api/livekit/rooms/${room}/join`, { token: bob });
    expect(await validate(before.json.token)).toEqual({ status: 200, body: 'success' });

    await livekit.restart(); // the SFU forgets every room (it restarts in well under the 1 s periodic check)
    expect((await validate(before.json.token)).status).toBe(404);

    const after = await call(app, 'POST', `/api/livekit/rooms/${room}/join`, { token: bob });
    expect(after.status).toBe(200);
    expect(await validate(after.json.token)).toEqual({ status: 200, body: 'success' });
    const viaTokenEndpoint = await call(app, 'POST', '/api/livekit/token', { token: alice, body: { room_name: room, user_id: 'alice', username: 'Alice' } });
    expect(await validate(viaTokenEndpoint.json.token)).toEqual({ status: 200, body: 'success' });
  });
});

/** A token whose exp is `secondsAgo` in the past, signed with the server's key. */
async function signedExpiredToken(room: string, secondsAgo: number): Promise<string> {
  const { SignJWT } = await import('jose');
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ video: { room, roomJoin: true }, name: 'late' })
    .setProtectedHeader({ alg: 'HS256' })
    .setIssuer(livekit.apiKey)
    .setSubject('late')
    .setNotBefore(now - 600)
    .setExpirationTime(now - secondsAgo)
    .sign(new TextEncoder().encode(livekit.apiSecret));
}
