/** What every PushSubscriptionStore does; run on memory (push-subscriptions.test.ts) and on FerretDB. */
import { describe, expect, it } from 'vitest';
import { MAX_PUSH_SUBSCRIPTIONS_PER_USER, type PushSubscriptionStore, type StoredPushSubscription } from './push-subscriptions.js';

let n = 0;
export const sampleSubscription = (userId: string, over: Partial<StoredPushSubscription> = {}): StoredPushSubscription => ({
  userId,
  endpoint: `https://push.example/send/${userId}-${++n}`,
  keys: { p256dh: `p256dh-${n}`, auth: `auth-${n}` },
  createdAt: new Date(1_700_000_000_000 + n * 1000),
  ...over,
});

export function describePushSubscriptionStoreContract(name: string, open: () => Promise<PushSubscriptionStore>) {
  describe(name, () => {
    it('saves, lists per user (oldest first) and removes', async () => {
      const store = await open();
      const a1 = sampleSubscription('alice');
      const a2 = sampleSubscription('alice');
      const b1 = sampleSubscription('bob');
      await store.save(a2);
      await store.save(a1);
      await store.save(b1);
      expect(await store.listForUser('alice')).toEqual([a1, a2]);
      expect(await store.listForUser('bob')).toEqual([b1]);
      expect(await store.remove('alice', a1.endpoint)).toBe(true);
      expect(await store.remove('alice', a1.endpoint)).toBe(false);
      expect(await store.listForUser('alice')).toEqual([a2]);
    });

    it("never removes another user's subscription by its endpoint; removeEndpoint removes it whoever owns it", async () => {
      const store = await open();
      const b = sampleSubscription('bob');
      await store.save(b);
      expect(await store.remove('mallory', b.endpoint)).toBe(false);
      expect(await store.listForUser('bob')).toEqual([b]);
      await store.removeEndpoint(b.endpoint);
      expect(await store.listForUser('bob')).toEqual([]);
    });

    it('a re-subscription of the same endpoint replaces it (new keys, possibly another user)', async () => {
      const store = await open();
      const first = sampleSubscription('carol');
      await store.save(first);
      const renewed = { ...first, keys: { p256dh: 'new-p256dh', auth: 'new-auth' } };
      await store.save(renewed);
      expect(await store.listForUser('carol')).toEqual([renewed]);
      await store.save({ ...renewed, userId: 'dave' });
      expect(await store.listForUser('carol')).toEqual([]);
      expect((await store.listForUser('dave')).map((s) => s.endpoint)).toEqual([first.endpoint]);
    });

    it(`keeps at most ${MAX_PUSH_SUBSCRIPTIONS_PER_USER} per user, dropping the oldest`, async () => {
      const store = await open();
      const all = Array.from({ length: MAX_PUSH_SUBSCRIPTIONS_PER_USER + 2 }, () => sampleSubscription('erin'));
      for (const s of all) await store.save(s);
      expect((await store.listForUser('erin')).map((s) => s.endpoint)).toEqual(all.slice(2).map((s) => s.endpoint));
    });
  });
}
