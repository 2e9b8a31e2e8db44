import { RoomServiceClient } from 'livekit-server-sdk';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Config } from '../src/config.js';
import { LiveKitGateway } from '../src/livekit.js';
import { LOBBY_TOPIC } from '../src/lobby.js';
import { MongoInviteStore } from '../src/store/invites-mongo.js';
import { MongoKnockStore } from '../src/store/knocks-mongo.js';
import { MongoRoomStore } from '../src/store/mongo.js';
import { buildApp, call, userToken, sfuConfig, uniqueName } from './helpers/app.js';
import { startFerretDB, startLiveKit, type FerretDB, type LiveKitServer } from '../../scripts/kit/index.mjs';

// The waiting room on the real SFU: knocks, host decisions, no token while waiting; MongoDB across a restart.
let livekit: LiveKitServer;
let ferret: FerretDB;
let config: Config;
let app: ReturnType<typeof buildApp>['app'];
let sfu: LiveKitGateway;
let alice: string, bob: string, mallory: string, dave: string, erin: string;

beforeAll(async () => {
  [livekit, ferret] = await Promise.all([startLiveKit(), startFerretDB()]);
  config = sfuConfig(livekit);
  sfu = new LiveKitGateway(config);
  ({ app } = buildApp(config, { sfu }));
  [alice, bob, mallory, dave, erin] = (await Promise.all(
    ['alice', 'bob', 'mallory', 'dave', 'erin'].map((id) => userToken(id, id[0]!.toUpperCase() + id.slice(1))),
  )) as [string, string, string, string, string];
});
afterAll(async () => {
  await Promise.all([livekit?.stop(), ferret?.cleanup()]);
});

const validate = async (token: string) =>
  (await fetch(`${livekit.httpUrl}/rtc/validate?access_token=${encodeURIComponent(token)}`)).status;

async function lobbyRoom(on = app) {
  const name = uniqueName('lobby');
  expect((await call(on, 'POST', '/api/livekit/rooms', { token: alice, body: { room_name: name, participants: ['bob'], waiting_room: true } })).status).toBe(201);
  const link = (await call(on, 'POST', `/api/livekit/rooms/${name}/invites`, { token: alice, body: { role: 'participant' } })).json;
  return { name, secret: link.invite as string };
}

describe('waiting room', () => {
  it('a guest knocks: 202 waiting without a token, the host sees the knock and admits, then the guest gets a token the SFU accepts', async () => {
    const sent = vi.spyOn(sfu, 'sendData');
    const { name, secret } = await lobbyRoom();
    const join = (body: Record<string, unknown> = { invite: secret, username: 'Mallory (guest)' }) =>
      call(app, 'POST', `/api/livekit/rooms/${name}/join`, { token: mallory, body });
    const knocked = await join();
    expect(knocked.status).toBe(202);
    expect(knocked.json).toEqual({ status: 'waiting', room_name: name });
    expect(knocked.text).not.toMatch(/token/);
    // Asking again while waiting: still no token, from any endpoint.
    expect((await join({})).status).toBe(202);
    for (const [path, body] of [['/api/livekit/token', { room_name: name }], ['/api/livekit/token-source', { room_name: name }]] as const) {
      const res = await call(app, 'POST', path, { token: mallory, body });
      expect(res.status, path).toBe(403);
      expect(res.text).not.toMatch(/eyJ/);
    }
    // Hosts are told at once over LiveKit data, on the lobby topic, and only hosts.
    expect(sent).toHaveBeenCalledWith(name, LOBBY_TOPIC, expect.stringContaining('"identity":"mallory"'), ['alice']);
    const list = await call(app, 'GET', `/api/livekit/rooms/${name}/knocks`, { token: alice });
    expect(list.status).toBe(200);
    expect(list.json.knocks).toEqual([{ identity: 'mallory', name: 'Mallory (guest)', knocked_at: expect.any(String), via: 'participant' }]);
    // Not the host: 403 for the invited participant, 404 for someone who may not see the room.
    expect((await call(app, 'GET', `/api/livekit/rooms/${name}/knocks`, { token: bob })).status).toBe(403);
    expect((await call(app, 'POST', `/api/livekit/rooms/${name}/knocks/mallory/admit`, { token: bob })).status).toBe(403);
    expect((await call(app, 'POST', `/api/livekit/rooms/${name}/knocks/mallory/admit`, { token: dave })).status).toBe(404);
    expect((await call(app, 'POST', `/api/livekit/rooms/${name}/knocks/nobody/admit`, { token: alice })).status).toBe(404);
    // An invited participant never waits.
    expect((await call(app, 'POST', `/api/livekit/rooms/${name}/join`, { token: bob })).status).toBe(200);

    const admitted = await call(app, 'POST', `/api/livekit/rooms/${name}/knocks/mallory/admit`, { token: alice });
    expect(admitted.json).toEqual({ identity: 'mallory', status: 'admitted' });
    expect((await call(app, 'GET', `/api/livekit/rooms/${name}/knocks`, { token: alice })).json.knocks).toEqual([]);
    const entered = await join();
    expect(entered.status).toBe(200);
    expect(entered.json.permissions.role).toBe('participant');
    expect(await validate(entered.json.token)).toBe(200);
    // A later refusal does not undo the first decision.
    expect((await call(app, 'POST', `/api/livekit/rooms/${name}/knocks/mallory/refuse`, { token: alice })).json.status).toBe('admitted');
  });

  it('a refused guest gets 403 knock_refused and never a token', async () => {
    const { name, secret } = await lobbyRoom();
    expect((await call(app, 'POST', `/api/livekit/rooms/${name}/join`, { token: dave, body: { invite: secret } })).status).toBe(202);
    expect((await call(app, 'POST', `/api/livekit/rooms/${name}/knocks/dave/refuse`, { token: alice })).json).toEqual({ identity: 'dave', status: 'refused' });
    const res = await call(app, 'POST', `/api/livekit/rooms/${name}/join`, { token: dave, body: { invite: secret } });
    expect(res.status).toBe(403);
    expect(res.json.error.code).toBe('knock_refused');
    const sfuRoom = new RoomServiceClient(livekit.httpUrl, livekit.apiKey, livekit.apiSecret);
    expect((await sfuRoom.listParticipants(name)).map((p) => p.identity)).not.toContain('dave');
  });

  it('with MongoDB, knocks survive a restart of the service', async () => {
    const dbName = uniqueName('lobby_db').replace(/-/g, '_');
    const open = async () => {
      const store = await MongoRoomStore.connect({ uri: ferret.uri, dbName });
      const invites = new MongoInviteStore(store.db);
      const knocks = new MongoKnockStore(store.db);
      await Promise.all([invites.ensureIndexes(), knocks.ensureIndexes()]);
      return { ...buildApp(config, { store, invites, knocks }), store };
    };
    const first = await open();
    const { name, secret } = await lobbyRoom(first.app);
    expect((await call(first.app, 'POST', `/api/livekit/rooms/${name}/join`, { token: erin, body: { invite: secret } })).status).toBe(202);
    await first.store.close();

    const second = await open();
    try {
      const list = await call(second.app, 'GET', `/api/livekit/rooms/${name}/knocks`, { token: alice });
      expect(list.json.knocks.map((k: { identity: string }) => k.identity)).toEqual(['erin']);
      expect((await call(second.app, 'POST', `/api/livekit/rooms/${name}/join`, { token: erin })).status).toBe(202);
      await call(second.app, 'POST', `/api/livekit/rooms/${name}/knocks/erin/admit`, { token: alice });
      const entered = await call(second.app, 'POST', `/api/livekit/rooms/${name}/join`, { token: erin });
      expect(entered.status).toBe(200);
      expect(await validate(entered.json.token)).toBe(200);
    } finally {
      await second.store.close();
    }
  });
});
