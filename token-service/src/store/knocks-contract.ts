/** The KnockStore behaviour, run on memory (memory.test.ts) and FerretDB (mongo.test.ts). */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KnockRecord, KnockStore } from './knocks-types.js';

const T0 = Date.UTC(2026, 0, 15, 9);
const knockOf = (identity: string, seconds = 0, over: Partial<KnockRecord> = {}): KnockRecord => ({
  roomName: 'lobby-room',
  identity,
  name: identity.toUpperCase(),
  pass: 'participant',
  status: 'waiting',
  knockedAt: new Date(T0 + seconds * 1000),
  ...over,
});

export function describeKnockStoreContract(name: string, makeStore: () => Promise<KnockStore> | KnockStore): void {
  describe(`KnockStore contract: ${name}`, () => {
    let store: KnockStore;
    beforeEach(async () => {
      store = await makeStore();
    });
    afterEach(async () => {
      await store?.close();
    });

    it('records one knock per person and room; knocking again returns the first', async () => {
      expect(await store.knock(knockOf('bob', 1))).toEqual(knockOf('bob', 1));
      expect(await store.knock(knockOf('bob', 5, { name: 'Other' }))).toEqual(knockOf('bob', 1));
      expect(await store.knock(knockOf('bob', 2, { roomName: 'other-room' }))).toEqual(knockOf('bob', 2, { roomName: 'other-room' }));
      expect(await store.getKnock('lobby-room', 'bob')).toEqual(knockOf('bob', 1));
      expect(await store.getKnock('lobby-room', 'nobody')).toBeNull();
    });

    it('lists who waits, first come first, and the first decision wins', async () => {
      await store.knock(knockOf('carol', 2, { pass: 'audience' }));
      await store.knock(knockOf('bob', 1));
      await store.knock(knockOf('dave', 3, { pass: 'open_link' }));
      expect((await store.listWaiting('lobby-room')).map((k) => k.identity)).toEqual(['bob', 'carol', 'dave']);
      const at = new Date(T0 + 10_000);
      expect(await store.decide('lobby-room', 'bob', 'admitted', 'alice', at)).toMatchObject({ status: 'admitted', decidedBy: 'alice', decidedAt: at });
      expect(await store.decide('lobby-room', 'bob', 'refused', 'zoe', new Date(T0 + 20_000))).toMatchObject({ status: 'admitted', decidedBy: 'alice' });
      expect(await store.decide('lobby-room', 'carol', 'refused', 'alice', at)).toMatchObject({ status: 'refused' });
      expect(await store.decide('lobby-room', 'nobody', 'admitted', 'alice', at)).toBeNull();
      expect((await store.listWaiting('lobby-room')).map((k) => k.identity)).toEqual(['dave']);
      expect((await store.getKnock('lobby-room', 'carol'))?.status).toBe('refused');
    });
  });
}
