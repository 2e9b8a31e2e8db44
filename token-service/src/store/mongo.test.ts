// MongoRoomStore against FerretDB (the MongoDB wire protocol over SQLite), started by this file on a free
// loopback port. Every test gets its own database, so tests neither see nor wait for each other.
import { MongoNetworkError, MongoServerError, MongoServerSelectionError } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freeTcpPort, startFerretDB, type FerretDB } from '../../../scripts/kit/index.mjs';
import { DependencyUnavailableError } from '../errors.js';
import { describeRoomStoreContract, sampleRoom } from './contract.js';
import { describeCoHostsContract } from './co-hosts-contract.js';
import { describeHostControlsContract } from './host-controls.contract.js';
import { isStoreUnavailable, MongoRoomStore, toStoreError } from './mongo.js';
import { RoomExistsError } from './types.js';
import { describeInviteStoreContract } from './invites-contract.js';
import { MongoInviteStore } from './invites-mongo.js';
import { describeKnockStoreContract } from './knocks-contract.js';
import { MongoKnockStore } from './knocks-mongo.js';
import { describeRoomPagesContract } from './rooms-page-contract.js';

const DB_PREFIX = 'store_mongo_test';
let ferret: FerretDB;
let dbCounter = 0;
const nextDbName = () => `${DB_PREFIX}_${++dbCounter}`;

beforeAll(async () => {
  ferret = await startFerretDB();
});

afterAll(async () => {
  await ferret?.cleanup();
});

describeRoomStoreContract(
  'MongoRoomStore on FerretDB',
  () => MongoRoomStore.connect({ uri: ferret.uri, dbName: nextDbName() }),
  // FerretDB v1 updates are read-then-write; MongoDB's are atomic per document (see mongo.ts).
  { atomicConcurrentUpdates: false },
);

describeCoHostsContract('MongoRoomStore on FerretDB', () => MongoRoomStore.connect({ uri: ferret.uri, dbName: nextDbName() }));
describeHostControlsContract('MongoRoomStore on FerretDB', () => MongoRoomStore.connect({ uri: ferret.uri, dbName: nextDbName() }));

describeRoomPagesContract('MongoRoomStore on FerretDB', () => MongoRoomStore.connect({ uri: ferret.uri, dbName: nextDbName() }));

describeInviteStoreContract('MongoInviteStore on FerretDB', async () => {
  const rooms = await MongoRoomStore.connect({ uri: ferret.uri, dbName: nextDbName() });
  const invites = new MongoInviteStore(rooms.db);
  await invites.ensureIndexes();
  // Closing the invite store closes the client it borrowed from the room store.
  return Object.assign(invites, { close: () => rooms.close() });
});

describeKnockStoreContract('MongoKnockStore on FerretDB', async () => {
  const rooms = await MongoRoomStore.connect({ uri: ferret.uri, dbName: nextDbName() });
  const knocks = new MongoKnockStore(rooms.db);
  await knocks.ensureIndexes();
  return Object.assign(knocks, { close: () => rooms.close() });
});

describe('MongoRoomStore', () => {
  it('keeps rooms, presence and processed events across a restart of the service', async () => {
    const dbName = nextDbName();
    const first = await MongoRoomStore.connect({ uri: ferret.uri, dbName });
    const room = sampleRoom('persist', { participants: ['alice', 'bob'] });
    await first.createRoom(room);
    await first.addParticipant('persist', 'carol');
    await first.setPresence('persist', { identity: 'bob', name: 'Bob' }, true, 2000);
    await first.markEventProcessed('EV_persist');
    await first.close();

    const second = await MongoRoomStore.connect({ uri: ferret.uri, dbName });
    try {
      expect(await second.getRoom('persist')).toEqual({ ...room, participants: ['alice', 'bob', 'carol'] });
      expect(await second.listPresence('persist')).toEqual([{ identity: 'bob', name: 'Bob' }]);
      expect(await second.markEventProcessed('EV_persist')).toBe(false);
      await expect(second.createRoom(room)).rejects.toBeInstanceOf(RoomExistsError);
      // The out-of-order rule holds across restarts too.
      await second.setPresence('persist', { identity: 'bob', name: 'Bob' }, false, 1000);
      expect(await second.listPresence('persist')).toEqual([{ identity: 'bob', name: 'Bob' }]);
    } finally {
      await second.close();
    }
  });

  it('creates its indexes idempotently (connecting again to the same database is fine)', async () => {
    const dbName = nextDbName();
    await (await MongoRoomStore.connect({ uri: ferret.uri, dbName })).close();
    const store = await MongoRoomStore.connect({ uri: ferret.uri, dbName });
    try {
      await store.ensureIndexes();
      const indexes = async (collection: string) =>
        Object.fromEntries(
          (await store.db.collection(collection).listIndexes().toArray()).map((i) => [i.name, { key: i.key, unique: !!i.unique }]),
        );
      expect(await indexes('rooms')).toEqual({
        _id_: { key: { _id: 1 }, unique: false },
        participants: { key: { participants: 1 }, unique: false },
        createdBy: { key: { createdBy: 1 }, unique: false },
        createdBy_idempotencyKey: { key: { createdBy: 1, idempotencyKey: 1 }, unique: false },
      });
      expect(await indexes('presence')).toMatchObject({
        roomName_identity: { key: { roomName: 1, identity: 1 }, unique: true },
      });
      expect(await indexes('webhook_events')).toMatchObject({ at: { key: { at: 1 }, unique: false } });
    } finally {
      await store.close();
    }
  });

  it('stores documents with exactly the known fields (_id is the room name)', async () => {
    const store = await MongoRoomStore.connect({ uri: ferret.uri, dbName: nextDbName() });
    try {
      const room = sampleRoom('shape');
      await store.createRoom({ ...room, $where: 'sleep(1000)', extra: { $set: 1 } } as never);
      const doc = await store.db.collection('rooms').findOne({ _id: 'shape' as never });
      expect(Object.keys(doc!).sort()).toEqual(
        ['_id', 'audienceChat', 'callType', 'createdAt', 'createdBy', 'createdByName', 'openToLink', 'participants', 'speakers', 'waitingRoom'].sort(),
      );
      await store.setPresence('shape', { identity: 'alice', name: 'Alice', extra: 'x' } as never, true, 1000);
      const presence = await store.db.collection('presence').findOne({ roomName: 'shape' }, { projection: { _id: 0 } });
      expect(presence).toEqual({ roomName: 'shape', identity: 'alice', name: 'Alice', present: true, at: 1000 });
    } finally {
      await store.close();
    }
  });

  it('refuses non-string values at run time, before any query (no operator injection)', async () => {
    const store = await MongoRoomStore.connect({ uri: ferret.uri, dbName: nextDbName() });
    try {
      await store.createRoom(sampleRoom('target'));
      const operator = { $ne: null } as never;
      await expect(store.getRoom(operator)).rejects.toBeInstanceOf(TypeError);
      await expect(store.listRoomsForUser(operator)).rejects.toBeInstanceOf(TypeError);
      await expect(store.listRoomsForUser({ $gt: '' } as never)).rejects.toBeInstanceOf(TypeError);
      await expect(store.addParticipant(operator, 'mallory')).rejects.toBeInstanceOf(TypeError);
      await expect(store.addParticipant('target', operator)).rejects.toBeInstanceOf(TypeError);
      await expect(store.setPresence(operator, { identity: 'a', name: 'a' }, true, 1)).rejects.toBeInstanceOf(TypeError);
      await expect(store.setPresence('target', { identity: operator, name: 'a' }, true, 1)).rejects.toBeInstanceOf(TypeError);
      await expect(store.setPresence('target', { identity: 'a', name: 'a' }, true, Number.NaN)).rejects.toBeInstanceOf(TypeError);
      await expect(store.setPresence('target', { identity: 'a', name: 'a' }, 'yes' as never, 1)).rejects.toBeInstanceOf(TypeError);
      await expect(store.clearPresence(operator, 1)).rejects.toBeInstanceOf(TypeError);
      await expect(store.listPresence(operator)).rejects.toBeInstanceOf(TypeError);
      await expect(store.markEventProcessed(operator)).rejects.toBeInstanceOf(TypeError);
      await expect(store.createRoom({ ...sampleRoom('bad'), participants: [operator] })).rejects.toBeInstanceOf(TypeError);
      await expect(store.createRoom({ ...sampleRoom('bad'), roomName: operator })).rejects.toBeInstanceOf(TypeError);
      await expect(store.createRoom({ ...sampleRoom('bad'), callType: 'both' as never })).rejects.toBeInstanceOf(TypeError);
      await expect(store.createRoom({ ...sampleRoom('bad'), createdAt: new Date(Number.NaN) })).rejects.toBeInstanceOf(TypeError);
      // Nothing was written or changed.
      expect((await store.getRoom('target'))!.participants).toEqual(['alice', 'bob']);
      expect(await store.getRoom('bad')).toBeNull();
      expect(await store.db.collection('presence').countDocuments()).toBe(0);
    } finally {
      await store.close();
    }
  });

  it('prunes processed webhook ids older than a day, opportunistically and on demand', async () => {
    let now = Date.UTC(2026, 0, 1);
    const store = await MongoRoomStore.connect({
      uri: ferret.uri,
      dbName: nextDbName(),
      behaviour: { now: () => now, pruneIntervalMs: 60 * 60 * 1000 },
    });
    try {
      expect(await store.markEventProcessed('EV_old')).toBe(true); // also runs the first prune (nothing to do)
      now += 23 * 60 * 60 * 1000;
      expect(await store.markEventProcessed('EV_recent')).toBe(true);
      now += 2 * 60 * 60 * 1000; // EV_old is 25 h old, EV_recent 2 h
      expect(await store.pruneProcessedEvents()).toBe(1);
      expect(await store.markEventProcessed('EV_recent')).toBe(false);
      expect(await store.markEventProcessed('EV_old')).toBe(true); // forgotten, so seen as new

      // Opportunistic: the next webhook after the interval prunes in the background.
      now += 25 * 60 * 60 * 1000;
      expect(await store.markEventProcessed('EV_trigger')).toBe(true);
      await expect.poll(() => store.db.collection('webhook_events').countDocuments(), { timeout: 5000 }).toBe(1);
    } finally {
      await store.close();
    }
  });

  it('fails fast with DependencyUnavailableError when nothing listens', async () => {
    const port = await freeTcpPort();
    const started = Date.now();
    const error = await MongoRoomStore.connect({ uri: `mongodb://127.0.0.1:${port}/`, dbName: 'nowhere' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DependencyUnavailableError);
    expect((error as DependencyUnavailableError).dependency).toBe('store');
    expect(Date.now() - started).toBeLessThan(4000);
  });

  it('ping and close', async () => {
    const store = await MongoRoomStore.connect({ uri: ferret.uri, dbName: nextDbName() });
    await expect(store.ping()).resolves.toBeUndefined();
    await store.close();
    // After close the client is gone: an outage as far as callers are concerned (503), not a crash.
    await expect(store.getRoom('x')).rejects.toBeInstanceOf(DependencyUnavailableError);
  });
});

describe('isStoreUnavailable / toStoreError', () => {
  const serverError = (code: number, errmsg = 'error') => new MongoServerError({ code, errmsg, message: errmsg });

  it('maps outages to DependencyUnavailableError("store")', () => {
    const outages: unknown[] = [
      new MongoNetworkError('connection closed'),
      new MongoServerSelectionError('Server selection timed out after 1500 ms', {} as never),
      serverError(91, 'ShutdownInProgress'),
      serverError(10107, 'NotWritablePrimary'),
      serverError(11600, 'InterruptedAtShutdown'),
      Object.assign(new Error('This socket has been ended by the other party'), { code: 'EPIPE' }),
      Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }),
    ];
    for (const error of outages) {
      expect(isStoreUnavailable(error)).toBe(true);
      const mapped = toStoreError(error, 'getRoom');
      expect(mapped).toBeInstanceOf(DependencyUnavailableError);
      expect((mapped as DependencyUnavailableError).dependency).toBe('store');
      expect((mapped as DependencyUnavailableError).cause).toBe(error);
    }
  });

  it('lets everything else through unchanged', () => {
    const others: unknown[] = [
      serverError(11000, 'E11000 duplicate key'),
      serverError(2, 'BadValue'),
      serverError(238, 'not implemented yet'),
      new TypeError('roomName must be a string'),
      new Error('boom'),
      Object.assign(new Error('no such file'), { code: 'ENOENT' }),
      'a string',
      undefined,
    ];
    for (const error of others) {
      expect(isStoreUnavailable(error)).toBe(false);
      expect(toStoreError(error, 'getRoom')).toBe(error);
    }
  });
});
