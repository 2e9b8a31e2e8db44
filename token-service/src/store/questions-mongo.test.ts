// MongoQuestionStore against FerretDB, one database per test.
import { MongoClient } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFerretDB, type FerretDB } from '../../../scripts/kit/index.mjs';
import { describeQuestionStoreContract, sampleQuestion } from './questions-contract.js';
import { MongoQuestionStore } from './questions-mongo.js';

let ferret: FerretDB;
let client: MongoClient;
let n = 0;
const nextDb = () => client.db(`questions_mongo_test_${++n}`);

beforeAll(async () => {
  ferret = await startFerretDB();
  client = new MongoClient(ferret.uri, { serverSelectionTimeoutMS: 5000 });
  await client.connect();
});
afterAll(async () => {
  await client?.close();
  await ferret?.cleanup();
});

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
