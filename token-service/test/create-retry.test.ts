// Retried creates (an outside fault run found them): a create answered 503 may have been stored anyway (the
// database went away after the write, or the 3 s store deadline passed on a saturated machine). The client
// that retries must get its room back, never 409 for its own room. On the memory store and on MongoDB
// (FerretDB), through app.request().
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFerretDB, type FerretDB } from '../../scripts/kit/index.mjs';
import { DependencyUnavailableError } from '../src/errors.js';
import { MemoryRoomStore } from '../src/store/memory.js';
import { MongoRoomStore } from '../src/store/mongo.js';
import type { RoomStore } from '../src/store/types.js';
import { AcceptingSfu } from './helpers/accepting-sfu.js';
import { buildApp, call, testConfig, userToken } from './helpers/app.js';


/** The next `createRoom` writes, then reports the database as gone: the answer is lost, the room is stored. */
function loseNextCreateAnswer(store: RoomStore): void {
  const real = store.createRoom.bind(store);
  store.createRoom = async (room) => {
    store.createRoom = real;
    await real(room);
    throw new DependencyUnavailableError('store', 'MongoDB did not answer createRoom within 3000 ms');
  };
}

let ferret: FerretDB;
let dbCounter = 0;
beforeAll(async () => {
  ferret = await startFerretDB();
}, 60_000);
afterAll(async () => ferret?.cleanup());

const stores: Array<[string, () => Promise<RoomStore>]> = [
  ['memory store', async () => new MemoryRoomStore()],
  ['MongoDB store (FerretDB)', () => MongoRoomStore.connect({ uri: ferret.uri, dbName: `create_retry_${++dbCounter}` })],
];

describe.each(stores)('retried creates on the %s', (_name, makeStore) => {
  async function setUp() {
    const store = await makeStore();
    const { app } = buildApp(testConfig(), { store, sfu: new AcceptingSfu() });
    const [alice, bob] = await Promise.all([userToken('alice', 'Alice Martin'), userToken('bob', 'Bob Dupont')]);
    const create = (token: string, body: Record<string, unknown>, key?: string) =>
      call(app, 'POST', '/api/livekit/rooms', { token, body, ...(key !== undefined && { headers: { 'idempotency-key': key } }) });
    return { store, app, alice, bob, create };
  }

  it('the same creator retrying the same body after a 503 gets the room (201), never 409', async () => {
    const { store, alice, bob, create } = await setUp();
    try {
      const body = { room_name: 'standup', participants: ['bob', 'carol'], call_type: 'video' };
      loseNextCreateAnswer(store);
      const lost = await create(alice, body);
      expect(lost.status).toBe(503);
      expect(lost.headers.get('retry-after')).toBeTruthy();
      expect(await store.getRoom('standup')).not.toBeNull(); // stored anyway

      const retry = await create(alice, body);
      expect(retry.status).toBe(201);
      expect(retry.headers.get('idempotent-replayed')).toBe('true');
      expect(retry.json).toMatchObject({ room_name: 'standup', created_by: 'alice', participants: ['alice', 'bob', 'carol'] });
      // The participants in another order, the creator listed or not: the same request.
      expect((await create(alice, { ...body, participants: ['carol', 'alice', 'bob'] })).status).toBe(201);

      // Anyone else, or another request, for the taken name: 409 as before.
      const other = await create(bob, body);
      expect(other.status).toBe(409);
      expect(other.json.error.code).toBe('room_exists');
      for (const changed of [{ call_type: 'audio' }, { participants: ['bob'] }, { open_to_link: true }, { speakers: ['bob'] }, { audience_chat: true }]) {
        const res = await create(alice, { ...body, ...changed });
        expect(res.status, JSON.stringify(changed)).toBe(409);
        expect(res.json.error.code).toBe('room_exists');
      }
    } finally {
      await store.close();
    }
  });

  it('honours Idempotency-Key: same key and body → the same room; same key, other body → 409 idempotency_key_reused', async () => {
    const { store, alice, bob, create } = await setUp();
    try {
      const body = { room_name: 'weekly', participants: ['bob'], call_type: 'audio' };
      loseNextCreateAnswer(store);
      expect((await create(alice, body, 'create-weekly-1')).status).toBe(503);
      const retry = await create(alice, body, 'create-weekly-1');
      expect(retry.status).toBe(201);
      expect(retry.headers.get('idempotent-replayed')).toBe('true');
      expect(retry.json).toMatchObject({ room_name: 'weekly', call_type: 'audio' });

      // The key now names that request: another body with it is refused, whatever the room name.
      for (const other of [{ ...body, room_name: 'weekly-2' }, { ...body, call_type: 'video' }]) {
        const res = await create(alice, other, 'create-weekly-1');
        expect(res.status).toBe(409);
        expect(res.json.error.code).toBe('idempotency_key_reused');
      }
      expect(await store.getRoom('weekly-2')).toBeNull();
      // Keys are per user: bob's same key is his own request.
      const bobs = await create(bob, { ...body, room_name: 'bobs-room' }, 'create-weekly-1');
      expect(bobs.status).toBe(201);
      expect(bobs.headers.get('idempotent-replayed')).toBeNull();
      // A fresh create with a new key is not a replay.
      const fresh = await create(alice, { ...body, room_name: 'weekly-3' }, 'create-weekly-3');
      expect(fresh.status).toBe(201);
      expect(fresh.headers.get('idempotent-replayed')).toBeNull();
    } finally {
      await store.close();
    }
  });

  it('two simultaneous attempts of one request both get the room', async () => {
    const { store, alice, create } = await setUp();
    try {
      const body = { room_name: 'race', participants: [], call_type: 'video' };
      const answers = await Promise.all([create(alice, body, 'race-key'), create(alice, body, 'race-key'), create(alice, body)]);
      expect(answers.map((a) => a.status)).toEqual([201, 201, 201]);
      expect(answers.filter((a) => a.headers.get('idempotent-replayed') === 'true')).toHaveLength(2);
    } finally {
      await store.close();
    }
  });

  it('400 for a malformed Idempotency-Key', async () => {
    const { store, alice, create } = await setUp();
    try {
      for (const key of ['has space', 'k'.repeat(256), 'é']) {
        const res = await create(alice, { room_name: 'keyed', participants: [], call_type: 'video' }, key);
        expect(res.status, key).toBe(400);
        expect(res.json.error.code).toBe('invalid_request');
      }
    } finally {
      await store.close();
    }
  });
});
