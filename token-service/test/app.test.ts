import { SignJWT, jwtVerify } from 'jose';
import { TokenVerifier } from 'livekit-server-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../src/config.js';
import { createLogger } from '../src/logger.js';
import { AUTH_SECRET, buildApp, call, testConfig, userToken, sfuConfig, uniqueName } from './helpers/app.js';
import { startLiveKit, type LiveKitServer } from '../../scripts/kit/index.mjs';

// Every endpoint and error path through app.request(): no port is opened for the service.
// The SFU behind it is the real LiveKit server on loopback.
let livekit: LiveKitServer;
let config: Config;
let app: ReturnType<typeof buildApp>['app'];
let alice: string, bob: string, carol: string, mallory: string;

beforeAll(async () => {
  livekit = await startLiveKit();
  config = sfuConfig(livekit, {
    DEMO_LOGIN: '1',
  });
  ({ app } = buildApp(config));
  [alice, bob, carol, mallory] = await Promise.all([
    userToken('alice', 'Alice Martin'),
    userToken('bob', 'Bob Dupont'),
    userToken('carol', 'Carole Lefèvre'),
    userToken('mallory', 'Mallory'),
  ]);
});
afterAll(async () => livekit?.stop());

const verifier = () => new TokenVerifier(livekit.apiKey, livekit.apiSecret);

async function createRoom(token: string, body: Record<string, unknown>) {
  return call(app, 'POST', '/api/livekit/rooms', { token, body });
}

describe('POST /api/livekit/rooms', () => {
  it('creates a room (201) with the seed shape, creator included', async () => {
    const name = uniqueName('team-meeting');
    const res = await createRoom(alice, { room_name: name, participants: ['bob', 'carol'], call_type: 'video' });
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({
      room_name: name,
      call_type: 'video',
      webinar: false,
      speakers: [],
      participants: ['alice', 'bob', 'carol'],
      created_by: 'alice',
      created_by_name: 'Alice Martin',
      open_to_link: false,
      audience_chat: false,
      connected: [],
    });
    expect(new Date(res.json.created_at).getTime()).toBeGreaterThan(Date.now() - 60_000);
  });

  it('refuses a duplicate name with 409 room_exists', async () => {
    const name = uniqueName('dup');
    expect((await createRoom(alice, { room_name: name, participants: [], call_type: 'audio' })).status).toBe(201);
    const again = await createRoom(bob, { room_name: name, participants: [], call_type: 'video' });
    expect(again.status).toBe(409);
    expect(again.json.error.code).toBe('room_exists');
    // The first room is untouched.
    const room = await call(app, 'GET', `/api/livekit/rooms/${name}`, { token: alice });
    expect(room.json).toMatchObject({ created_by: 'alice', call_type: 'audio' });
  });

  it.each([
    [{ room_name: 'bad name!', participants: [], call_type: 'video' }, 'room_name'],
    [{ room_name: '$where', participants: [], call_type: 'video' }, 'room_name'],
    [{ room_name: 'x'.repeat(65), participants: [], call_type: 'video' }, 'room_name'],
    [{ room_name: 'ok-name', participants: [{ $ne: null }], call_type: 'video' }, 'participants.0'],
    [{ room_name: 'ok-name', participants: 'bob', call_type: 'video' }, 'participants'],
    [{ room_name: 'ok-name', participants: [], call_type: 'screen' }, 'call_type'],
    [{ room_name: 'ok-name', participants: [], call_type: 'video', speakers: ['$gt'] }, 'speakers.0'],
    [{ room_name: 'ok-name', participants: [], call_type: 'video', admin: true }, 'admin'],
  ])('400 naming the field for %j', async (body, field) => {
    const res = await createRoom(alice, body);
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe('invalid_request');
    expect(res.json.error.message).toContain(field);
  });

  it('picks an unguessable, readable name (abc-defg-hij) when none is given', async () => {
    const names = new Set<string>();
    for (let i = 0; i < 3; i++) {
      const res = await createRoom(alice, { participants: ['bob'] });
      expect(res.status).toBe(201);
      expect(res.json.room_name).toMatch(/^[a-z]{3}-[a-z]{4}-[a-z]{3}$/);
      names.add(res.json.room_name);
    }
    expect(names.size).toBe(3);
    const [name] = names;
    expect((await call(app, 'POST', `/api/livekit/rooms/${name}/join`, { token: bob })).status).toBe(200);
  });

  it('400 for a body that is not JSON, 415 for another content type', async () => {
    const notJson = await call(app, 'POST', '/api/livekit/rooms', {
      token: alice,
      rawBody: '{"room_name":',
      headers: { 'content-type': 'application/json' },
    });
    expect(notJson.status).toBe(400);
    expect(notJson.json.error.code).toBe('invalid_request');
    const form = await call(app, 'POST', '/api/livekit/rooms', {
      token: alice,
      rawBody: 'room_name=x',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(form.status).toBe(415);
    expect(form.json.error.code).toBe('invalid_request');
  });

  it('413 for a body over 16 KB, and nothing is created', async () => {
    const name = uniqueName('big');
    const participants = Array.from({ length: 2000 }, (_, i) => `user-${i}`);
    const res = await createRoom(alice, { room_name: name, participants, call_type: 'video' });
    expect(res.status).toBe(413);
    expect(res.json.error.code).toBe('payload_too_large');
    expect((await call(app, 'GET', `/api/livekit/rooms/${name}`, { token: alice })).status).toBe(404);
  });
});

describe('authentication', () => {
  it('401 without a token, with a malformed header, a bad signature, an expired token or alg none', async () => {
    const expired = await userToken('alice', 'Alice', { expiresIn: Math.floor(Date.now() / 1000) - 10 });
    const wrongSecret = await userToken('alice', 'Alice', { secret: 'another-secret-another-secret-0123456789' });
    const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    const payload = Buffer.from(JSON.stringify({ sub: 'alice', exp: Math.floor(Date.now() / 1000) + 60 })).toString('base64url');
    const algNone = `${header}.${payload}.`;
    for (const headers of <Record<string, string>[]>[
      {},
      { authorization: 'Basic YWxpY2U6cHc=' },
      { authorization: `Bearer ${wrongSecret}` },
      { authorization: `Bearer ${expired}` },
      { authorization: `Bearer ${algNone}` },
    ]) {
      const res = await call(app, 'GET', '/api/livekit/rooms', { headers });
      expect(res.status, JSON.stringify(headers)).toBe(401);
      expect(res.json.error.code).toBe('unauthorized');
    }
    const res = await call(app, 'GET', '/api/livekit/rooms', { headers: { authorization: `Bearer ${expired}` } });
    expect(res.json.error.message).toMatch(/expired/);
  });

  it('tolerates a few seconds of clock difference on nbf, iat and exp, not more', async () => {
    const now = Math.floor(Date.now() / 1000);
    const signed = (claims: Record<string, number>) =>
      new SignJWT({ name: 'Alice', ...claims })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject('alice')
        .sign(new TextEncoder().encode(AUTH_SECRET));
    const status = async (token: string) => (await call(app, 'GET', '/api/livekit/rooms', { token })).status;
    // The host application's clock 3 s ahead of ours: not yet valid for us, accepted.
    expect(await status(await signed({ nbf: now + 3, iat: now + 3, exp: now + 3600 }))).toBe(200);
    expect(await status(await signed({ iat: now, exp: now - 2 }))).toBe(200);
    // Clearly early or late: refused.
    expect(await status(await signed({ nbf: now + 60, iat: now, exp: now + 3600 }))).toBe(401);
    expect(await status(await signed({ iat: now - 3600, exp: now - 30 }))).toBe(401);
  });

  it('checks issuer and audience when configured', async () => {
    const strict = buildApp(testConfig({ ...envOf(config), AUTH_ISSUER: 'https://urbania.fr', AUTH_AUDIENCE: 'meet' })).app;
    const good = await userToken('alice', 'Alice', { issuer: 'https://urbania.fr', audience: 'meet' });
    const wrongAudience = await userToken('alice', 'Alice', { issuer: 'https://urbania.fr', audience: 'other' });
    expect((await call(strict, 'GET', '/api/livekit/rooms', { token: good })).status).toBe(200);
    expect((await call(strict, 'GET', '/api/livekit/rooms', { token: wrongAudience })).status).toBe(401);
    expect((await call(strict, 'GET', '/api/livekit/rooms', { token: alice })).status).toBe(401);
  });
});

describe('GET /api/livekit/rooms and /rooms/{room_name}', () => {
  it('lists the rooms I created or was invited to, newest first', async () => {
    const mine = uniqueName('mine');
    const invited = uniqueName('invited');
    const other = uniqueName('other');
    await createRoom(carol, { room_name: mine, participants: [], call_type: 'video' });
    await createRoom(bob, { room_name: invited, participants: ['carol'], call_type: 'audio' });
    await createRoom(bob, { room_name: other, participants: [], call_type: 'audio' });
    const res = await call(app, 'GET', '/api/livekit/rooms', { token: carol });
    expect(res.status).toBe(200);
    const names = res.json.rooms.map((r: { room_name: string }) => r.room_name);
    expect(names).toContain(mine);
    expect(names).toContain(invited);
    expect(names).not.toContain(other);
    expect(names.indexOf(invited)).toBeLessThan(names.indexOf(mine));
  });

  it('404 room_not_found for an unknown room and, with the same body, for someone not invited; 400 for a bad name', async () => {
    expect((await call(app, 'GET', '/api/livekit/rooms/nope-never', { token: alice })).json.error.code).toBe('room_not_found');
    const name = uniqueName('private');
    await createRoom(alice, { room_name: name, participants: ['bob'], call_type: 'video' });
    const res = await call(app, 'GET', `/api/livekit/rooms/${name}`, { token: mallory });
    expect(res.status).toBe(404);
    expect(res.json.error.code).toBe('room_not_found');
    expect((await call(app, 'GET', `/api/livekit/rooms/${name}`, { token: bob })).status).toBe(200);
    expect((await call(app, 'GET', '/api/livekit/rooms/bad%20name', { token: alice })).status).toBe(400);
  });
});

describe('POST /api/livekit/rooms/{room_name}/join and /leave', () => {
  it('admits an invited user with a LiveKit token for that room and their grants', async () => {
    const name = uniqueName('join');
    await createRoom(alice, { room_name: name, participants: ['bob'], call_type: 'video' });
    const res = await call(app, 'POST', `/api/livekit/rooms/${name}/join`, { token: bob });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      room_name: name,
      url: livekit.wsUrl,
      room: { room_name: name, created_by: 'alice' },
      permissions: { role: 'participant', can_publish: true, can_subscribe: true },
    });
    const claims = await verifier().verify(res.json.token);
    expect(claims.sub).toBe('bob');
    expect(claims.name).toBe('Bob Dupont');
    expect(claims.video).toMatchObject({ room: name, roomJoin: true, canPublish: true, canSubscribe: true });
    expect(claims.video?.canPublishSources).toEqual(['camera', 'microphone', 'screen_share', 'screen_share_audio']);
    for (const admin of ['roomCreate', 'roomAdmin', 'roomList', 'roomRecord'] as const) {
      expect(claims.video?.[admin]).toBeFalsy();
    }
    expect(claims.exp! - claims.nbf!).toBe(config.tokenTtlSeconds);
  });

  it('takes the display name from an optional body, and refuses a bad one', async () => {
    const name = uniqueName('join-name');
    await createRoom(alice, { room_name: name, participants: ['bob'], call_type: 'video' });
    const named = await call(app, 'POST', `/api/livekit/rooms/${name}/join`, { token: bob, body: { username: '  Bobby  ' } });
    expect(named.status).toBe(200);
    expect((await verifier().verify(named.json.token)).name).toBe('Bobby');
    const empty = await call(app, 'POST', `/api/livekit/rooms/${name}/join`, { token: bob, body: {} });
    expect((await verifier().verify(empty.json.token)).name).toBe('Bob Dupont');
    for (const body of [{ username: '' }, { username: 'x'.repeat(129) }, { username: 42 }, { identity: 'alice' }]) {
      const bad = await call(app, 'POST', `/api/livekit/rooms/${name}/join`, { token: bob, body });
      expect(bad.status, JSON.stringify(body)).toBe(400);
      expect(bad.json.error.code).toBe('invalid_request');
    }
  });

  it('audio rooms grant the microphone only; webinar audience subscribes only', async () => {
    const audio = uniqueName('audio');
    await createRoom(alice, { room_name: audio, participants: ['bob'], call_type: 'audio' });
    const audioJoin = await call(app, 'POST', `/api/livekit/rooms/${audio}/join`, { token: bob });
    expect(audioJoin.json.permissions.sources).toEqual(['microphone']);
    expect((await verifier().verify(audioJoin.json.token)).video?.canPublishSources).toEqual(['microphone']);

    const webinar = uniqueName('webinar');
    const created = await createRoom(alice, { room_name: webinar, participants: ['bob', 'carol'], call_type: 'video', speakers: ['carol'] });
    expect(created.json).toMatchObject({ webinar: true, speakers: ['alice', 'carol'] });
    const audience = await call(app, 'POST', `/api/livekit/rooms/${webinar}/join`, { token: bob });
    expect(audience.json.permissions).toEqual({ role: 'audience', can_publish: false, can_subscribe: true, sources: [] });
    const audienceGrant = (await verifier().verify(audience.json.token)).video;
    expect(audienceGrant).toMatchObject({ canPublish: false, canSubscribe: true, canPublishData: false });
    const speaker = await call(app, 'POST', `/api/livekit/rooms/${webinar}/join`, { token: carol });
    expect(speaker.json.permissions).toMatchObject({ role: 'speaker', can_publish: true });
    const host = await call(app, 'POST', `/api/livekit/rooms/${webinar}/join`, { token: alice });
    expect(host.json.permissions).toMatchObject({ role: 'host', can_publish: true });
  });

  it('a webinar created with audience_chat lets its audience write in the chat (data), still not publish media', async () => {
    const webinar = uniqueName('webinar-chat');
    const created = await createRoom(alice, { room_name: webinar, participants: ['bob'], call_type: 'video', speakers: [], audience_chat: true });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ audience_chat: true });
    const webinarWithSpeaker = uniqueName('webinar-chat');
    await createRoom(alice, { room_name: webinarWithSpeaker, participants: ['bob'], call_type: 'video', speakers: ['alice'], audience_chat: true });
    const audience = await call(app, 'POST', `/api/livekit/rooms/${webinarWithSpeaker}/join`, { token: bob });
    expect(audience.json.permissions).toEqual({ role: 'audience', can_publish: false, can_subscribe: true, sources: [] });
    expect((await verifier().verify(audience.json.token)).video).toMatchObject({ canPublish: false, canPublishData: true });
    const bad = await createRoom(alice, { room_name: uniqueName('webinar-chat'), participants: [], call_type: 'video', audience_chat: 'yes' });
    expect(bad.status).toBe(400);
  });

  it('404 for a user who is not invited; an open room admits anyone signed in as a participant, without making them a member', async () => {
    const closed = uniqueName('closed');
    await createRoom(alice, { room_name: closed, participants: [], call_type: 'video' });
    const refused = await call(app, 'POST', `/api/livekit/rooms/${closed}/join`, { token: mallory });
    expect(refused.status).toBe(404);
    expect(refused.json.error.code).toBe('room_not_found');

    const open = uniqueName('open');
    await createRoom(alice, { room_name: open, participants: [], call_type: 'video', open_to_link: true });
    const admitted = await call(app, 'POST', `/api/livekit/rooms/${open}/join`, { token: mallory });
    expect(admitted.status).toBe(200);
    expect(admitted.json.permissions.role).toBe('participant');
    expect(admitted.json.room.participants).not.toContain('mallory');
    const list = await call(app, 'GET', '/api/livekit/rooms', { token: mallory });
    expect(list.json.rooms.map((r: { room_name: string }) => r.room_name)).not.toContain(open);
  });

  it('404 when joining or leaving a room that does not exist', async () => {
    for (const action of ['join', 'leave']) {
      const res = await call(app, 'POST', `/api/livekit/rooms/ghost-room/${action}`, { token: alice });
      expect(res.status).toBe(404);
      expect(res.json.error.code).toBe('room_not_found');
    }
  });

  it('leave answers {room_name, left: true}', async () => {
    const name = uniqueName('leave');
    await createRoom(alice, { room_name: name, participants: [], call_type: 'video' });
    const res = await call(app, 'POST', `/api/livekit/rooms/${name}/leave`, { token: alice });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ room_name: name, left: true });
  });
});

describe('POST /api/livekit/token (the seed endpoint)', () => {
  it('mints {token, url, room_name} for the signed-in user, display name from username', async () => {
    const name = uniqueName('token');
    await createRoom(alice, { room_name: name, participants: ['bob'], call_type: 'video' });
    const res = await call(app, 'POST', '/api/livekit/token', {
      token: bob,
      body: { room_name: name, user_id: 'bob', username: 'Bobby' },
    });
    expect(res.status).toBe(200);
    expect(Object.keys(res.json).sort()).toEqual(['room_name', 'token', 'url']);
    expect(res.json.url).toBe(livekit.wsUrl);
    const claims = await verifier().verify(res.json.token);
    expect(claims).toMatchObject({ sub: 'bob', name: 'Bobby' });
    const withoutName = await call(app, 'POST', '/api/livekit/token', { token: bob, body: { room_name: name } });
    expect((await verifier().verify(withoutName.json.token)).name).toBe('Bob Dupont');
  });

  it('refuses a user_id that is not the signed-in user (403), a room not allowed or unknown (404 both)', async () => {
    const name = uniqueName('token-refuse');
    await createRoom(alice, { room_name: name, participants: ['bob'], call_type: 'video' });
    const spoof = await call(app, 'POST', '/api/livekit/token', { token: bob, body: { room_name: name, user_id: 'alice' } });
    expect(spoof.status).toBe(403);
    expect(spoof.json.error.message).toMatch(/user_id/);
    expect((await call(app, 'POST', '/api/livekit/token', { token: mallory, body: { room_name: name } })).status).toBe(404);
    expect((await call(app, 'POST', '/api/livekit/token', { token: bob, body: { room_name: 'never-made' } })).status).toBe(404);
    expect((await call(app, 'POST', '/api/livekit/token', { token: bob, body: { user_id: 'bob' } })).status).toBe(400);
  });
});

describe('POST /api/livekit/token-source (LiveKit standard shape)', () => {
  it('answers {server_url, participant_token}', async () => {
    const name = uniqueName('source');
    await createRoom(alice, { room_name: name, participants: ['bob'], call_type: 'video' });
    const res = await call(app, 'POST', '/api/livekit/token-source', {
      token: bob,
      body: { room_name: name, participant_identity: 'bob', participant_name: 'B.' },
    });
    expect(res.status).toBe(200);
    expect(res.json.server_url).toBe(livekit.wsUrl);
    expect(await verifier().verify(res.json.participant_token)).toMatchObject({ sub: 'bob', name: 'B.' });
    const spoof = await call(app, 'POST', '/api/livekit/token-source', {
      token: bob,
      body: { room_name: name, participant_identity: 'alice' },
    });
    expect(spoof.status).toBe(403);
  });
});

describe('demo login', () => {
  it('lists demo users and issues a token the service accepts', async () => {
    const users = await call(app, 'GET', '/api/auth/demo-users');
    expect(users.json.users.map((u: { id: string }) => u.id)).toEqual(['alice', 'bob', 'carol', 'david', 'emma']);
    const login = await call(app, 'POST', '/api/auth/login', { body: { user_id: 'emma' } });
    expect(login.status).toBe(200);
    expect(login.json).toMatchObject({ token_type: 'Bearer', user: { id: 'emma', name: 'Emma Petit' } });
    const rooms = await call(app, 'GET', '/api/livekit/rooms', { token: login.json.access_token });
    expect(rooms.status).toBe(200);
    const unknown = await call(app, 'POST', '/api/auth/login', { body: { user_id: 'zoe' } });
    expect(unknown.status).toBe(401);
  });

  it('signs with its own secret: its tokens are not Urbania tokens, and Urbania tokens still work', async () => {
    const login = await call(app, 'POST', '/api/auth/login', { body: { user_id: 'emma' } });
    const demoToken: string = login.json.access_token;
    // Not signed with AUTH_JWT_SECRET: a host application sharing that secret would refuse it.
    await expect(jwtVerify(demoToken, new TextEncoder().encode(AUTH_SECRET))).rejects.toThrow();
    await expect(jwtVerify(demoToken, new TextEncoder().encode(config.auth.demoSecret!))).resolves.toBeTruthy();
    // A service without the demo login (or another one's demo secret) refuses demo tokens.
    const off = buildApp(testConfig({ ...envOf(config), DEMO_LOGIN: undefined })).app;
    expect((await call(off, 'GET', '/api/livekit/rooms', { token: demoToken })).status).toBe(401);
    const otherDemo = buildApp(testConfig({ ...envOf(config), DEMO_LOGIN: '1' })).app;
    expect((await call(otherDemo, 'GET', '/api/livekit/rooms', { token: demoToken })).status).toBe(401);
    // A token claiming to be a demo token but signed with the Urbania secret is refused too.
    const forged = await new SignJWT({ name: 'Emma' })
      .setProtectedHeader({ alg: 'HS256', kid: 'urbania-meet-demo' })
      .setIssuer('urbania-meet-demo')
      .setSubject('emma')
      .setExpirationTime('1h')
      .sign(new TextEncoder().encode(AUTH_SECRET));
    expect((await call(app, 'GET', '/api/livekit/rooms', { token: forged })).status).toBe(401);
    expect((await call(app, 'GET', '/api/livekit/rooms', { token: alice })).status).toBe(200);
  });

  it('is absent unless DEMO_LOGIN=1', async () => {
    const off = buildApp(testConfig({ ...envOf(config), DEMO_LOGIN: undefined })).app;
    expect((await call(off, 'POST', '/api/auth/login', { body: { user_id: 'alice' } })).status).toBe(404);
  });
});

describe('service endpoints', () => {
  it('healthz, readyz (store + LiveKit), openapi.json, docs', async () => {
    expect((await call(app, 'GET', '/healthz')).json).toEqual({ status: 'ok' });
    expect((await call(app, 'GET', '/readyz')).json).toMatchObject({ status: 'ready', checks: { store: 'ok', livekit: 'ok' } });
    const spec = await call(app, 'GET', '/openapi.json');
    expect(spec.status).toBe(200);
    expect(Object.keys(spec.json.paths)).toEqual(
      expect.arrayContaining([
        '/api/livekit/rooms',
        '/api/livekit/rooms/{room_name}',
        '/api/livekit/rooms/{room_name}/join',
        '/api/livekit/rooms/{room_name}/leave',
        '/api/livekit/token',
        '/api/livekit/token-source',
        '/api/livekit/webhooks',
      ]),
    );
    // The same schema that validates the request documents it.
    expect(spec.json.components.schemas.CreateRoomRequest.properties.room_name).toEqual({ $ref: '#/components/schemas/RoomName' });
    expect(spec.json.components.schemas.RoomName.pattern).toBe('^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$');
    const docs = await call(app, 'GET', '/docs');
    expect(docs.status).toBe(200);
    expect(docs.text).toContain('/openapi.json');
  });

  it('unknown routes answer 404 JSON; every response carries a request id', async () => {
    const res = await call(app, 'GET', '/nope');
    expect(res.status).toBe(404);
    expect(res.json.error.code).toBe('not_found');
    expect(res.headers.get('x-request-id')).toBeTruthy();
  });

  it('CORS allows the configured origins only', async () => {
    const allowed = await call(app, 'OPTIONS', '/api/livekit/rooms', {
      headers: { origin: 'http://127.0.0.1:3000', 'access-control-request-method': 'POST' },
    });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:3000');
    const denied = await call(app, 'OPTIONS', '/api/livekit/rooms', {
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(denied.headers.get('access-control-allow-origin')).toBeNull();
    expect(allowed.headers.get('access-control-allow-headers')).toMatch(/authorization/i);
  });

  it('logs one access line per request (fixed fields only) while other log lines stay redacted', async () => {
    const lines: any[] = [];
    const logger = createLogger('info', { write: (line: string) => void lines.push(JSON.parse(line)) });
    const logged = buildApp(config, { logger }).app;
    const res = await call(logged, 'GET', '/api/livekit/rooms', { token: alice });
    expect(lines).toEqual([
      expect.objectContaining({ msg: 'request', method: 'GET', path: '/api/livekit/rooms', status: 200, user: 'alice', requestId: res.headers.get('x-request-id') }),
    ]);
    expect(Object.keys(lines[0]).sort()).toEqual(['level', 'method', 'ms', 'msg', 'path', 'requestId', 'service', 'status', 'time', 'user']);
    expect(JSON.stringify(lines)).not.toContain(alice);
    logger.info({ token: 'a-secret-token', headers: { authorization: 'Bearer x' } }, 'other');
    expect(lines[1]).toMatchObject({ token: '[redacted]', headers: { authorization: '[redacted]' } });
  });

  it('CORS on actual requests: the allowed origin is echoed on answers and errors, with Vary: Origin', async () => {
    const origin = 'http://127.0.0.1:3000';
    const ok = await call(app, 'GET', '/api/livekit/rooms', { token: alice, headers: { origin } });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('access-control-allow-origin')).toBe(origin);
    expect(ok.headers.get('vary')).toMatch(/origin/i);
    expect(ok.headers.get('access-control-expose-headers')).toMatch(/Retry-After/);
    expect(ok.headers.get('x-request-id')).toBeTruthy();
    // A browser page must be able to read our errors too.
    const unauthorized = await call(app, 'GET', '/api/livekit/rooms', { headers: { origin } });
    expect(unauthorized.status).toBe(401);
    expect(unauthorized.headers.get('access-control-allow-origin')).toBe(origin);
    const evil = await call(app, 'GET', '/api/livekit/rooms', { token: alice, headers: { origin: 'https://evil.example' } });
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
    expect(evil.headers.get('vary')).toMatch(/origin/i);
  });

  it('503 with Retry-After when LiveKit is down, and nothing is stored', async () => {
    const down = buildApp(testConfig({ ...envOf(config), LIVEKIT_URL: 'http://127.0.0.1:9' })).app;
    const res = await call(down, 'POST', '/api/livekit/rooms', {
      token: alice,
      body: { room_name: 'while-down', participants: [], call_type: 'video' },
    });
    expect(res.status).toBe(503);
    expect(res.json.error.code).toBe('unavailable');
    expect(res.headers.get('retry-after')).toBe('5');
    expect((await call(down, 'GET', '/api/livekit/rooms/while-down', { token: alice })).status).toBe(404);
    const ready = await call(down, 'GET', '/readyz');
    expect(ready.status).toBe(503);
    expect(ready.json.checks.livekit).toBe('unavailable');
  });
});

describe('rate limit', () => {
  it('429 with Retry-After past the per-user limit; other users are unaffected', async () => {
    const limited = buildApp(testConfig({ ...envOf(config), RATE_LIMIT_PER_MINUTE: '3' })).app;
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await call(limited, 'GET', '/api/livekit/rooms', { token: alice })).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const res = await call(limited, 'GET', '/api/livekit/rooms', { token: alice });
    expect(res.json.error.code).toBe('rate_limited');
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await call(limited, 'GET', '/api/livekit/rooms', { token: bob })).status).toBe(200);
  });
});

function envOf(c: Config): Record<string, string> {
  return {
    LIVEKIT_URL: c.livekit.url,
    LIVEKIT_PUBLIC_URL: c.livekit.publicUrl,
    LIVEKIT_API_KEY: c.livekit.apiKey,
    LIVEKIT_API_SECRET: c.livekit.apiSecret,
    DEMO_LOGIN: c.demoLogin ? '1' : '',
  };
}

describe('nothing a client sends yields a 500', () => {
  const bodies = [
    'null',
    '[]',
    '"text"',
    '12',
    '{}',
    '{"__proto__":{"admin":true},"room_name":"x"}',
    '{"constructor":{"prototype":{"x":1}}}',
    '{"room_name":{"$gt":""},"participants":[],"call_type":"video"}',
    '{"room_name":["a"],"user_id":{"$ne":null}}',
    '{"room_name":"é-unicode-ß","participants":[],"call_type":"video"}',
    '{"room_name":"ok","participants":[null,1,true,{}],"call_type":"video"}',
    '{"room_name":"ok","participants":[],"call_type":"video","speakers":"all"}',
    '{"room_name":"ok","username":"' + 'n'.repeat(5000) + '"}',
    '{"room_name":"ok","participant_attributes":{"a":{"b":1}}}',
    '{"room_name":"ok","participant_metadata":' + '1'.repeat(400) + '}',
    '{"room_name":"a\\u0000b"}',
    '{' + '"a":{'.repeat(2000) + '}'.repeat(2001),
    '\u0000\u0001garbage',
  ];
  const targets: Array<[string, string]> = [
    ['POST', '/api/livekit/rooms'],
    ['POST', '/api/livekit/token'],
    ['POST', '/api/livekit/token-source'],
    ['POST', '/api/livekit/rooms/ok/join'],
    ['POST', '/api/livekit/rooms/ok/leave'],
    ['POST', '/api/livekit/webhooks'],
    ['POST', '/api/auth/login'],
  ];
  it.each(targets)('%s %s answers 4xx JSON to malformed input', async (method, path) => {
    for (const rawBody of bodies) {
      const res = await call(app, method, path, { token: alice, rawBody, headers: { 'content-type': 'application/json' } });
      expect(res.status, `${path} ${rawBody.slice(0, 60)}`).toBeLessThan(500);
      expect(res.json?.error?.code ?? res.json?.room_name ?? res.json?.token, rawBody.slice(0, 60)).toBeTruthy();
    }
  });

  it('odd paths and methods answer 4xx', async () => {
    for (const [method, path] of [
      ['GET', '/api/livekit/rooms/%E0%A4%A'],
      ['GET', '/api/livekit/rooms/' + 'a'.repeat(5000)],
      ['DELETE', '/api/livekit/rooms'],
      ['PUT', '/api/livekit/token'],
      ['GET', '/api/livekit/rooms/..%2F..%2Fetc'],
    ] as const) {
      const res = await call(app, method, path, { token: alice });
      expect(res.status, `${method} ${path.slice(0, 60)}`).toBeGreaterThanOrEqual(400);
      expect(res.status, `${method} ${path.slice(0, 60)}`).toBeLessThan(500);
    }
  });
});
