/**
 * The behaviour every MessageStore must have, as one vitest suite, run on memory (messages-memory.test.ts) and on
 * FerretDB (messages-mongo.test.ts). `makeStore(limits, now)` is called before each test and must return an empty
 * store with those bounds and that clock.
 */
import { describe, expect, it } from 'vitest';
import type { ChatHistoryLimits, MessageStore, StoredChatMessage } from './messages.js';

const T0 = Date.UTC(2026, 0, 15, 9, 0, 0);
const DAY = 24 * 60 * 60 * 1000;

export function sampleMessage(roomName: string, id: string, seconds: number, overrides: Partial<StoredChatMessage> = {}): StoredChatMessage {
  return { roomName, id, identity: 'alice', name: 'Alice Martin', text: `message ${id}`, at: new Date(T0 + seconds * 1000), ...overrides };
}

export type MakeMessageStore = (limits: ChatHistoryLimits, now: () => number) => Promise<MessageStore> | MessageStore;

export function describeMessageStoreContract(name: string, makeStore: MakeMessageStore): void {
  describe(`MessageStore contract: ${name}`, () => {
    let clock = T0;
    const now = () => clock;
    const open = (limits: Partial<ChatHistoryLimits> = {}) => {
      clock = T0 + 60_000;
      return makeStore({ maxPerRoom: 5, retentionMs: DAY, ...limits }, now);
    };

    it('returns the stored messages oldest first, every field as given, per room', async () => {
      const store = await open();
      const a = sampleMessage('room-a', 'm1', 1);
      const b = sampleMessage('room-a', 'm2', 2, { identity: 'bob', name: 'Bob', text: '<img src=x onerror=alert(1)> $where' });
      const other = sampleMessage('room-b', 'm1', 3);
      for (const m of [b, a, other]) expect((await store.addMessage(m)).created).toBe(true);
      expect(await store.listMessages('room-a', 10)).toEqual([a, b]);
      expect(await store.listMessages('room-b', 10)).toEqual([other]);
      expect(await store.listMessages('room-c', 10)).toEqual([]);
    });

    it('a second message with the same author and id is the first one, unchanged (a retry)', async () => {
      const store = await open();
      const first = sampleMessage('retry', 'm1', 1);
      await store.addMessage(first);
      const again = await store.addMessage({ ...first, text: 'changed', at: new Date(T0 + 5000) });
      expect(again).toEqual({ message: first, created: false });
      // Another author may use the same id: stream ids are unique per sender only.
      expect((await store.addMessage(sampleMessage('retry', 'm1', 2, { identity: 'bob' }))).created).toBe(true);
      expect((await store.listMessages('retry', 10)).map((m) => [m.identity, m.text])).toEqual([
        ['alice', 'message m1'],
        ['bob', 'message m1'],
      ]);
    });

    it('keeps the newest maxPerRoom messages of a room; limit returns the newest of those', async () => {
      const store = await open({ maxPerRoom: 3 });
      for (let i = 1; i <= 5; i++) await store.addMessage(sampleMessage('bounded', `m${i}`, i));
      await store.addMessage(sampleMessage('other', 'x', 1));
      expect((await store.listMessages('bounded', 10)).map((m) => m.id)).toEqual(['m3', 'm4', 'm5']);
      expect((await store.listMessages('bounded', 2)).map((m) => m.id)).toEqual(['m4', 'm5']);
      expect(await store.listMessages('bounded', 0)).toEqual([]);
      expect((await store.listMessages('other', 10)).map((m) => m.id)).toEqual(['x']);
    });

    it('messages stored in the same millisecond keep their order and the bound', async () => {
      const store = await open({ maxPerRoom: 2 });
      for (const id of ['a', 'b', 'c']) await store.addMessage(sampleMessage('same-ms', id, 1));
      expect((await store.listMessages('same-ms', 10)).map((m) => m.id)).toEqual(['b', 'c']);
    });

    it('never returns a message past the retention, and forgets it', async () => {
      const store = await open({ retentionMs: DAY });
      await store.addMessage(sampleMessage('aging', 'old', 0));
      clock = T0 + DAY / 2;
      await store.addMessage(sampleMessage('aging', 'young', DAY / 2000));
      expect((await store.listMessages('aging', 10)).map((m) => m.id)).toEqual(['old', 'young']);
      clock = T0 + DAY + 1000;
      expect((await store.listMessages('aging', 10)).map((m) => m.id)).toEqual(['young']);
      // A retry of the expired message stores it again (the old copy is gone, not a duplicate).
      clock = T0 + DAY + 2000;
      const back = await store.addMessage(sampleMessage('aging', 'old', DAY / 1000 + 2));
      expect(back.created).toBe(true);
      expect((await store.listMessages('aging', 10)).map((m) => m.id)).toEqual(['young', 'old']);
    });

    it('deletes a room’s history and nothing else', async () => {
      const store = await open();
      await store.addMessage(sampleMessage('gone', 'm1', 1));
      await store.addMessage(sampleMessage('gone', 'm2', 2));
      await store.addMessage(sampleMessage('kept', 'm1', 3));
      expect(await store.deleteRoomMessages('gone')).toBe(2);
      expect(await store.listMessages('gone', 10)).toEqual([]);
      expect((await store.listMessages('kept', 10)).map((m) => m.id)).toEqual(['m1']);
      expect(await store.deleteRoomMessages('gone')).toBe(0);
    });

    it('concurrent retries of one message store it once', async () => {
      const store = await open();
      const m = sampleMessage('race', 'm1', 1);
      const results = await Promise.all(Array.from({ length: 8 }, () => store.addMessage(m)));
      expect(results.filter((r) => r.created)).toHaveLength(1);
      expect(results.every((r) => r.message.text === m.text)).toBe(true);
      expect(await store.listMessages('race', 10)).toEqual([m]);
    });
  });
}
