import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../src/config.js';
import { MemoryRoomStore } from '../src/store/memory.js';
import { MongoMessageStore } from '../src/store/messages-mongo.js';
import { MongoRoomStore } from '../src/store/mongo.js';
import { MemoryMessageStore } from '../src/store/messages-memory.js';
import { MemoryQuestionStore } from '../src/store/questions-memory.js';
import { buildApp, call, userToken, sfuConfig, uniqueName } from './helpers/app.js';
import { startFerretDB, startLiveKit, type LiveKitServer } from '../../scripts/kit/index.mjs';

// The chat history endpoints through app.request(), on the real LiveKit server (rooms are created on it).
let livekit: LiveKitServer;
let config: Config;
let store: MemoryRoomStore;
let app: ReturnType<typeof buildApp>['app'];
let alice: string, bob: string, carol: string, mallory: string;

beforeAll(async () => {
  livekit = await startLiveKit();
  config = sfuConfig(livekit, {
    CHAT_HISTORY_MAX_MESSAGES: '3',
  });
  store = new MemoryRoomStore();
  ({ app } = buildApp(config, { store }));
  [alice, bob, carol, mallory] = await Promise.all([
    userToken('alice', 'Alice Martin'),
    userToken('bob', 'Bob Dupont'),
    userToken('carol', 'Carole Lefèvre'),
    userToken('mallory', 'Mallory'),
  ]);
});
afterAll(async () => livekit?.stop());

const messages = (room: string) => `/api/livekit/rooms/${room}/messages`;

async function newRoom(body: Record<string, unknown> = {}) {
  const room_name = uniqueName('chat');
  const res = await call(app, 'POST', '/api/livekit/rooms', { token: alice, body: { room_name, participants: ['bob'], ...body } });
  expect(res.status).toBe(201);
  return room_name;
}

describe('POST and GET /api/livekit/rooms/{room_name}/messages', () => {
  it('stores the message as the caller’s and gives it to another member, oldest first', async () => {
    const room = await newRoom();
    const first = await call(app, 'POST', messages(room), { token: bob, body: { id: 'TX_1', text: '  Bonjour à tous  ' } });
    expect(first.status).toBe(201);
    expect(first.json).toEqual({ id: 'TX_1', from: { identity: 'bob', name: 'Bob Dupont' }, text: 'Bonjour à tous', timestamp: expect.any(Number) });
    expect(Math.abs(first.json.timestamp - Date.now())).toBeLessThan(60_000);
    await call(app, 'POST', messages(room), { token: alice, body: { id: 'TX_2', text: 'Salut <img src=x onerror=alert(1)>' } });
    const history = await call(app, 'GET', messages(room), { token: alice });
    expect(history.status).toBe(200);
    expect(history.json.room_name).toBe(room);
    expect(history.json.messages.map((m: any) => [m.id, m.from.identity, m.text])).toEqual([
      ['TX_1', 'bob', 'Bonjour à tous'],
      ['TX_2', 'alice', 'Salut <img src=x onerror=alert(1)>'],
    ]);
  });

  it('cannot be stored in someone else’s name: a `from` in the body is refused, the author is the token’s user', async () => {
    const room = await newRoom();
    const spoof = await call(app, 'POST', messages(room), {
      token: bob,
      body: { id: 'TX_S', text: 'I am Alice', from: { identity: 'alice', name: 'Alice Martin' } },
    });
    expect(spoof.status).toBe(400);
    expect(spoof.json.error.code).toBe('invalid_request');
    // The same id from two authors is two messages, each with its own author (stream ids are unique per sender).
    await call(app, 'POST', messages(room), { token: bob, body: { id: 'TX_S', text: 'from bob' } });
    await call(app, 'POST', messages(room), { token: alice, body: { id: 'TX_S', text: 'from alice' } });
    const history = await call(app, 'GET', messages(room), { token: bob });
    expect(history.json.messages.map((m: any) => `${m.from.identity}:${m.text}`)).toEqual(['bob:from bob', 'alice:from alice']);
  });

  it('names the author as the SFU reported them in the call, else by their account name', async () => {
    const room = await newRoom();
    await store.setPresence(room, { identity: 'bob', name: 'Bobby (mobile)' }, true, Date.now());
    const res = await call(app, 'POST', messages(room), { token: bob, body: { id: 'TX_P', text: 'hi' } });
    expect(res.json.from).toEqual({ identity: 'bob', name: 'Bobby (mobile)' });
  });

  it('a retry with the same id answers 200 with the first copy and stores nothing more', async () => {
    const room = await newRoom();
    const first = await call(app, 'POST', messages(room), { token: bob, body: { id: 'TX_R', text: 'once' } });
    const again = await call(app, 'POST', messages(room), { token: bob, body: { id: 'TX_R', text: 'twice?' } });
    expect(again.status).toBe(200);
    expect(again.json).toEqual(first.json);
    expect((await call(app, 'GET', messages(room), { token: bob })).json.messages).toHaveLength(1);
  });

  it('keeps the newest CHAT_HISTORY_MAX_MESSAGES of a room; ?limit= returns the newest of those', async () => {
    const room = await newRoom();
    for (let i = 1; i <= 5; i++) {
      expect((await call(app, 'POST', messages(room), { token: alice, body: { id: `M${i}`, text: `n°${i}` } })).status).toBe(201);
    }
    const all = await call(app, 'GET', messages(room), { token: bob });
    expect(all.json.messages.map((m: any) => m.id)).toEqual(['M3', 'M4', 'M5']);
    const two = await call(app, 'GET', `${messages(room)}?limit=2`, { token: bob });
    expect(two.json.messages.map((m: any) => m.id)).toEqual(['M4', 'M5']);
  });

  it('404 room_not_found for an unknown room and for a user who is not invited (no existence oracle); 401 without a token', async () => {
    const room = await newRoom();
    for (const method of ['GET', 'POST'] as const) {
      const body = method === 'POST' ? { id: 'TX', text: 'x' } : undefined;
      const unknown = await call(app, method, messages(uniqueName('nope')), { token: alice, ...(body && { body }) });
      expect(unknown.status).toBe(404);
      expect(unknown.json.error.code).toBe('room_not_found');
      const outsider = await call(app, method, messages(room), { token: mallory, ...(body && { body }) });
      expect(outsider.status).toBe(404);
      expect(outsider.json.error.code).toBe('room_not_found');
      expect((await call(app, method, messages(room), { ...(body && { body }) })).status).toBe(401);
    }
    expect((await call(app, 'GET', messages(room), { token: alice })).json.messages).toEqual([]);
  });

  it("a webinar's audience reads the history, and writes only when the room has audience_chat (as its token grant)", async () => {
    const readOnly = await newRoom({ speakers: ['bob'], participants: ['bob', 'carol'] });
    await call(app, 'POST', messages(readOnly), { token: bob, body: { id: 'SPK', text: 'Welcome' } });
    const refused = await call(app, 'POST', messages(readOnly), { token: carol, body: { id: 'AUD', text: 'question' } });
    expect(refused.status).toBe(403);
    expect(refused.json.error.code).toBe('forbidden');
    const read = await call(app, 'GET', messages(readOnly), { token: carol });
    expect(read.json.messages.map((m: any) => m.id)).toEqual(['SPK']);

    const open = await newRoom({ speakers: ['bob'], participants: ['bob', 'carol'], audience_chat: true });
    const allowed = await call(app, 'POST', messages(open), { token: carol, body: { id: 'AUD', text: 'question' } });
    expect(allowed.status).toBe(201);
    expect(allowed.json.from.identity).toBe('carol');
  });

  it('a guest admitted with an invite writes and reads with the invite’s role; an audience guest of a webinar only reads', async () => {
    const room = await newRoom();
    const link = await call(app, 'POST', `/api/livekit/rooms/${room}/invites`, { token: alice, body: { role: 'participant' } });
    expect(link.status).toBe(201);
    expect((await call(app, 'POST', messages(room), { token: mallory, body: { id: 'G1', text: 'before' } })).status).toBe(404);
    expect((await call(app, 'POST', `/api/livekit/rooms/${room}/join`, { token: mallory, body: { invite: link.json.invite } })).status).toBe(200);
    const posted = await call(app, 'POST', messages(room), { token: mallory, body: { id: 'G1', text: 'invité' } });
    expect(posted.status).toBe(201);
    expect(posted.json.from.identity).toBe('mallory');
    expect((await call(app, 'GET', messages(room), { token: mallory })).json.messages.map((m: any) => m.text)).toEqual(['invité']);

    const webinar = await newRoom({ speakers: ['bob'] });
    const audience = await call(app, 'POST', `/api/livekit/rooms/${webinar}/invites`, { token: alice, body: { role: 'audience' } });
    expect((await call(app, 'POST', `/api/livekit/rooms/${webinar}/join`, { token: carol, body: { invite: audience.json.invite } })).status).toBe(200);
    expect((await call(app, 'POST', messages(webinar), { token: carol, body: { id: 'A1', text: 'q' } })).status).toBe(403);
    expect((await call(app, 'GET', messages(webinar), { token: carol })).status).toBe(200);
  });

  it.each([
    [{ id: 'TX', text: '' }, 'text'],
    [{ id: 'TX', text: '   ' }, 'text'],
    [{ id: 'TX', text: 'x'.repeat(2001) }, 'text'],
    [{ id: 'TX', text: 42 }, 'text'],
    [{ id: '', text: 'x' }, 'id'],
    [{ id: 'a b', text: 'x' }, 'id'],
    [{ id: { $ne: null }, text: 'x' }, 'id'],
    [{ id: 'x'.repeat(129), text: 'x' }, 'id'],
    [{ text: 'x' }, 'id'],
  ])('400 invalid_request for %j (names %s)', async (body, field) => {
    const room = await newRoom();
    const res = await call(app, 'POST', messages(room), { token: alice, body });
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe('invalid_request');
    expect(res.json.error.message).toContain(field);
  });

  it('accepts a message of exactly the widget’s maximum length; 400 for a bad ?limit= or room name', async () => {
    const room = await newRoom();
    expect((await call(app, 'POST', messages(room), { token: alice, body: { id: 'LONG', text: 'é'.repeat(2000) } })).status).toBe(201);
    for (const q of ['limit=0', 'limit=1001', 'limit=abc', 'limit=1.5']) {
      const res = await call(app, 'GET', `${messages(room)}?${q}`, { token: alice });
      expect(res.status, q).toBe(400);
      expect(res.json.error.message).toContain('limit');
    }
    expect((await call(app, 'GET', messages('bad name!'), { token: alice })).status).toBe(400);
  });
});

describe('on MongoDB (FerretDB), as main.ts wires it', () => {
  it('the history survives a restart of the service (a new app on the same database)', async () => {
    const ferret = await startFerretDB();
    const open = async () => {
      const rooms = await MongoRoomStore.connect({ uri: ferret.uri, dbName: 'messages_app_test' });
      const messages = await MongoMessageStore.open(rooms.db, { maxPerRoom: 3, retentionMs: 60_000 });
      return { rooms, app: buildApp(config, { store: rooms, messages }).app };
    };
    try {
      const first = await open();
      const room = uniqueName('chat-mongo');
      expect((await call(first.app, 'POST', '/api/livekit/rooms', { token: alice, body: { room_name: room, participants: ['bob'] } })).status).toBe(201);
      for (let i = 1; i <= 4; i++) {
        expect((await call(first.app, 'POST', messages(room), { token: alice, body: { id: `M${i}`, text: `n°${i}` } })).status).toBe(201);
      }
      await first.rooms.close();
      const second = await open();
      try {
        const history = await call(second.app, 'GET', messages(room), { token: bob });
        expect(history.json.messages.map((m: any) => [m.id, m.from.name])).toEqual([
          ['M2', 'Alice Martin'],
          ['M3', 'Alice Martin'],
          ['M4', 'Alice Martin'],
        ]);
        expect((await call(second.app, 'POST', messages(room), { token: alice, body: { id: 'M4', text: 'again' } })).status).toBe(200);
      } finally {
        await second.rooms.close();
      }
    } finally {
      await ferret.cleanup();
    }
  });
});

describe('a room that ends takes its chat history and questions with it', () => {
  it('POST /rooms/{room_name}/end deletes the stored messages and questions of that room only', async () => {
    const messageStore = new MemoryMessageStore();
    const questionStore = new MemoryQuestionStore();
    const own = buildApp(config, { store, messages: messageStore, questions: questionStore }).app;
    const create = async () => {
      const room_name = uniqueName('ending');
      expect((await call(own, 'POST', '/api/livekit/rooms', { token: alice, body: { room_name, participants: ['bob'] } })).status).toBe(201);
      expect((await call(own, 'POST', messages(room_name), { token: bob, body: { id: 'TX_E', text: 'avant la fin' } })).status).toBe(201);
      expect((await call(own, 'POST', `/api/livekit/rooms/${room_name}/questions`, { token: bob, body: { text: 'Une question ?' } })).status).toBe(201);
      return room_name;
    };
    const [ending, staying] = [await create(), await create()];
    expect((await call(own, 'POST', `/api/livekit/rooms/${ending}/end`, { token: alice })).status).toBe(200);
    expect(await messageStore.listMessages(ending, 100)).toEqual([]);
    expect(await questionStore.listQuestions(ending)).toEqual([]);
    expect((await messageStore.listMessages(staying, 100)).map((m) => m.text)).toEqual(['avant la fin']);
    expect((await questionStore.listQuestions(staying)).length).toBe(1);
  });
});
