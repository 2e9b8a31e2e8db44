/** The InviteStore behaviour, as one vitest suite run on memory (memory.test.ts) and FerretDB (mongo.test.ts). */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { InviteRecord, InviteStore } from './invites-types.js';

export function sampleInvite(id: string, overrides: Partial<InviteRecord> = {}): InviteRecord {
  return {
    id,
    roomName: 'room-1',
    secretHash: `hash-of-${id}`,
    role: 'participant',
    createdBy: 'alice',
    createdAt: new Date(Date.UTC(2026, 0, 15, 9)),
    expiresAt: new Date(Date.UTC(2026, 0, 22, 9)),
    maxUses: null,
    uses: 0,
    ...overrides,
  };
}

export function describeInviteStoreContract(name: string, makeStore: () => Promise<InviteStore> | InviteStore): void {
  describe(`InviteStore contract: ${name}`, () => {
    let store: InviteStore;
    beforeEach(async () => {
      store = await makeStore();
    });
    afterEach(async () => {
      await store?.close();
    });

    it('finds an invite by its secret hash with every field as given', async () => {
      const invite = sampleInvite('inv1', { role: 'audience', maxUses: 3 });
      await store.createInvite(invite);
      expect(await store.findInviteBySecretHash('hash-of-inv1')).toEqual(invite);
      expect(await store.findInviteBySecretHash('hash-of-nothing')).toBeNull();
    });

    it('revokes an invite of its room only, once', async () => {
      await store.createInvite(sampleInvite('inv2'));
      const at = new Date(Date.UTC(2026, 0, 16));
      expect(await store.revokeInvite('other-room', 'inv2', at)).toBe(false);
      expect(await store.revokeInvite('room-1', 'missing', at)).toBe(false);
      expect(await store.revokeInvite('room-1', 'inv2', at)).toBe(true);
      expect(await store.revokeInvite('room-1', 'inv2', new Date(at.getTime() + 1000))).toBe(true);
      expect((await store.findInviteBySecretHash('hash-of-inv2'))?.revokedAt).toEqual(at);
    });

    it('counts different users up to max_uses; a user coming back uses nothing', async () => {
      const inv3 = sampleInvite('inv3', { maxUses: 2 });
      await store.createInvite(inv3);
      expect(await store.redeemInvite(inv3, 'bob')).toBe(true);
      expect(await store.redeemInvite(inv3, 'bob')).toBe(true);
      expect(await store.redeemedBy('inv3', 'bob')).toBe(true);
      expect(await store.redeemedBy('inv3', 'carol')).toBe(false);
      expect(await store.redeemInvite(inv3, 'carol')).toBe(true);
      expect(await store.redeemInvite(inv3, 'dave')).toBe(false);
      expect(await store.redeemedBy('inv3', 'dave')).toBe(false);
      expect(await store.redeemInvite(inv3, 'carol')).toBe(true);
      expect((await store.findInviteBySecretHash('hash-of-inv3'))?.uses).toBe(2);
    });

    it('admits any number of users without max_uses', async () => {
      const inv4 = sampleInvite('inv4');
      await store.createInvite(inv4);
      for (const user of ['a', 'b', 'c', 'd']) expect(await store.redeemInvite(inv4, user)).toBe(true);
      expect((await store.findInviteBySecretHash('hash-of-inv4'))?.uses).toBe(4);
    });

    it('knows the role guests hold in a room through the invites they used, until those are revoked', async () => {
      const audience = sampleInvite('aud', { role: 'audience' });
      const speaker = sampleInvite('spk', { role: 'participant' });
      const elsewhere = sampleInvite('else', { roomName: 'room-2' });
      for (const i of [audience, speaker, elsewhere]) await store.createInvite(i);
      expect(await store.guestRole('room-1', 'bob')).toBeNull();
      await store.redeemInvite(audience, 'bob');
      await store.redeemInvite(elsewhere, 'carol');
      expect(await store.guestRole('room-1', 'bob')).toBe('audience');
      expect(await store.guestRole('room-1', 'carol')).toBeNull();
      await store.redeemInvite(speaker, 'bob');
      expect(await store.guestRole('room-1', 'bob')).toBe('participant');
      await store.revokeInvite('room-1', 'spk', new Date());
      expect(await store.guestRole('room-1', 'bob')).toBe('audience');
      await store.revokeInvite('room-1', 'aud', new Date());
      expect(await store.guestRole('room-1', 'bob')).toBeNull();
    });
  });
}
