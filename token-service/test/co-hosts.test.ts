import { RoomServiceClient } from 'livekit-server-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../src/config.js';
import { MongoInviteStore } from '../src/store/invites-mongo.js';
import { MongoKnockStore } from '../src/store/knocks-mongo.js';
import { MongoRoomStore } from '../src/store/mongo.js';
import type { RoomStore } from '../src/store/types.js';
import { startFerretDB, startLiveKit, type FerretDB, type LiveKitServer } from '../../scripts/kit/index.mjs';
import { buildApp, call, sfuConfig, uniqueName, userToken } from './helpers/app.js';
import { SignalClient } from './helpers/signal-client.js';
import { until } from './helpers/until.js';

// Co-hosts (issue #9, "works with several hosts") through app.request(), on the real LiveKit server, on the memory
// store and on MongoDB (FerretDB): the role in the join answer and on the SFU, what a co-host may do (and not do to
// the creator), who may manage co-hosts, and MongoDB keeping them across a restart of the service.
let livekit: LiveKitServer;
let ferret: FerretDB;
let config: Config;
let roomService: RoomServiceClient;
const tokens: Record<string, string> = {};
const open: SignalClient[] = [];

beforeAll(async () => {
  [livekit, ferret] = await Promise.all([startLiveKit(), startFerretDB()]);
  config = sfuConfig(livekit);
  roomService = new RoomServiceClient(livekit.httpUrl, livekit.apiKey, livekit.apiSecret);
  for (const id of ['alice', 'bob', 'carol', 'dave', 'mallory']) tokens[id] = await userToken(id, id[0]!.toUpperCase() + id.slice(1));
});
afterAll(async () => {
  for (const c of open) c.close();
  await Promise.all([livekit?.stop(), ferret?.cleanup()]);
});

type App = ReturnType<typeof buildApp>['app'];

/** An app on a fresh store: memory, or a MongoDB database of its own (`dbName` to reopen one). */
async function openApp(kind: 'memory' | 'mongo', dbName = uniqueName('cohosts_db').replace(/-/g, '_')): Promise<{ app: App; store: RoomStore; dbName: string }> {
  if (kind === 'memory') return { ...buildApp(config), dbName };
  const store = await MongoRoomStore.connect({ uri: ferret.uri, dbName });
  const invites = new MongoInviteStore(store.db);
  const knocks = new MongoKnockStore(store.db);
  await Promise.all([invites.ensureIndexes(), knocks.ensureIndexes()]);
  return { ...buildApp(config, { store, invites, knocks }), dbName };
}

const as = (app: App, who: string, method: string, path: string, body?: unknown) =>
  call(app, method, `/api/livekit${path}`, { token: tokens[who]!, ...(body !== undefined && { body }) });

async function createRoom(app: App, body: Record<string, unknown>, headers?: Record<string, string>) {
  const room_name = uniqueName('cohost');
  const res = await call(app, 'POST', '/api/livekit/rooms', { token: tokens['alice']!, body: { room_name, ...body }, ...(headers && { headers }) });
  expect(res.status).toBe(201);
  return { name: room_name, res };
}

/** Joins through the service, then connects a signalling-only participant to the SFU with the token. */
async function connect(app: App, room: string, who: string) {
  const join = await as(app, who, 'POST', `/rooms/${room}/join`);
  expect(join.status).toBe(200);
  const connected = await SignalClient.connect(livekit.wsUrl, join.json.token);
  open.push(connected.client);
  return { ...connected, answer: join.json };
}

describe.each(['memory', 'mongo'] as const)('co-hosts on the %s store', (kind) => {
  let app: App;
  let store: RoomStore;
  beforeAll(async () => {
    ({ app, store } = await openApp(kind));
  });
  afterAll(async () => {
    await store?.close();
  });

  it('created with co_hosts: listed (creator left out), invited, role host in the join answer, and the SFU lets them publish in a webinar', async () => {
    const { name, res } = await createRoom(app, { speakers: ['carol'], co_hosts: ['bob', 'alice', 'bob'] });
    expect(res.json.co_hosts).toEqual(['bob']);
    expect(res.json.participants).toEqual(expect.arrayContaining(['alice', 'bob', 'carol']));
    expect(res.json.speakers).not.toContain('bob');
    expect((await as(app, 'bob', 'GET', `/rooms/${name}`)).json.co_hosts).toEqual(['bob']);
    expect((await as(app, 'bob', 'GET', '/rooms')).json.rooms.map((r: { room_name: string }) => r.room_name)).toContain(name);

    const bob = await connect(app, name, 'bob');
    expect(bob.answer.permissions).toMatchObject({ role: 'host', can_publish: true });
    expect(bob.join.participant?.permission?.canPublish).toBe(true);
    expect(await bob.client.requestPublish('microphone')).toBe('published');
    expect(await bob.client.requestPublish('screen_share')).toBe('published');
    // Dave, invited but neither speaker nor co-host, is the audience: the SFU refuses his microphone.
    const { name: other } = await createRoom(app, { speakers: ['carol'], participants: ['dave'], co_hosts: ['bob'] });
    const dave = await connect(app, other, 'dave');
    expect(dave.answer.permissions.role).toBe('audience');
    expect(await dave.client.requestPublish('microphone')).toBe('refused');
  });

  it('rooms without co-hosts answer co_hosts: []; more than 20 or a bad id is a 400', async () => {
    const { res } = await createRoom(app, {});
    expect(res.json.co_hosts).toEqual([]);
    const tooMany = await call(app, 'POST', '/api/livekit/rooms', { token: tokens['alice']!, body: { co_hosts: Array.from({ length: 21 }, (_, i) => `u${i}`) } });
    expect([tooMany.status, tooMany.json.error.code]).toEqual([400, 'invalid_request']);
    const bad = await call(app, 'POST', '/api/livekit/rooms', { token: tokens['alice']!, body: { co_hosts: ['$bob'] } });
    expect(bad.status).toBe(400);
  });

  it('a retried create is recognised with the same co_hosts only', async () => {
    const key = { 'idempotency-key': uniqueName('key') };
    const body = { co_hosts: ['bob'], participants: ['carol'] };
    const { name } = await createRoom(app, body, key);
    const replay = await call(app, 'POST', '/api/livekit/rooms', { token: tokens['alice']!, body: { room_name: name, ...body }, headers: key });
    expect([replay.status, replay.headers.get('idempotent-replayed')]).toEqual([201, 'true']);
    const otherCoHosts = await call(app, 'POST', '/api/livekit/rooms', { token: tokens['alice']!, body: { room_name: name, ...body, co_hosts: ['carol'] }, headers: key });
    expect([otherCoHosts.status, otherCoHosts.json.error.code]).toEqual([409, 'idempotency_key_reused']);
    const noCoHosts = await call(app, 'POST', '/api/livekit/rooms', { token: tokens['alice']!, body: { room_name: name, participants: ['carol', 'bob'] } });
    expect([noCoHosts.status, noCoHosts.json.error.code]).toEqual([409, 'room_exists']);
    const sameAgain = await call(app, 'POST', '/api/livekit/rooms', { token: tokens['alice']!, body: { room_name: name, ...body } });
    expect(sameAgain.status).toBe(201);
  });

  it('a co-host does what the host does: invites, knocks, lock, lower-hand, remove, mute, Q&A, end', async () => {
    const { name } = await createRoom(app, { participants: ['carol'], co_hosts: ['bob'], waiting_room: true });
    const invite = await as(app, 'bob', 'POST', `/rooms/${name}/invites`, { role: 'participant' });
    expect(invite.status).toBe(201);
    expect((await as(app, 'bob', 'DELETE', `/rooms/${name}/invites/${invite.json.id}`)).status).toBe(200);
    const second = await as(app, 'bob', 'POST', `/rooms/${name}/invites`, { role: 'participant' });
    expect((await as(app, 'mallory', 'POST', `/rooms/${name}/join`, { invite: second.json.invite })).status).toBe(202);
    expect((await as(app, 'bob', 'GET', `/rooms/${name}/knocks`)).json.knocks.map((k: { identity: string }) => k.identity)).toEqual(['mallory']);
    expect((await as(app, 'bob', 'POST', `/rooms/${name}/knocks/mallory/refuse`)).json).toEqual({ identity: 'mallory', status: 'refused' });

    const locked = await as(app, 'bob', 'POST', `/rooms/${name}/lock`);
    expect([locked.status, locked.json.locked]).toEqual([200, true]);
    expect((await as(app, 'bob', 'POST', `/rooms/${name}/unlock`)).json.locked).toBe(false);

    const carol = await connect(app, name, 'carol');
    expect(await carol.client.updateOwn({ attributes: { handRaisedAt: new Date().toISOString() } })).toBe('ok');
    expect((await as(app, 'bob', 'POST', `/rooms/${name}/participants/carol/lower-hand`)).status).toBe(200);
    expect((await until(() => roomService.getParticipant(name, 'carol'), (p) => !p.attributes['handRaisedAt'])).attributes['handRaisedAt']).toBeUndefined();
    // Past the host check: carol publishes no camera (a real mute is in co-hosts-live.test.ts).
    const mute = await as(app, 'bob', 'POST', `/rooms/${name}/participants/carol/mute`, { source: 'camera' });
    expect([mute.status, mute.json.error.code]).toEqual([404, 'track_not_found']);
    expect((await as(app, 'bob', 'POST', `/rooms/${name}/participants/carol/remove`)).status).toBe(200);
    expect(await until(() => roomService.listParticipants(name), (p) => p.length === 0)).toEqual([]);

    const question = await as(app, 'carol', 'POST', `/rooms/${name}/questions`, { text: 'Une question ?' });
    expect((await as(app, 'bob', 'POST', `/rooms/${name}/questions/${question.json.id}/answered`)).json.answered).toBe(true);
    expect((await as(app, 'carol', 'POST', `/rooms/${name}/questions/${question.json.id}/answered`)).status).toBe(403);
    expect((await as(app, 'bob', 'DELETE', `/rooms/${name}/questions/${question.json.id}`)).status).toBe(200);

    const ended = await as(app, 'bob', 'POST', `/rooms/${name}/end`);
    expect(ended.status).toBe(200);
    expect((await as(app, 'carol', 'POST', `/rooms/${name}/join`)).status).toBe(410);
  });

  it('a co-host may not mute, remove, promote or demote the creator, nor manage co-hosts: 403', async () => {
    const { name } = await createRoom(app, { participants: ['carol'], speakers: ['carol'], co_hosts: ['bob'] });
    await connect(app, name, 'alice');
    const onCreator = [
      ['mute', { source: 'microphone' }],
      ['remove', undefined],
      ['promote', undefined],
      ['demote', undefined],
    ] as const;
    for (const [action, body] of onCreator) {
      const res = await as(app, 'bob', 'POST', `/rooms/${name}/participants/alice/${action}`, body);
      expect([action, res.status, res.json.error.code]).toEqual([action, 403, 'forbidden']);
    }
    expect((await roomService.listParticipants(name)).map((p) => p.identity)).toEqual(['alice']);
    for (const [method, who] of [['PUT', 'carol'], ['DELETE', 'carol'], ['DELETE', 'bob'], ['PUT', 'alice']] as const) {
      const res = await as(app, 'bob', method, `/rooms/${name}/co-hosts/${who}`);
      expect([method, who, res.status, res.json.error.code]).toEqual([method, who, 403, 'forbidden']);
    }
    // The stage does not apply to a co-host, who speaks as a host: 400 rather than a 200 that changes nothing.
    for (const action of ['promote', 'demote'] as const) {
      const res = await as(app, 'alice', 'POST', `/rooms/${name}/participants/bob/${action}`);
      expect([action, res.status, res.json.error?.code]).toEqual([action, 400, 'invalid_request']);
    }
    expect((await as(app, 'bob', 'POST', `/rooms/${name}/join`)).json.permissions.role).toBe('host');
    // The creator may act on a co-host, and a co-host on another participant.
    expect((await as(app, 'bob', 'POST', `/rooms/${name}/participants/carol/demote`)).json.role).toBe('audience');
    expect((await as(app, 'alice', 'GET', `/rooms/${name}`)).json.co_hosts).toEqual(['bob']);
  });

  it('managing co-hosts: creator only (403 for a participant, 404 for an outsider as for no room), known people only, never the creator', async () => {
    const { name } = await createRoom(app, { participants: ['bob', 'carol'] });
    const put = (who: string, identity: string) => as(app, who, 'PUT', `/rooms/${name}/co-hosts/${identity}`);
    const byParticipant = await put('bob', 'carol');
    expect([byParticipant.status, byParticipant.json.error.code]).toEqual([403, 'forbidden']);
    const byOutsider = await put('mallory', 'carol');
    const noRoom = await as(app, 'mallory', 'PUT', '/rooms/no-such-room-cohost/co-hosts/carol');
    expect([byOutsider.status, byOutsider.json.error.code]).toEqual([404, 'room_not_found']);
    expect(byOutsider.json.error.message.replace(name, 'X')).toBe(noRoom.json.error.message.replace('no-such-room-cohost', 'X'));
    const creator = await put('alice', 'alice');
    expect([creator.status, creator.json.error.code]).toEqual([400, 'invalid_request']);
    const stranger = await put('alice', 'dave');
    expect([stranger.status, stranger.json.error.code]).toEqual([404, 'participant_not_found']);
    const bad = await put('alice', encodeURIComponent('$carol'));
    expect(bad.status).toBe(400);

    const made = await put('alice', 'carol');
    expect(made.status).toBe(200);
    expect(made.json).toMatchObject({ room_name: name, co_hosts: ['carol'] });
    expect((await put('alice', 'carol')).json.co_hosts).toEqual(['carol']);
    expect((await as(app, 'carol', 'POST', `/rooms/${name}/join`)).json.permissions.role).toBe('host');
    expect((await as(app, 'carol', 'POST', `/rooms/${name}/lock`)).status).toBe(200);
    const removed = await as(app, 'alice', 'DELETE', `/rooms/${name}/co-hosts/carol`);
    expect([removed.status, removed.json.co_hosts]).toEqual([200, []]);
    expect(removed.json.participants).toContain('carol');
    expect((await as(app, 'carol', 'POST', `/rooms/${name}/unlock`)).status).toBe(403);
    expect((await as(app, 'alice', 'POST', `/rooms/${name}/unlock`)).status).toBe(200);
    expect((await as(app, 'carol', 'POST', `/rooms/${name}/join`)).json.permissions.role).toBe('participant');

    // A guest admitted with an invite may be made co-host, and stays a guest (not invited).
    const link = await as(app, 'alice', 'POST', `/rooms/${name}/invites`, { role: 'participant' });
    expect((await as(app, 'dave', 'POST', `/rooms/${name}/join`, { invite: link.json.invite })).status).toBe(200);
    const guest = await put('alice', 'dave');
    expect([guest.status, guest.json.co_hosts]).toEqual([200, ['dave']]);
    expect(guest.json.participants).not.toContain('dave');
  });

  it('a webinar guest who came in as a speaker, made co-host and then not, speaks again (live on the SFU and on a rejoin)', async () => {
    const { name } = await createRoom(app, { participants: ['carol'], speakers: ['carol'] });
    const link = await as(app, 'alice', 'POST', `/rooms/${name}/invites`, { role: 'participant' });
    const join = await as(app, 'dave', 'POST', `/rooms/${name}/join`, { invite: link.json.invite });
    expect(join.json.permissions.role).toBe('speaker');
    const dave = await SignalClient.connect(livekit.wsUrl, join.json.token);
    open.push(dave.client);
    expect((await as(app, 'alice', 'PUT', `/rooms/${name}/co-hosts/dave`)).json.co_hosts).toEqual(['dave']);
    const removed = await as(app, 'alice', 'DELETE', `/rooms/${name}/co-hosts/dave`);
    expect([removed.status, removed.json.co_hosts, removed.json.participants.includes('dave')]).toEqual([200, [], false]);
    expect((await roomService.getParticipant(name, 'dave')).permission?.canPublish).toBe(true);
    expect((await as(app, 'dave', 'POST', `/rooms/${name}/join`)).json.permissions.role).toBe('speaker');
  });

  it('a guest whose invite was revoked while co-host has no way in once no longer co-host: removed from the call', async () => {
    const { name } = await createRoom(app, {});
    const link = await as(app, 'alice', 'POST', `/rooms/${name}/invites`, { role: 'participant' });
    const join = await as(app, 'dave', 'POST', `/rooms/${name}/join`, { invite: link.json.invite });
    const dave = await SignalClient.connect(livekit.wsUrl, join.json.token);
    open.push(dave.client);
    expect((await as(app, 'alice', 'PUT', `/rooms/${name}/co-hosts/dave`)).status).toBe(200);
    expect((await as(app, 'alice', 'DELETE', `/rooms/${name}/invites/${link.json.id}`)).status).toBe(200);
    expect((await as(app, 'dave', 'POST', `/rooms/${name}/join`)).json.permissions.role).toBe('host');
    expect((await as(app, 'alice', 'DELETE', `/rooms/${name}/co-hosts/dave`)).status).toBe(200);
    expect(await until(() => roomService.listParticipants(name), (p) => !p.some((x) => x.identity === 'dave'))).not.toContainEqual(expect.objectContaining({ identity: 'dave' }));
    expect((await as(app, 'dave', 'POST', `/rooms/${name}/join`)).status).toBe(404);
  });

  it('removing the co-host role from a guest in the call who never had it: 200, nothing changes (their invite role stays)', async () => {
    const { name } = await createRoom(app, {});
    const link = await as(app, 'alice', 'POST', `/rooms/${name}/invites`, { role: 'participant' });
    const join = await as(app, 'dave', 'POST', `/rooms/${name}/join`, { invite: link.json.invite });
    expect(join.status).toBe(200);
    const dave = await SignalClient.connect(livekit.wsUrl, join.json.token);
    open.push(dave.client);
    const removed = await as(app, 'alice', 'DELETE', `/rooms/${name}/co-hosts/dave`);
    expect([removed.status, removed.json.co_hosts]).toEqual([200, []]);
    expect(removed.json.participants).not.toContain('dave');
    expect((await roomService.getParticipant(name, 'dave')).permission?.canPublish).toBe(true);
  });

  it('a guest let in from the waiting room by the open link may be made co-host once admitted (404 while waiting)', async () => {
    const { name } = await createRoom(app, { open_to_link: true, waiting_room: true });
    expect((await as(app, 'dave', 'POST', `/rooms/${name}/join`)).status).toBe(202);
    const waiting = await as(app, 'alice', 'PUT', `/rooms/${name}/co-hosts/dave`);
    expect([waiting.status, waiting.json.error.code]).toEqual([404, 'participant_not_found']);
    expect((await as(app, 'alice', 'POST', `/rooms/${name}/knocks/dave/admit`)).status).toBe(200);
    const made = await as(app, 'alice', 'PUT', `/rooms/${name}/co-hosts/dave`);
    expect([made.status, made.json.co_hosts]).toEqual([200, ['dave']]);
    expect((await as(app, 'dave', 'POST', `/rooms/${name}/join`)).json.permissions.role).toBe('host');
  });

  if (kind === 'memory') {
    it('is in /openapi.json: PUT and DELETE with both path parameters; co_hosts on Room and CreateRoomRequest', async () => {
      const spec = (await call(app, 'GET', '/openapi.json')).json;
      const path = spec.paths['/api/livekit/rooms/{room_name}/co-hosts/{identity}'];
      for (const method of ['put', 'delete']) {
        expect(path[method].parameters.map((p: { name: string; in: string }) => `${p.in}:${p.name}`).sort()).toEqual(['path:identity', 'path:room_name']);
        expect(path[method].responses['200'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/Room' });
        expect(Object.keys(path[method].responses).sort()).toEqual(['200', '400', '401', '403', '404', '429', '503']);
      }
      expect(spec.components.schemas.Room.required).toContain('co_hosts');
      expect(spec.components.schemas.CreateRoomRequest.properties.co_hosts).toMatchObject({ type: 'array', maxItems: 20 });
    });
  }

  if (kind === 'mongo') {
    it('MongoDB keeps co-hosts across a restart of the service (a new app on the same database)', async () => {
      const first = await openApp('mongo');
      const { name } = await createRoom(first.app, { participants: ['carol'], co_hosts: ['bob'] });
      expect((await as(first.app, 'alice', 'PUT', `/rooms/${name}/co-hosts/carol`)).status).toBe(200);
      await first.store.close();

      const second = await openApp('mongo', first.dbName);
      try {
        expect((await as(second.app, 'carol', 'GET', `/rooms/${name}`)).json.co_hosts).toEqual(['bob', 'carol']);
        expect((await as(second.app, 'carol', 'POST', `/rooms/${name}/join`)).json.permissions.role).toBe('host');
        expect((await as(second.app, 'bob', 'POST', `/rooms/${name}/lock`)).status).toBe(200);
        expect((await as(second.app, 'alice', 'DELETE', `/rooms/${name}/co-hosts/bob`)).json.co_hosts).toEqual(['carol']);
        expect((await as(second.app, 'bob', 'POST', `/rooms/${name}/unlock`)).status).toBe(403);
      } finally {
        await second.store.close();
      }
    });
  }
});
