/**
 * The co-hosts' part of the RoomStore contract (store/co-hosts.ts), run against every store by its test file next to
 * describeRoomStoreContract (memory.test.ts, mongo.test.ts on FerretDB).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sampleRoom } from './contract.js';
import type { RoomStore } from './types.js';

export function describeCoHostsContract(name: string, makeStore: () => Promise<RoomStore> | RoomStore): void {
  describe(`co-hosts store contract: ${name}`, () => {
    let store: RoomStore;
    beforeEach(async () => {
      store = await makeStore();
    });
    afterEach(async () => {
      await store.close();
    });

    it('keeps the co-hosts a room was created with (and none when there are none)', async () => {
      await store.createRoom(sampleRoom('with-co', { participants: ['alice', 'bob', 'carol'], coHosts: ['bob', 'carol'] }));
      await store.createRoom(sampleRoom('without-co'));
      expect((await store.getRoom('with-co'))?.coHosts).toEqual(['bob', 'carol']);
      expect((await store.listRoomsForUser('carol')).map((r) => r.coHosts)).toEqual([['bob', 'carol']]);
      expect(await store.getRoom('without-co')).toEqual(sampleRoom('without-co'));
    });

    it('adds a co-host (once), and removes them, leaving who is invited as it was (no co-hosts left: none stored)', async () => {
      await store.createRoom(sampleRoom('co'));
      const added = await store.setCoHost('co', 'carol', true);
      expect(added?.coHosts).toEqual(['carol']);
      expect(added?.participants).toEqual(['alice', 'bob']);
      expect((await store.setCoHost('co', 'carol', true))?.coHosts).toEqual(['carol']); // idempotent
      expect((await store.setCoHost('co', 'bob', true))?.coHosts).toEqual(['carol', 'bob']);
      expect((await store.getRoom('co'))?.participants).toEqual(['alice', 'bob']);
      expect((await store.setCoHost('co', 'carol', false))?.coHosts).toEqual(['bob']);
      const none = await store.setCoHost('co', 'bob', false);
      expect(none?.coHosts).toBeUndefined();
      expect(none?.participants).toEqual(['alice', 'bob']);
      expect(await store.getRoom('co')).toEqual(sampleRoom('co'));
      expect((await store.setCoHost('co', 'dave', false))?.coHosts).toBeUndefined(); // removing a non-co-host: no change
    });

    it('answers null for a room that does not exist', async () => {
      expect(await store.setCoHost('nowhere', 'bob', true)).toBeNull();
      expect(await store.setCoHost('nowhere', 'bob', false)).toBeNull();
    });
  });
}
