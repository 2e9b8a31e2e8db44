/**
 * The RoomStore behaviour behind `GET /rooms` paging, the per-hour creation limit, ending rooms and presence of
 * many rooms, as one vitest suite run on every store (memory.test.ts, mongo.test.ts). Same rules as contract.ts.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sampleRoom } from './contract.js';
import type { RoomStore } from './types.js';

const FAR_PAST = new Date(0);

export function describeRoomPagesContract(name: string, makeStore: () => Promise<RoomStore> | RoomStore): void {
  describe(`RoomStore pages, limits, end: ${name}`, () => {
    let store: RoomStore;
    beforeEach(async () => {
      store = await makeStore();
    });
    afterEach(async () => {
      await store?.close();
    });

    it('pages the rooms of a user newest first, then by name, with a cursor that skips nothing and repeats nothing', async () => {
      // Two rooms share a creation time: the name breaks the tie.
      await store.createRoom(sampleRoom('r-a', {}, 1));
      await store.createRoom(sampleRoom('r-c', {}, 3));
      await store.createRoom(sampleRoom('r-b2', {}, 2));
      await store.createRoom(sampleRoom('r-b1', {}, 2));
      await store.createRoom(sampleRoom('r-other', { createdBy: 'zoe', participants: ['zoe'] }, 4));
      await store.createRoom(sampleRoom('r-invited', { createdBy: 'zoe', participants: ['zoe', 'bob'] }, 0));
      const seen: string[] = [];
      let after: { createdAt: Date; roomName: string } | undefined;
      for (let i = 0; i < 5; i++) {
        const page = await store.listRoomsPage('bob', { limit: 2, after, endedBefore: FAR_PAST });
        seen.push(...page.map((r) => r.roomName));
        if (page.length < 2) break;
        const last = page[page.length - 1]!;
        after = { createdAt: last.createdAt, roomName: last.roomName };
      }
      expect(seen).toEqual(['r-c', 'r-b1', 'r-b2', 'r-a', 'r-invited']);
    });

    it('ends a room once (the first end wins) and drops ended rooms from pages after the retention', async () => {
      await store.createRoom(sampleRoom('ending', {}, 1));
      await store.createRoom(sampleRoom('staying', {}, 2));
      const first = new Date(Date.UTC(2026, 0, 20));
      expect((await store.endRoom('ending', first))?.endedAt).toEqual(first);
      expect((await store.endRoom('ending', new Date(first.getTime() + 5000)))?.endedAt).toEqual(first);
      expect((await store.getRoom('ending'))?.endedAt).toEqual(first);
      expect(await store.endRoom('never-made', first)).toBeNull();
      const names = async (endedBefore: Date) =>
        (await store.listRoomsPage('alice', { limit: 10, endedBefore })).map((r) => r.roomName);
      expect(await names(new Date(first.getTime() - 1000))).toEqual(['staying', 'ending']);
      expect(await names(first)).toEqual(['staying', 'ending']);
      expect(await names(new Date(first.getTime() + 1))).toEqual(['staying']);
    });

    it('lists the creation times of a user since a date, oldest first, up to a limit', async () => {
      for (let m = 0; m < 5; m++) await store.createRoom(sampleRoom(`made-${m}`, {}, m));
      await store.createRoom(sampleRoom('by-zoe', { createdBy: 'zoe' }, 3));
      const since = sampleRoom('x', {}, 1).createdAt;
      const times = await store.roomCreationTimes('alice', since, 3);
      expect(times.map((t) => t.getTime())).toEqual([1, 2, 3].map((m) => sampleRoom('x', {}, m).createdAt.getTime()));
      expect(await store.roomCreationTimes('nobody', FAR_PAST, 3)).toEqual([]);
    });

    it('reads the presence of many rooms at once', async () => {
      await store.setPresence('p1', { identity: 'bob', name: 'Bob' }, true, 1000);
      await store.setPresence('p1', { identity: 'carol', name: 'Carol' }, true, 2000);
      await store.setPresence('p2', { identity: 'dan', name: 'Dan' }, true, 1000);
      await store.setPresence('p2', { identity: 'dan', name: 'Dan' }, false, 3000);
      await store.setPresence('p3', { identity: 'eve', name: 'Eve' }, true, 1000);
      const map = await store.listPresenceIn(['p1', 'p2', 'none']);
      expect([...map.keys()]).toEqual(['p1']);
      expect(map.get('p1')).toEqual([{ identity: 'bob', name: 'Bob' }, { identity: 'carol', name: 'Carol' }]);
      expect((await store.listPresenceIn([])).size).toBe(0);
    });
  });
}
