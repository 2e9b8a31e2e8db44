/**
 * The behaviour every RoomStore must have, as one vitest suite. Not a test file itself: each
 * implementation's test file calls it (memory.test.ts, mongo.test.ts).
 *
 *   describeRoomStoreContract('MemoryRoomStore', async () => new MemoryRoomStore());
 *
 * `makeStore` is called before every test and must return an empty store; the suite closes it afterwards.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PresenceEntry, RoomRecord } from '../model.js';
import { RoomExistsError, type RoomStore } from './types.js';

export interface ContractOptions {
  /**
   * Whether concurrent updates of one document all take effect (true for the memory store and MongoDB).
   * FerretDB v1 implements updates as read-then-write, so there two simultaneous `addParticipant` on one room
   * can lose one; pass false to skip those tests (documented, not hidden: see mongo.ts).
   */
  atomicConcurrentUpdates?: boolean;
}

const T0 = Date.UTC(2026, 0, 15, 9, 0, 0);

/** A valid room with distinct defaults; `minutes` orders createdAt. */
export function sampleRoom(roomName: string, overrides: Partial<RoomRecord> = {}, minutes = 0): RoomRecord {
  return {
    roomName,
    callType: 'video',
    speakers: [],
    participants: ['alice', 'bob'],
    createdBy: 'alice',
    createdByName: 'Alice Martin',
    openToLink: false,
    audienceChat: false,
    waitingRoom: false,
    createdAt: new Date(T0 + minutes * 60_000),
    ...overrides,
  };
}

export function describeRoomStoreContract(
  name: string,
  makeStore: () => Promise<RoomStore> | RoomStore,
  options: ContractOptions = {},
): void {
  const atomic = options.atomicConcurrentUpdates ?? true;

  describe(`RoomStore contract: ${name}`, () => {
    let store: RoomStore;

    beforeEach(async () => {
      store = await makeStore();
    });

    afterEach(async () => {
      await store?.close();
    });

    describe('rooms', () => {
      it('returns a created room with every field as given', async () => {
        const room = sampleRoom('standup', {
          callType: 'audio',
          speakers: ['alice', 'carol'],
          participants: ['alice', 'bob', 'carol'],
          openToLink: true,
          createdByName: 'Alice Martin',
        });
        await store.createRoom(room);
        const stored = await store.getRoom('standup');
        expect(stored).toEqual(room);
        expect(stored!.createdAt).toBeInstanceOf(Date);
        expect(stored!.createdAt.getTime()).toBe(room.createdAt.getTime());
      });

      it('returns null for a room that does not exist', async () => {
        expect(await store.getRoom('nope')).toBeNull();
        await store.createRoom(sampleRoom('exists'));
        expect(await store.getRoom('exist')).toBeNull();
        expect(await store.getRoom('exists-not')).toBeNull();
      });

      it('refuses a duplicate name with RoomExistsError and keeps the first room', async () => {
        const first = sampleRoom('weekly', { createdBy: 'alice' });
        await store.createRoom(first);
        const second = sampleRoom('weekly', { createdBy: 'mallory', participants: ['mallory'], createdByName: 'M' });
        const error = await store.createRoom(second).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(RoomExistsError);
        expect((error as RoomExistsError).roomName).toBe('weekly');
        expect(await store.getRoom('weekly')).toEqual(first);
        expect(await store.listRoomsForUser('mallory')).toEqual([]);
      });

      it('lets exactly one of several simultaneous creations of a name succeed', async () => {
        const results = await Promise.allSettled(
          ['u1', 'u2', 'u3', 'u4', 'u5'].map((u) => store.createRoom(sampleRoom('race', { createdBy: u, participants: [u] }))),
        );
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
        expect(rejected).toHaveLength(4);
        for (const r of rejected) expect(r.reason).toBeInstanceOf(RoomExistsError);
        const winner = await store.getRoom('race');
        expect(winner!.participants).toEqual([winner!.createdBy]);
      });

      it('keeps the creator\'s Idempotency-Key and finds the room by it, for that creator only', async () => {
        const keyed = sampleRoom('keyed', { createdBy: 'alice', idempotencyKey: 'key-1' });
        await store.createRoom(keyed);
        await store.createRoom(sampleRoom('unkeyed', { createdBy: 'alice' }));
        expect(await store.getRoom('keyed')).toEqual(keyed);
        expect(await store.getRoom('unkeyed')).not.toHaveProperty('idempotencyKey');
        expect(await store.findRoomByIdempotencyKey('alice', 'key-1')).toEqual(keyed);
        expect(await store.findRoomByIdempotencyKey('bob', 'key-1')).toBeNull();
        expect(await store.findRoomByIdempotencyKey('alice', 'key-2')).toBeNull();
        expect(await store.findRoomByIdempotencyKey('alice', 'KEY-1')).toBeNull();
        // The same key in two rooms (a client reusing keys): the newest.
        await store.createRoom(sampleRoom('keyed-later', { createdBy: 'alice', idempotencyKey: 'key-1' }, 5));
        expect((await store.findRoomByIdempotencyKey('alice', 'key-1'))!.roomName).toBe('keyed-later');
      });

      it('treats names that differ only in case as different rooms', async () => {
        await store.createRoom(sampleRoom('Team', { createdByName: 'upper' }));
        await store.createRoom(sampleRoom('team', { createdByName: 'lower' }));
        expect((await store.getRoom('Team'))!.createdByName).toBe('upper');
        expect((await store.getRoom('team'))!.createdByName).toBe('lower');
      });
    });

    describe('listRoomsForUser', () => {
      beforeEach(async () => {
        await store.createRoom(sampleRoom('oldest', { createdBy: 'alice', participants: ['alice', 'bob'] }, 1));
        await store.createRoom(sampleRoom('middle', { createdBy: 'bob', participants: ['bob', 'carol'] }, 2));
        await store.createRoom(sampleRoom('newest', { createdBy: 'carol', participants: ['carol', 'alice'] }, 3));
        // Created by dave, who is (oddly) not in participants: the creator still sees it.
        await store.createRoom(sampleRoom('daves', { createdBy: 'dave', participants: ['erin'] }, 4));
      });

      it('lists rooms the user created or was invited to, newest first', async () => {
        const names = async (user: string) => (await store.listRoomsForUser(user)).map((r) => r.roomName);
        expect(await names('alice')).toEqual(['newest', 'oldest']);
        expect(await names('bob')).toEqual(['middle', 'oldest']);
        expect(await names('carol')).toEqual(['newest', 'middle']);
        expect(await names('dave')).toEqual(['daves']);
        expect(await names('erin')).toEqual(['daves']);
      });

      it('returns full records', async () => {
        const [newest] = await store.listRoomsForUser('alice');
        expect(newest).toEqual(sampleRoom('newest', { createdBy: 'carol', participants: ['carol', 'alice'] }, 3));
      });

      it('returns nothing for a user with no rooms, and matches user ids exactly', async () => {
        expect(await store.listRoomsForUser('zoe')).toEqual([]);
        expect(await store.listRoomsForUser('Alice')).toEqual([]);
        expect(await store.listRoomsForUser('ali')).toEqual([]);
        expect(await store.listRoomsForUser('')).toEqual([]);
      });

      it('lists a room once when the user is both creator and participant', async () => {
        const rooms = await store.listRoomsForUser('bob');
        expect(rooms.filter((r) => r.roomName === 'middle')).toHaveLength(1);
      });
    });

    describe('addParticipant', () => {
      it('adds a user, returns the updated room, and the room appears in their list', async () => {
        await store.createRoom(sampleRoom('open', { openToLink: true, participants: ['alice'] }));
        const updated = await store.addParticipant('open', 'frank');
        expect(updated!.participants).toEqual(['alice', 'frank']);
        expect((await store.getRoom('open'))!.participants).toEqual(['alice', 'frank']);
        expect((await store.listRoomsForUser('frank')).map((r) => r.roomName)).toEqual(['open']);
      });

      it('is idempotent', async () => {
        await store.createRoom(sampleRoom('open', { participants: ['alice'] }));
        await store.addParticipant('open', 'frank');
        const again = await store.addParticipant('open', 'frank');
        expect(again!.participants).toEqual(['alice', 'frank']);
        const existing = await store.addParticipant('open', 'alice');
        expect(existing!.participants).toEqual(['alice', 'frank']);
        expect((await store.getRoom('open'))!.participants).toEqual(['alice', 'frank']);
      });

      it('returns null for an unknown room and creates nothing', async () => {
        expect(await store.addParticipant('ghost', 'frank')).toBeNull();
        expect(await store.getRoom('ghost')).toBeNull();
        expect(await store.listRoomsForUser('frank')).toEqual([]);
      });

      it('changes nothing else in the room', async () => {
        const room = sampleRoom('keep', { speakers: ['alice'], participants: ['alice'], openToLink: true });
        await store.createRoom(room);
        const updated = await store.addParticipant('keep', 'gina');
        expect(updated).toEqual({ ...room, participants: ['alice', 'gina'] });
      });

      it.skipIf(!atomic)('keeps every user when many join at the same instant', async () => {
        await store.createRoom(sampleRoom('rush', { participants: ['alice'], openToLink: true }));
        const users = Array.from({ length: 12 }, (_, i) => `user-${i}`);
        await Promise.all(users.map((u) => store.addParticipant('rush', u)));
        const stored = await store.getRoom('rush');
        expect([...stored!.participants].sort()).toEqual(['alice', ...users].sort());
      });
    });

    describe('values are copies', () => {
      it('mutating the record passed to createRoom does not change the store', async () => {
        const room = sampleRoom('copy-in', { participants: ['alice'], speakers: ['alice'] });
        await store.createRoom(room);
        room.participants.push('intruder');
        room.speakers.push('intruder');
        room.createdAt.setTime(0);
        room.createdBy = 'intruder';
        const stored = await store.getRoom('copy-in');
        expect(stored!.participants).toEqual(['alice']);
        expect(stored!.speakers).toEqual(['alice']);
        expect(stored!.createdAt.getTime()).toBe(T0);
        expect(stored!.createdBy).toBe('alice');
      });

      it('mutating returned rooms does not change the store', async () => {
        await store.createRoom(sampleRoom('copy-out', { participants: ['alice'], speakers: ['alice'] }));
        const mutate = (r: RoomRecord | null | undefined) => {
          r!.participants.push('intruder');
          r!.speakers.push('intruder');
          r!.createdAt.setTime(0);
          r!.openToLink = true;
        };
        mutate(await store.getRoom('copy-out'));
        mutate((await store.listRoomsForUser('alice'))[0]);
        mutate(await store.addParticipant('copy-out', 'bob'));
        const stored = await store.getRoom('copy-out');
        expect(stored).toEqual(sampleRoom('copy-out', { participants: ['alice', 'bob'], speakers: ['alice'] }));
        expect((await store.listRoomsForUser('intruder'))).toEqual([]);
      });

      it('mutating returned presence entries does not change the store', async () => {
        await store.setPresence('copy-p', { identity: 'alice', name: 'Alice' }, true, 1000);
        const [entry] = await store.listPresence('copy-p');
        entry!.name = 'changed';
        entry!.identity = 'changed';
        (await store.listPresence('copy-p')).push({ identity: 'x', name: 'x' });
        expect(await store.listPresence('copy-p')).toEqual([{ identity: 'alice', name: 'Alice' }]);
      });

      it('mutating the presence entry passed in does not change the store', async () => {
        const entry: PresenceEntry = { identity: 'alice', name: 'Alice' };
        await store.setPresence('copy-e', entry, true, 1000);
        entry.name = 'changed';
        expect(await store.listPresence('copy-e')).toEqual([{ identity: 'alice', name: 'Alice' }]);
      });
    });

    describe('presence', () => {
      it('is empty for a room nobody joined', async () => {
        expect(await store.listPresence('quiet')).toEqual([]);
      });

      it('lists who joined, in join order, and drops who left', async () => {
        await store.setPresence('call', { identity: 'bob', name: 'Bob' }, true, 2000);
        await store.setPresence('call', { identity: 'alice', name: 'Alice' }, true, 1000);
        await store.setPresence('call', { identity: 'carol', name: 'Carol' }, true, 3000);
        expect(await store.listPresence('call')).toEqual([
          { identity: 'alice', name: 'Alice' },
          { identity: 'bob', name: 'Bob' },
          { identity: 'carol', name: 'Carol' },
        ]);
        await store.setPresence('call', { identity: 'bob', name: 'Bob' }, false, 4000);
        expect(await store.listPresence('call')).toEqual([
          { identity: 'alice', name: 'Alice' },
          { identity: 'carol', name: 'Carol' },
        ]);
      });

      it('a leave for someone never seen records them as absent', async () => {
        await store.setPresence('call', { identity: 'ghost', name: 'Ghost' }, false, 1000);
        expect(await store.listPresence('call')).toEqual([]);
        // …and a join older than that leave is ignored.
        await store.setPresence('call', { identity: 'ghost', name: 'Ghost' }, true, 900);
        expect(await store.listPresence('call')).toEqual([]);
      });

      it('rejoining after leaving makes the user present again, with the newer name', async () => {
        await store.setPresence('call', { identity: 'alice', name: 'Alice' }, true, 1000);
        await store.setPresence('call', { identity: 'alice', name: 'Alice' }, false, 2000);
        await store.setPresence('call', { identity: 'alice', name: 'Alice M.' }, true, 3000);
        expect(await store.listPresence('call')).toEqual([{ identity: 'alice', name: 'Alice M.' }]);
      });

      it('ignores an older leave that arrives after a newer join', async () => {
        await store.setPresence('call', { identity: 'alice', name: 'Alice' }, true, 2000);
        await store.setPresence('call', { identity: 'alice', name: 'Alice' }, false, 1000);
        expect(await store.listPresence('call')).toEqual([{ identity: 'alice', name: 'Alice' }]);
      });

      it('ignores an older join that arrives after a newer leave (no resurrection)', async () => {
        await store.setPresence('call', { identity: 'alice', name: 'Alice' }, false, 2000);
        await store.setPresence('call', { identity: 'alice', name: 'Alice (old)' }, true, 1000);
        expect(await store.listPresence('call')).toEqual([]);
        await store.setPresence('call', { identity: 'alice', name: 'Alice' }, true, 2500);
        expect(await store.listPresence('call')).toEqual([{ identity: 'alice', name: 'Alice' }]);
      });

      it('applies an update with the same timestamp as the stored one (last arrival wins)', async () => {
        await store.setPresence('call', { identity: 'alice', name: 'Alice' }, true, 1000);
        await store.setPresence('call', { identity: 'alice', name: 'Alice' }, false, 1000);
        expect(await store.listPresence('call')).toEqual([]);
        await store.setPresence('call', { identity: 'alice', name: 'Alice' }, true, 1000);
        expect(await store.listPresence('call')).toEqual([{ identity: 'alice', name: 'Alice' }]);
      });

      it('keeps rooms apart: one identity can be in two rooms', async () => {
        await store.setPresence('room-a', { identity: 'alice', name: 'Alice' }, true, 1000);
        await store.setPresence('room-b', { identity: 'alice', name: 'Alice' }, true, 1000);
        await store.setPresence('room-a', { identity: 'alice', name: 'Alice' }, false, 2000);
        expect(await store.listPresence('room-a')).toEqual([]);
        expect(await store.listPresence('room-b')).toEqual([{ identity: 'alice', name: 'Alice' }]);
      });

      it('clearPresence marks everyone absent as of its time, and later joins count again', async () => {
        await store.setPresence('call', { identity: 'alice', name: 'Alice' }, true, 1000);
        await store.setPresence('call', { identity: 'bob', name: 'Bob' }, true, 1100);
        await store.setPresence('other', { identity: 'carol', name: 'Carol' }, true, 1000);
        await store.clearPresence('call', 2000);
        expect(await store.listPresence('call')).toEqual([]);
        expect(await store.listPresence('other')).toEqual([{ identity: 'carol', name: 'Carol' }]);
        // A stale join from before the room closed does not bring anyone back…
        await store.setPresence('call', { identity: 'alice', name: 'Alice' }, true, 1500);
        expect(await store.listPresence('call')).toEqual([]);
        // …a join after it does.
        await store.setPresence('call', { identity: 'bob', name: 'Bob' }, true, 2500);
        expect(await store.listPresence('call')).toEqual([{ identity: 'bob', name: 'Bob' }]);
      });

      it('clearPresence leaves entries newer than its time alone', async () => {
        await store.setPresence('call', { identity: 'alice', name: 'Alice' }, true, 1000);
        await store.setPresence('call', { identity: 'bob', name: 'Bob' }, true, 3000);
        await store.clearPresence('call', 2000);
        expect(await store.listPresence('call')).toEqual([{ identity: 'bob', name: 'Bob' }]);
      });

      it('clearPresence on a room with no presence is harmless', async () => {
        await store.clearPresence('empty', 1000);
        expect(await store.listPresence('empty')).toEqual([]);
      });

      it('when two first updates for one identity race, the newer one wins', async () => {
        for (let round = 0; round < 5; round++) {
          const room = `race-${round}`;
          // Arrival order alternates so either one may reach the store first.
          const updates: Array<[boolean, number]> = round % 2 ? [[true, 1000], [false, 2000]] : [[false, 2000], [true, 1000]];
          await Promise.all(
            updates.map(([present, at]) => store.setPresence(room, { identity: 'alice', name: 'Alice' }, present, at)),
          );
          expect(await store.listPresence(room)).toEqual([]);
        }
      });

      it.skipIf(!atomic)('under many simultaneous updates for one identity, the newest wins', async () => {
        const times = [300, 100, 500, 200, 400];
        await Promise.all(
          times.map((at) => store.setPresence('storm', { identity: 'alice', name: `n${at}` }, at !== 500, at)),
        );
        expect(await store.listPresence('storm')).toEqual([]);
      });

      it('keeps every identity when many join one room at once', async () => {
        const people = Array.from({ length: 10 }, (_, i) => `p${i}`);
        await Promise.all(people.map((p, i) => store.setPresence('crowd', { identity: p, name: p }, true, 1000 + i)));
        expect((await store.listPresence('crowd')).map((e) => e.identity)).toEqual(people);
      });
    });

    describe('markEventProcessed', () => {
      it('is true the first time and false for a replay', async () => {
        expect(await store.markEventProcessed('EV_1')).toBe(true);
        expect(await store.markEventProcessed('EV_1')).toBe(false);
        expect(await store.markEventProcessed('EV_1')).toBe(false);
        expect(await store.markEventProcessed('EV_2')).toBe(true);
        expect(await store.markEventProcessed('ev_1')).toBe(true);
      });

      it('lets exactly one of simultaneous deliveries of an event through', async () => {
        const results = await Promise.all(Array.from({ length: 6 }, () => store.markEventProcessed('EV_dup')));
        expect(results.filter(Boolean)).toHaveLength(1);
      });

      it('forgetEvent lets a redelivery through again (an event whose effect failed)', async () => {
        expect(await store.markEventProcessed('EV_failed')).toBe(true);
        await store.forgetEvent('EV_failed');
        await store.forgetEvent('EV_never_seen');
        expect(await store.markEventProcessed('EV_failed')).toBe(true);
        expect(await store.markEventProcessed('EV_failed')).toBe(false);
      });
    });

    describe('odd but valid strings', () => {
      // Room names follow the API's charset (^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$); user ids and names are
      // whatever the identity provider put in the JWT, so anything goes there.
      const longName = `R${'a-_9'.repeat(15)}xyz`; // 64 characters, the maximum
      const users = [
        '$where',
        '$ne',
        '{"$gt":""}',
        'a.b.c',
        '__proto__',
        'constructor',
        'user with spaces',
        "o'brien\"quote\\back",
        'zoë-ünïcødé-名前-🎥',
        'אליס', // right-to-left
        'e\u0301', // combining accent
        '0',
        'x'.repeat(512),
      ];

      it('round-trips through every method', async () => {
        expect(longName).toHaveLength(64);
        const [creator, ...invited] = users;
        const room = sampleRoom(longName, {
          createdBy: creator!,
          createdByName: 'Zoë “the host” <b>&amp;</b> $set',
          participants: [creator!, ...invited.slice(0, 6)],
          speakers: [creator!, invited[0]!],
        });
        await store.createRoom(room);
        expect(await store.getRoom(longName)).toEqual(room);
        for (const u of [creator!, ...invited.slice(0, 6)]) {
          expect((await store.listRoomsForUser(u)).map((r) => r.roomName)).toEqual([longName]);
        }
        for (const u of invited.slice(6)) {
          expect(await store.listRoomsForUser(u)).toEqual([]);
          expect((await store.addParticipant(longName, u))!.participants).toContain(u);
          expect((await store.listRoomsForUser(u)).map((r) => r.roomName)).toEqual([longName]);
        }
        expect((await store.getRoom(longName))!.participants).toEqual([creator, ...invited]);

        for (const [i, u] of users.entries()) {
          await store.setPresence(longName, { identity: u, name: `${u} (${i})` }, true, 1000 + i);
        }
        expect(await store.listPresence(longName)).toEqual(users.map((u, i) => ({ identity: u, name: `${u} (${i})` })));
        await store.setPresence(longName, { identity: '$where', name: 'gone' }, false, 5000);
        expect((await store.listPresence(longName)).map((e) => e.identity)).not.toContain('$where');

        for (const u of users) {
          expect(await store.markEventProcessed(`EV_${u}`)).toBe(true);
          expect(await store.markEventProcessed(`EV_${u}`)).toBe(false);
        }
      });

      it('matches operator-looking strings literally, never as operators', async () => {
        await store.createRoom(sampleRoom('plain', { createdBy: 'alice', participants: ['alice'] }));
        for (const probe of ['$ne', '{"$ne":null}', '{"$gt":""}', '$where', '.*', '^']) {
          expect(await store.listRoomsForUser(probe)).toEqual([]);
          expect(await store.getRoom(probe)).toBeNull();
          expect(await store.listPresence(probe)).toEqual([]);
        }
      });
    });

    it('ping resolves while the store is up', async () => {
      await expect(store.ping()).resolves.toBeUndefined();
    });
  });
}
