// The InvitationBus: in memory, and through MongoDB (FerretDB, started by this file) as two replicas would use it.
import { MongoClient } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFerretDB, type FerretDB } from '../../../scripts/kit/index.mjs';
import { MemoryInvitationBus, type InvitationBus, type UserEvent } from './bus.js';
import { MongoInvitationBus } from './bus-mongo.js';

const invitation = (room: string): UserEvent => ({
  type: 'invitation',
  data: { room_name: room, call_type: 'video', from: { id: 'alice', name: 'Alice' }, created_at: new Date().toISOString() },
});

/** Resolves with the events once `n` have arrived (the bus may be asynchronous). */
function collect(bus: InvitationBus, userId: string, n: number) {
  const got: UserEvent[] = [];
  let off = () => {};
  const done = new Promise<UserEvent[]>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`only ${got.length}/${n} events for ${userId}`)), 5000);
    off = bus.subscribe(userId, (e) => {
      got.push(e);
      if (got.length === n) {
        clearTimeout(timer);
        resolve(got);
      }
    });
  });
  return { done, got, off: () => off() };
}

function describeBus(name: string, open: () => Promise<InvitationBus>, second: (first: InvitationBus) => Promise<InvitationBus>) {
  describe(name, () => {
    it("delivers a user's events to each of their subscriptions, and to nobody else", async () => {
      const bus = await open();
      const tab1 = collect(bus, 'bob', 2);
      const tab2 = collect(bus, 'bob', 2);
      const carol = collect(bus, 'carol', 1);
      await bus.publish('bob', invitation('r1'));
      await bus.publish('bob', { type: 'invitation_answered', data: { room_name: 'r1', answer: 'declined' } });
      await bus.publish('carol', invitation('r2'));
      expect((await tab1.done).map((e) => e.type)).toEqual(['invitation', 'invitation_answered']);
      expect((await tab2.done).map((e) => e.data.room_name)).toEqual(['r1', 'r1']);
      expect((await carol.done).map((e) => e.data.room_name)).toEqual(['r2']);
      // Each event once: nothing more arrives later.
      await new Promise((r) => setTimeout(r, 600));
      expect(tab1.got).toHaveLength(2);
      await bus.close();
    });

    it('unsubscribing removes the listener (no leak) and stops delivery; close() ends the others', async () => {
      const bus = await open();
      const closed: string[] = [];
      const offA = bus.subscribe('dave', () => {}, () => closed.push('a'));
      const b = collect(bus, 'dave', 1);
      bus.subscribe('erin', () => {}, () => closed.push('erin'));
      expect(bus.subscriberCount('dave')).toBe(2);
      expect(bus.subscriberCount()).toBe(3);
      offA();
      offA();
      expect(bus.subscriberCount('dave')).toBe(1);
      b.off();
      expect(bus.subscriberCount('dave')).toBe(0);
      expect(bus.subscriberCount()).toBe(1);
      await bus.close();
      expect(closed).toEqual(['erin']);
      expect(bus.subscriberCount()).toBe(0);
    });

    it('a subscriber on another replica gets the event (the same database)', async () => {
      const publisher = await open();
      const other = await second(publisher);
      const frank = collect(other, 'frank', 1);
      await publisher.publish('frank', invitation('r3'));
      expect((await frank.done)[0]!.data.room_name).toBe('r3');
      await publisher.close();
      await other.close();
    });
  });
}

describeBus('MemoryInvitationBus', async () => new MemoryInvitationBus(), async (first) => first);

let ferret: FerretDB;
let client: MongoClient;
let dbCount = 0;
let currentDb = '';
beforeAll(async () => {
  ferret = await startFerretDB();
  client = new MongoClient(ferret.uri);
});
afterAll(async () => {
  await client?.close();
  await ferret?.cleanup();
});

describeBus(
  'MongoInvitationBus on FerretDB',
  async () => MongoInvitationBus.open(client.db((currentDb = `bus_test_${++dbCount}`)), { pollMs: 50 }),
  // Another replica: its own client (its own connection pool), the same database.
  async () => MongoInvitationBus.open(new MongoClient(ferret.uri).db(currentDb), { pollMs: 50 }),
);

describe('FerretDB and change streams', () => {
  it('refuses watch() (hence the polling MongoInvitationBus; a MongoDB replica set would allow one)', async () => {
    const coll = client.db('bus_test_watch').collection('user_events');
    await coll.insertOne({ at: new Date() });
    const stream = coll.watch();
    await expect(stream.tryNext()).rejects.toThrow();
    await stream.close().catch(() => {});
  });
});
