/**
 * The host controls' part of the RoomStore contract (store/host-controls.ts), run against every store by its test
 * file next to describeRoomStoreContract.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sampleRoom } from './contract.js';
import type { RoomStore } from './types.js';

export function describeHostControlsContract(name: string, makeStore: () => Promise<RoomStore> | RoomStore): void {
  describe(`host controls store contract: ${name}`, () => {
    let store: RoomStore;
    beforeEach(async () => {
      store = await makeStore();
    });
    afterEach(async () => {
      await store.close();
    });

    it('locks and unlocks a room (a new room is unlocked)', async () => {
      await store.createRoom(sampleRoom('lockable'));
      expect((await store.getRoom('lockable'))?.locked).toBeUndefined();
      expect((await store.setLocked('lockable', true))?.locked).toBe(true);
      expect((await store.getRoom('lockable'))?.locked).toBe(true);
      expect((await store.listRoomsForUser('alice'))[0]?.locked).toBe(true);
      expect((await store.setLocked('lockable', false))?.locked).toBeUndefined();
      expect(await store.getRoom('lockable')).toEqual(sampleRoom('lockable'));
    });

    it('promotes to speaker (invited as well) and demotes (still invited)', async () => {
      await store.createRoom(sampleRoom('stage', { speakers: ['alice'], participants: ['alice', 'bob'] }));
      const promoted = await store.setSpeaker('stage', 'carol', true);
      expect(promoted?.speakers).toEqual(['alice', 'carol']);
      expect(promoted?.participants).toEqual(['alice', 'bob', 'carol']);
      expect((await store.setSpeaker('stage', 'carol', true))?.speakers).toEqual(['alice', 'carol']); // idempotent
      const demoted = await store.setSpeaker('stage', 'carol', false);
      expect(demoted?.speakers).toEqual(['alice']);
      expect(demoted?.participants).toEqual(['alice', 'bob', 'carol']);
      expect((await store.getRoom('stage'))?.speakers).toEqual(['alice']);
    });

    it('answers null for a room that does not exist', async () => {
      expect(await store.setLocked('nowhere', true)).toBeNull();
      expect(await store.setSpeaker('nowhere', 'bob', true)).toBeNull();
    });
  });
}
