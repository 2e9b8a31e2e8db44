import { describe, expect, it } from 'vitest';
import { describeRoomStoreContract } from './contract.js';
import { describeCoHostsContract } from './co-hosts-contract.js';
import { describeHostControlsContract } from './host-controls.contract.js';
import { MemoryRoomStore } from './memory.js';
import { describeInviteStoreContract } from './invites-contract.js';
import { MemoryInviteStore } from './invites-memory.js';
import { describeKnockStoreContract } from './knocks-contract.js';
import { MemoryKnockStore } from './knocks-memory.js';
import { describeRoomPagesContract } from './rooms-page-contract.js';

describeRoomStoreContract('MemoryRoomStore', () => new MemoryRoomStore());
describeCoHostsContract('MemoryRoomStore', () => new MemoryRoomStore());
describeHostControlsContract('MemoryRoomStore', () => new MemoryRoomStore());
describeRoomPagesContract('MemoryRoomStore', () => new MemoryRoomStore());
describeInviteStoreContract('MemoryInviteStore', () => new MemoryInviteStore());
describeKnockStoreContract('MemoryKnockStore', () => new MemoryKnockStore());

describe('MemoryRoomStore', () => {
  it('remembers the last 10,000 webhook ids and forgets the oldest beyond that', async () => {
    const store = new MemoryRoomStore();
    for (let i = 0; i <= 10_000; i++) expect(await store.markEventProcessed(`EV_${i}`)).toBe(true);
    expect(await store.markEventProcessed('EV_10000')).toBe(false);
    expect(await store.markEventProcessed('EV_1')).toBe(false);
    expect(await store.markEventProcessed('EV_0')).toBe(true);
  });
});
