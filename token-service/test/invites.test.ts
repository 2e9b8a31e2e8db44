import { RoomServiceClient, TokenVerifier } from 'livekit-server-sdk';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Config } from '../src/config.js';
import { MemoryRoomStore } from '../src/store/memory.js';
import { buildApp, call, testConfig, userToken, uniqueName } from './helpers/app.js';
import { SignalClient, expectAudienceRefusedSpeakerPublishes } from './helpers/signal-client.js';
import { startLiveKit, type LiveKitServer } from '../../scripts/kit/index.mjs';

// Invite links, the absence of an existence oracle, ended rooms, paging and the creation limit, on the real SFU.
let livekit: LiveKitServer;
let config: Config;
let app: ReturnType<typeof buildApp>['app'];
let roomService: RoomServiceClient;
let alice: string, bob: string, carol: string, mallory: string, dave: string;

const envFor = (lk: LiveKitServer, extra: Record<string, string> = {}) =>
  testConfig({
    LIVEKIT_URL: lk.httpUrl,
    LIVEKIT_PUBLIC_URL: lk.wsUrl,
    LIVEKIT_API_KEY: lk.apiKey,
    LIVEKIT_API_SECRET: lk.apiSecret,
    INVITE_PAGE_URL: 'https://meet.example.com/meeting/invite',
    ...extra,
  });

beforeAll(async () => {
  livekit = await startLiveKit();
  config = envFor(livekit);
  ({ app } = buildApp(config));
  roomService = new RoomServiceClient(livekit.httpUrl, livekit.apiKey, livekit.apiSecret);
  [alice, bob, carol, mallory, dave] = await Promise.all([
    userToken('alice', 'Alice'),
    userToken('bob', 'Bob'),
    userToken('carol', 'Carole'),
    userToken('mallory', 'Mallory'),
    userToken('dave', 'Dave'),
  ]);
});
afterAll(async () => livekit?.stop());

const create = (token: string, body: Record<string, unknown>, on = app) => call(on, 'POST', '/api/livekit/rooms', { token, body });
const join = (token: string, room: string, body?: Record<string, unknown>) =>
  call(app, 'POST', `/api/livekit/rooms/${room}/join`, { token, ...(body && { body }) });
const get = (token: string, room: string, invite?: string) =>
  call(app, 'GET', `/api/livekit/rooms/${room}${invite ? `?invite=${encodeURIComponent(invite)}` : ''}`, { token });
const invite = (token: string, room: string, body: Record<string, unknown>) =>
  call(app, 'POST', `/api/livekit/rooms/${room}/invites`, { token, body });
const validate = async (token: string) =>
  (await fetch(`${livekit.httpUrl}/rtc/validate?access_token=${encodeURIComponent(token)}`)).status;

describe('no existence oracle', () => {
  it('an outsider with the name only gets 404 on GET and join, byte for byte the answer for a room that does not exist', async () => {
    const name = uniqueName('secret-meeting');
    const ghost = uniqueName('secret-meeting'); // same length, never created
    expect((await create(alice, { room_name: name, participants: ['bob'] })).status).toBe(201);
    for (const [label, outsider, missing] of [
      ['GET', await get(mallory, name), await get(mallory, ghost)],
      ['join', await join(mallory, name), await join(mallory, ghost)],
      ['token', await call(app, 'POST', '/api/livekit/token', { token: mallory, body: { room_name: name } }),
        await call(app, 'POST', '/api/livekit/token', { token: mallory, body: { room_name: ghost } })],
    ] as const) {
      expect(outsider.status, label).toBe(404);
      expect(missing.status, label).toBe(404);
      expect(outsider.text.replace(name, 'NAME'), label).toBe(missing.text.replace(ghost, 'NAME'));
      expect(outsider.headers.get('content-type')).toBe(missing.headers.get('content-type'));
    }
    // A forged invite does not tell either: 403 invite_invalid for both.
    const forgedA = await join(mallory, name, { invite: 'forged-secret-0123456789' });
    const forgedB = await join(mallory, ghost, { invite: 'forged-secret-0123456789' });
    expect([forgedA.status, forgedB.status]).toEqual([403, 403]);
    expect(forgedA.text).toBe(forgedB.text);
    expect(forgedA.json.error.code).toBe('invite_invalid');
  });
});

describe('invite links', () => {
  it('a host creates one (201 with a ≥128-bit secret and the invite page URL); others cannot', async () => {
    const name = uniqueName('inv-create');
    await create(alice, { room_name: name, participants: ['bob'] });
    const res = await invite(alice, name, { role: 'participant', expires_in_seconds: 3600, max_uses: 5 });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ role: 'participant', max_uses: 5 });
    expect(Buffer.from(res.json.invite, 'base64url').length * 8).toBeGreaterThanOrEqual(128);
    expect(res.json.id).toMatch(/^[A-Za-z0-9_-]+$/);
    const url = new URL(res.json.url);
    expect(`${url.origin}${url.pathname}`).toBe('https://meet.example.com/meeting/invite');
    expect(url.searchParams.get('room')).toBe(name);
    expect(url.searchParams.get('invite')).toBe(res.json.invite);
    const expires = new Date(res.json.expires_at).getTime();
    expect(Math.abs(expires - (Date.now() + 3600_000))).toBeLessThan(60_000);
    // An invited participant is not a host (403); an outsider sees nothing (404).
    expect((await invite(bob, name, { role: 'participant' })).status).toBe(403);
    expect((await invite(mallory, name, { role: 'participant' })).status).toBe(404);
    // Audience invites are for webinars only.
    const audience = await invite(alice, name, { role: 'audience' });
    expect(audience.status).toBe(400);
    expect(audience.json.error.message).toMatch(/webinar/);
    expect((await invite(alice, name, { role: 'host' })).status).toBe(400);
    expect((await invite(alice, name, { role: 'participant', expires_in_seconds: 1 })).status).toBe(400);
  });

  it('admits a guest with the invite’s role: the SFU accepts the token and their publication', async () => {
    const name = uniqueName('inv-guest');
    await create(alice, { room_name: name, participants: [] });
    const { json: link } = await invite(alice, name, { role: 'participant' });
    const seen = await get(mallory, name, link.invite);
    expect(seen.status).toBe(200);
    expect(seen.json).toMatchObject({ room_name: name, created_by: 'alice' });
    const admitted = await join(mallory, name, { invite: link.invite, username: 'Mallory G.' });
    expect(admitted.status).toBe(200);
    expect(admitted.json.permissions).toMatchObject({ role: 'participant', can_publish: true });
    expect(admitted.json.room.participants).not.toContain('mallory'); // a guest, not a member
    const claims = await new TokenVerifier(livekit.apiKey, livekit.apiSecret).verify(admitted.json.token);
    expect(claims).toMatchObject({ sub: 'mallory', name: 'Mallory G.' });
    expect(await validate(admitted.json.token)).toBe(200);
    const { client } = await SignalClient.connect(livekit.wsUrl, admitted.json.token);
    try {
      expect(await client.requestPublish('microphone')).toBe('published');
    } finally {
      client.close();
    }
    // Admitted once, they come back without the secret (chat, hands, rejoin) until the invite is revoked.
    expect((await join(mallory, name)).status).toBe(200);
    await call(app, 'DELETE', `/api/livekit/rooms/${name}/invites/${link.id}`, { token: alice });
    expect((await join(mallory, name)).status).toBe(404);
    expect((await get(mallory, name)).status).toBe(404);
  });

  it('an audience invite to a webinar cannot publish: the token says so and the SFU refuses the publication', async () => {
    const name = uniqueName('inv-webinar');
    await create(alice, { room_name: name, participants: [], speakers: ['alice'] });
    const audienceLink = (await invite(alice, name, { role: 'audience' })).json;
    const speakerLink = (await invite(alice, name, { role: 'participant' })).json;
    const audience = await join(mallory, name, { invite: audienceLink.invite });
    expect(audience.json.permissions).toEqual({ role: 'audience', can_publish: false, can_subscribe: true, sources: [] });
    const speaker = await join(dave, name, { invite: speakerLink.invite });
    expect(speaker.json.permissions).toMatchObject({ role: 'speaker', can_publish: true });
    await expectAudienceRefusedSpeakerPublishes(livekit.wsUrl, audience.json.token, speaker.json.token);
  });

  it('403 invite_invalid for a revoked invite, on GET and join, while other invites keep working', async () => {
    const name = uniqueName('inv-revoke');
    await create(alice, { room_name: name, participants: ['bob'] });
    const kept = (await invite(alice, name, { role: 'participant' })).json;
    const revoked = (await invite(alice, name, { role: 'participant' })).json;
    expect((await join(carol, name, { invite: revoked.invite })).status).toBe(200);
    expect((await call(app, 'DELETE', `/api/livekit/rooms/${name}/invites/${revoked.id}`, { token: bob })).status).toBe(403);
    expect((await call(app, 'DELETE', `/api/livekit/rooms/${name}/invites/${revoked.id}`, { token: mallory })).status).toBe(404);
    const del = await call(app, 'DELETE', `/api/livekit/rooms/${name}/invites/${revoked.id}`, { token: alice });
    expect(del.status).toBe(200);
    expect(del.json).toEqual({ id: revoked.id, revoked: true });
    expect((await call(app, 'DELETE', `/api/livekit/rooms/${name}/invites/nope`, { token: alice })).status).toBe(404);
    for (const res of [await join(carol, name, { invite: revoked.invite }), await get(mallory, name, revoked.invite)]) {
      expect(res.status).toBe(403);
      expect(res.json.error.code).toBe('invite_invalid');
    }
    expect((await join(mallory, name, { invite: kept.invite })).status).toBe(200);
  });

  it('max_uses counts different users: the same user comes back, the next one gets 403', async () => {
    const name = uniqueName('inv-uses');
    await create(alice, { room_name: name, participants: [] });
    const link = (await invite(alice, name, { role: 'participant', max_uses: 1 })).json;
    expect((await join(carol, name, { invite: link.invite })).status).toBe(200);
    expect((await join(carol, name, { invite: link.invite })).status).toBe(200);
    expect((await get(carol, name, link.invite)).status).toBe(200);
    const late = await join(mallory, name, { invite: link.invite });
    expect(late.status).toBe(403);
    expect(late.json.error.code).toBe('invite_invalid');
    expect((await get(mallory, name, link.invite)).status).toBe(403);
  });

  it('an expired invite answers 403', async () => {
    const name = uniqueName('inv-expired');
    await create(alice, { room_name: name, participants: [] });
    const link = (await invite(alice, name, { role: 'participant', expires_in_seconds: 60 })).json;
    expect((await get(carol, name, link.invite)).status).toBe(200);
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.now() + 61_000);
      const res = await join(carol, name, { invite: link.invite });
      expect(res.status).toBe(403);
      expect(res.json.error.code).toBe('invite_invalid');
    } finally {
      vi.useRealTimers();
    }
  });

  it('an invite of one room does not open another', async () => {
    const a = uniqueName('inv-a');
    const b = uniqueName('inv-b');
    await create(alice, { room_name: a, participants: [] });
    await create(alice, { room_name: b, participants: [] });
    const link = (await invite(alice, a, { role: 'participant' })).json;
    expect((await join(mallory, b, { invite: link.invite })).status).toBe(403);
  });
});

describe('ending a room', () => {
  it('closes it on the SFU for everyone, then joins answer 410 room_ended; only the host may end it', async () => {
    const name = uniqueName('end');
    await create(alice, { room_name: name, participants: ['bob'] });
    const bobJoin = await join(bob, name);
    const { client } = await SignalClient.connect(livekit.wsUrl, bobJoin.json.token);
    try {
      expect((await roomService.listRooms([name])).map((r) => r.name)).toEqual([name]);
      expect((await call(app, 'POST', `/api/livekit/rooms/${name}/end`, { token: bob })).status).toBe(403);
      expect((await call(app, 'POST', `/api/livekit/rooms/${name}/end`, { token: mallory })).status).toBe(404);
      const ended = await call(app, 'POST', `/api/livekit/rooms/${name}/end`, { token: alice });
      expect(ended.status).toBe(200);
      expect(ended.json.room_name).toBe(name);
      expect(await roomService.listRooms([name])).toEqual([]);
      expect(await validate(bobJoin.json.token)).toBe(404);
      for (const who of [alice, bob]) {
        const res = await join(who, name);
        expect(res.status).toBe(410);
        expect(res.json.error.code).toBe('room_ended');
      }
      expect((await call(app, 'POST', '/api/livekit/token', { token: bob, body: { room_name: name } })).status).toBe(410);
      expect((await get(bob, name)).json.ended_at).toBe(ended.json.ended_at);
      // Ending again is harmless and keeps the first time; the name stays taken.
      expect((await call(app, 'POST', `/api/livekit/rooms/${name}/end`, { token: alice })).json.ended_at).toBe(ended.json.ended_at);
      expect((await create(alice, { room_name: name, participants: [] })).status).toBe(409);
      expect((await roomService.listRooms([name])).length).toBe(0);
    } finally {
      client.close();
    }
  });

  it('ended rooms drop out of GET /rooms after the retention period', async () => {
    const { app: noRetention } = buildApp(envFor(livekit, { ENDED_ROOM_RETENTION_SECONDS: '0' }));
    const ending = uniqueName('ret-end');
    const staying = uniqueName('ret-stay');
    await create(carol, { room_name: ending, participants: [] }, noRetention);
    await create(carol, { room_name: staying, participants: [] }, noRetention);
    await call(noRetention, 'POST', `/api/livekit/rooms/${ending}/end`, { token: carol });
    await new Promise((r) => setTimeout(r, 5));
    const names = (await call(noRetention, 'GET', '/api/livekit/rooms', { token: carol })).json.rooms.map((r: { room_name: string }) => r.room_name);
    expect(names).toEqual([staying]);
  });
});

describe('GET /rooms', () => {
  it('pages with limit and cursor, and reads presence once for the page (no query per room)', async () => {
    const store = new MemoryRoomStore();
    const { app: paged } = buildApp(config, { store });
    const user = await userToken(uniqueName('pager'), 'Pager');
    const made: string[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await create(user, { participants: [] }, paged);
      made.push(res.json.room_name);
      await new Promise((r) => setTimeout(r, 2));
    }
    const single = vi.spyOn(store, 'listPresence');
    const batch = vi.spyOn(store, 'listPresenceIn');
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await call(paged, 'GET', `/api/livekit/rooms?limit=2${cursor ? `&cursor=${cursor}` : ''}`, { token: user });
      expect(res.status).toBe(200);
      expect(res.json.rooms.length).toBeLessThanOrEqual(2);
      seen.push(...res.json.rooms.map((r: { room_name: string }) => r.room_name));
      cursor = res.json.next_cursor;
      pages++;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toEqual([...made].reverse());
    expect(single).not.toHaveBeenCalled();
    expect(batch).toHaveBeenCalledTimes(3);
    expect((await call(paged, 'GET', '/api/livekit/rooms?cursor=garbage', { token: user })).status).toBe(400);
    expect((await call(paged, 'GET', '/api/livekit/rooms?limit=0', { token: user })).status).toBe(400);
    expect((await call(paged, 'GET', '/api/livekit/rooms?limit=101', { token: user })).status).toBe(400);
  });
});

describe('creating rooms', () => {
  it('at most ROOMS_PER_HOUR new rooms per user and hour: 429 with Retry-After; retries of a create do not count', async () => {
    const { app: limited } = buildApp(envFor(livekit, { ROOMS_PER_HOUR: '2' }));
    const user = await userToken(uniqueName('busy'), 'Busy');
    const first = uniqueName('lim');
    expect((await create(user, { room_name: first, participants: [] }, limited)).status).toBe(201);
    expect((await create(user, { participants: [] }, limited)).status).toBe(201);
    expect((await create(user, { room_name: first, participants: [] }, limited)).status).toBe(201); // a retry
    const third = await create(user, { room_name: uniqueName('lim'), participants: [] }, limited);
    expect(third.status).toBe(429);
    expect(third.json.error.code).toBe('rate_limited');
    const retryAfter = Number(third.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(3500);
    expect(retryAfter).toBeLessThanOrEqual(3600);
    expect((await create(user, { participants: [] }, limited)).status).toBe(429);
    // Another user is not affected.
    expect((await create(await userToken(uniqueName('calm')), { participants: [] }, limited)).status).toBe(201);
  });

  it('after a restart of the service on the memory store, a live room’s name cannot be taken again (409)', async () => {
    const name = uniqueName('live');
    expect((await create(alice, { room_name: name, participants: ['bob'] })).status).toBe(201);
    const bobJoin = await join(bob, name);
    const { client } = await SignalClient.connect(livekit.wsUrl, bobJoin.json.token);
    try {
      // A new process: empty memory store, fresh gateway, same SFU.
      const { app: restarted } = buildApp(config, { store: new MemoryRoomStore() });
      for (const who of [mallory, alice]) {
        const res = await create(who, { room_name: name, participants: [] }, restarted);
        expect(res.status).toBe(409);
        expect(res.json.error.code).toBe('room_exists');
      }
      expect((await roomService.listParticipants(name)).map((p) => p.identity)).toEqual(['bob']);
    } finally {
      client.close();
    }
  });
});
