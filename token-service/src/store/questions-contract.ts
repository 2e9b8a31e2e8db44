/**
 * The behaviour every QuestionStore must have, run on memory (questions-memory.test.ts) and FerretDB
 * (questions-mongo.test.ts). `makeStore` returns an empty store.
 */
import { describe, expect, it } from 'vitest';
import type { QuestionRecord, QuestionStore } from './questions.js';

const T0 = Date.UTC(2026, 0, 15, 9, 0, 0);

export const sampleQuestion = (roomName: string, id: string, seconds: number, over: Partial<QuestionRecord> = {}): QuestionRecord => ({
  id, roomName, authorId: 'carol', authorName: 'Carole', text: `question ${id}`, createdAt: new Date(T0 + seconds * 1000), answered: false, ...over,
});

/** `makeStore(maxPerRoom)`: an empty store keeping at most that many questions per room (default when undefined). */
export function describeQuestionStoreContract(name: string, makeStore: (maxPerRoom?: number) => Promise<QuestionStore> | QuestionStore): void {
  describe(`QuestionStore contract: ${name}`, () => {
    it('lists a room’s questions by votes, then oldest first, with every field as given', async () => {
      const store = await makeStore();
      const q1 = sampleQuestion('r', 'q1', 1);
      const q2 = sampleQuestion('r', 'q2', 2, { authorId: 'bob', authorName: 'Bob', text: '<b>$where</b>' });
      const q3 = sampleQuestion('r', 'q3', 3);
      for (const q of [q3, q1, q2, sampleQuestion('other', 'x', 0)]) expect(await store.addQuestion(q)).toBe(true);
      expect((await store.listQuestions('r')).map((q) => q.id)).toEqual(['q1', 'q2', 'q3']);
      await store.setVote('r', 'q3', 'alice', true);
      await store.setVote('r', 'q3', 'bob', true);
      await store.setVote('r', 'q2', 'alice', true);
      const listed = await store.listQuestions('r');
      expect(listed.map((q) => [q.id, q.voters.length])).toEqual([['q3', 2], ['q2', 1], ['q1', 0]]);
      expect(listed[1]).toEqual({ ...q2, voters: ['alice'] });
      expect(await store.listQuestions('nobody')).toEqual([]);
    });

    it('one vote per user: voting twice counts once, un-voting removes it, both idempotent; unknown question → null', async () => {
      const store = await makeStore();
      await store.addQuestion(sampleQuestion('r', 'q', 0));
      expect((await store.setVote('r', 'q', 'alice', true))!.voters).toEqual(['alice']);
      expect((await store.setVote('r', 'q', 'alice', true))!.voters).toEqual(['alice']);
      expect((await store.setVote('r', 'q', 'alice', false))!.voters).toEqual([]);
      expect((await store.setVote('r', 'q', 'alice', false))!.voters).toEqual([]);
      expect(await store.setVote('r', 'nope', 'alice', true)).toBeNull();
      expect(await store.setVote('other-room', 'q', 'alice', true)).toBeNull();
    });

    it('concurrent votes: the same user many times counts once; many users all count', async () => {
      const store = await makeStore();
      await store.addQuestion(sampleQuestion('r', 'q', 0));
      await Promise.all(Array.from({ length: 10 }, () => store.setVote('r', 'q', 'alice', true)));
      expect((await store.getQuestion('r', 'q'))!.voters).toEqual(['alice']);
      const users = Array.from({ length: 12 }, (_, i) => `user${i}`);
      await Promise.all(users.map((u) => store.setVote('r', 'q', u, true)));
      expect((await store.getQuestion('r', 'q'))!.voters.sort()).toEqual(['alice', ...users].sort());
    });

    it('marks answered, deletes a question with its votes, deletes a room’s questions', async () => {
      const store = await makeStore();
      await store.addQuestion(sampleQuestion('r', 'q1', 0));
      await store.addQuestion(sampleQuestion('r', 'q2', 1));
      await store.setVote('r', 'q1', 'alice', true);
      expect((await store.setAnswered('r', 'q1', true))!.answered).toBe(true);
      expect(await store.setAnswered('r', 'nope', true)).toBeNull();
      expect(await store.deleteQuestion('r', 'q1')).toBe(true);
      expect(await store.deleteQuestion('r', 'q1')).toBe(false);
      expect(await store.getQuestion('r', 'q1')).toBeNull();
      expect((await store.listQuestions('r')).map((q) => q.id)).toEqual(['q2']);
      expect(await store.deleteRoomQuestions('r')).toBe(1);
      expect(await store.listQuestions('r')).toEqual([]);
    });

    it('refuses a question beyond the room’s maximum', async () => {
      const store = await makeStore(5);
      for (let i = 0; i < 5; i++) expect(await store.addQuestion(sampleQuestion('full', `q${i}`, i))).toBe(true);
      expect(await store.addQuestion(sampleQuestion('full', 'extra', 9999))).toBe(false);
      expect(await store.addQuestion(sampleQuestion('empty', 'first', 0))).toBe(true);
    });
  });
}
