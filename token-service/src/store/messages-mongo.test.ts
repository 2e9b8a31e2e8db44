// MongoMessageStore against FerretDB (MongoDB's wire protocol), started by this file on a free loopback port;
// every test gets its own database.
import { describe, expect, it } from 'vitest';
import { useFerretDB } from '../../test/helpers/ferret.js';
import { describeMessageStoreContract, sampleMessage } from './messages-contract.js';
import { CHAT_MESSAGES_COLLECTION, MongoMessageStore } from './messages-mongo.js';

const { nextDb } = useFerretDB('messages_mongo_test');

describeMessageStoreContract('MongoMessageStore on FerretDB', (limits, now) => MongoMessageStore.open(nextDb(), limits, { now }));

describe('MongoMessageStore', () => {
  it('keeps the history across a restart of the service (a new store on the same database)', async () => {
    const db = nextDb();
    const first = await MongoMessageStore.open(db);
    const m = sampleMessage('persist', 'm1', 0, { at: new Date() });
    await first.addMessage(m);
    const second = await MongoMessageStore.open(db);
    expect(await second.listMessages('persist', 10)).toEqual([m]);
    expect((await second.addMessage(m)).created).toBe(false);
  });

  it('stores documents with exactly the known fields', async () => {
    const db = nextDb();
    const store = await MongoMessageStore.open(db);
    await store.addMessage({ ...sampleMessage('shape', 'm1', 0, { at: new Date() }), $where: 'x', extra: { $set: 1 } } as never);
    const doc = await db.collection(CHAT_MESSAGES_COLLECTION).findOne({ roomName: 'shape' });
    expect(Object.keys(doc!).sort()).toEqual(['_id', 'at', 'id', 'identity', 'name', 'roomName', 'text']);
    const indexes = (await db.collection(CHAT_MESSAGES_COLLECTION).listIndexes().toArray()).map((i) => [i.name, !!i.unique]);
    expect(indexes).toEqual(expect.arrayContaining([['roomName_identity_id', true], ['roomName_at', false], ['at', false]]));
  });

  it('refuses non-string values at run time, before any query (no operator injection)', async () => {
    const store = await MongoMessageStore.open(nextDb());
    await store.addMessage(sampleMessage('target', 'm1', 0, { at: new Date() }));
    const operator = { $ne: null } as never;
    await expect(store.listMessages(operator, 10)).rejects.toBeInstanceOf(TypeError);
    await expect(store.listMessages('target', operator)).rejects.toBeInstanceOf(TypeError);
    await expect(store.deleteRoomMessages(operator)).rejects.toBeInstanceOf(TypeError);
    await expect(store.addMessage(sampleMessage(operator, 'm2', 0))).rejects.toBeInstanceOf(TypeError);
    await expect(store.addMessage(sampleMessage('target', operator, 0))).rejects.toBeInstanceOf(TypeError);
    await expect(store.addMessage(sampleMessage('target', 'm3', 0, { identity: operator }))).rejects.toBeInstanceOf(TypeError);
    await expect(store.addMessage(sampleMessage('target', 'm4', 0, { at: new Date(Number.NaN) }))).rejects.toBeInstanceOf(TypeError);
    expect((await store.listMessages('target', 10)).map((m) => m.id)).toEqual(['m1']);
  });

  it('sweeps expired messages of every room, at most once per interval, after a write', async () => {
    const db = nextDb();
    let clock = Date.UTC(2026, 0, 1);
    const store = await MongoMessageStore.open(db, { retentionMs: 60_000 }, { now: () => clock, sweepIntervalMs: 30_000 });
    await store.addMessage(sampleMessage('quiet', 'old', 0, { at: new Date(clock) }));
    await store.idle();
    clock += 120_000;
    // The first write swept 'quiet' before it expired; the next sweep is due now.
    await store.addMessage(sampleMessage('busy', 'new', 0, { at: new Date(clock) }));
    await store.idle();
    const left = await db.collection(CHAT_MESSAGES_COLLECTION).find({}, { projection: { _id: 0, roomName: 1 } }).toArray();
    expect(left).toEqual([{ roomName: 'busy' }]);
  });
});
