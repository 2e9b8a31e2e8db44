// MongoQuestionStore against FerretDB, one database per test.
import { describe, expect, it } from 'vitest';
import { useFerretDB } from '../../test/helpers/ferret.js';
import { describeQuestionStoreContract, sampleQuestion } from './questions-contract.js';
import { MongoQuestionStore } from './questions-mongo.js';

const { nextDb } = useFerretDB('questions_mongo_test');

describeQuestionStoreContract('MongoQuestionStore on FerretDB', (max) => MongoQuestionStore.open(nextDb(), max));

describe('MongoQuestionStore', () => {
  it('keeps questions and votes across a restart, and refuses operator values', async () => {
    const db = nextDb();
    const first = await MongoQuestionStore.open(db);
    await first.addQuestion(sampleQuestion('r', 'q', 0));
    await first.setVote('r', 'q', 'alice', true);
    const second = await MongoQuestionStore.open(db);
    expect((await second.getQuestion('r', 'q'))!.voters).toEqual(['alice']);
    const operator = { $ne: null } as never;
    await expect(second.listQuestions(operator)).rejects.toBeInstanceOf(TypeError);
    await expect(second.setVote('r', operator, 'alice', true)).rejects.toBeInstanceOf(TypeError);
    await expect(second.setVote('r', 'q', operator, true)).rejects.toBeInstanceOf(TypeError);
    await expect(second.deleteQuestion('r', operator)).rejects.toBeInstanceOf(TypeError);
    expect((await second.listQuestions('r')).length).toBe(1);
  });
});
