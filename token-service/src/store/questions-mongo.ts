/**
 * Audience questions in MongoDB (see questions.ts), beside the rooms on the room store's client.
 *
 * - `questions`: `{_id: id, roomName, authorId, authorName, text, createdAt, answered}`, indexed by (roomName, createdAt).
 * - `question_votes`: `{_id: "<questionId>:<userId>", roomName, questionId, userId}`. A vote is an insert whose `_id`
 *   is the pair, so a second vote by the same user hits the duplicate key and changes nothing, however many arrive at
 *   once; removing it is a delete. No counter is ever incremented: counts are the votes listed (inserts and deletes
 *   are atomic on MongoDB and on FerretDB alike, unlike FerretDB v1's read-then-write updates, see mongo.ts).
 *
 * Injection and availability as in mongo.ts (values checked and built here; 503 when the database cannot answer).
 */
import type { Collection, Db } from 'mongodb';
import { MONGO_DEFAULTS, guard, isDuplicateKey, requireString, withDeadline } from './mongo.js';
import { MAX_QUESTIONS_PER_ROOM, byVotesThenTime, type QuestionRecord, type QuestionStore, type QuestionWithVotes } from './questions.js';

interface QuestionDoc {
  _id: string;
  roomName: string;
  authorId: string;
  authorName: string;
  text: string;
  createdAt: Date;
  answered: boolean;
}

interface VoteDoc {
  _id: string;
  roomName: string;
  questionId: string;
  userId: string;
}

export class MongoQuestionStore implements QuestionStore {
  private readonly questions: Collection<QuestionDoc>;
  private readonly votes: Collection<VoteDoc>;

  constructor(
    db: Db,
    private readonly maxPerRoom: number = MAX_QUESTIONS_PER_ROOM,
    private readonly operationTimeoutMs: number = MONGO_DEFAULTS.operationTimeoutMS,
  ) {
    this.questions = db.collection<QuestionDoc>('questions');
    this.votes = db.collection<VoteDoc>('question_votes');
  }

  static async open(db: Db, maxPerRoom = MAX_QUESTIONS_PER_ROOM): Promise<MongoQuestionStore> {
    const store = new MongoQuestionStore(db, maxPerRoom);
    await guard('ensureIndexes', async () => {
      await store.questions.createIndex({ roomName: 1, createdAt: 1 }, { name: 'roomName_createdAt' });
      await store.votes.createIndex({ roomName: 1, questionId: 1 }, { name: 'roomName_questionId' });
    });
    return store;
  }

  async addQuestion(q: QuestionRecord): Promise<boolean> {
    if (!(q.createdAt instanceof Date) || Number.isNaN(q.createdAt.getTime())) throw new TypeError('createdAt must be a valid Date');
    const doc: QuestionDoc = {
      _id: requireString(q.id, 'id'),
      roomName: requireString(q.roomName, 'roomName'),
      authorId: requireString(q.authorId, 'authorId'),
      authorName: requireString(q.authorName, 'authorName'),
      text: requireString(q.text, 'text'),
      createdAt: new Date(q.createdAt.getTime()),
      answered: q.answered === true,
    };
    return this.call('addQuestion', async () => {
      if ((await this.questions.countDocuments({ roomName: doc.roomName })) >= this.maxPerRoom) return false;
      await this.questions.insertOne(doc);
      return true;
    });
  }

  async listQuestions(roomName: string): Promise<QuestionWithVotes[]> {
    const name = requireString(roomName, 'roomName');
    const [docs, votes] = await this.call('listQuestions', () =>
      Promise.all([this.questions.find({ roomName: name }).toArray(), this.votes.find({ roomName: name }).toArray()]),
    );
    const voters = new Map<string, string[]>();
    for (const v of votes) voters.set(v.questionId, [...(voters.get(v.questionId) ?? []), v.userId]);
    return docs.map((d) => fromDoc(d, voters.get(d._id) ?? [])).sort(byVotesThenTime);
  }

  async getQuestion(roomName: string, id: string): Promise<QuestionWithVotes | null> {
    const name = requireString(roomName, 'roomName');
    const _id = requireString(id, 'id');
    const [doc, votes] = await this.call('getQuestion', () =>
      Promise.all([this.questions.findOne({ _id, roomName: name }), this.votes.find({ roomName: name, questionId: _id }).toArray()]),
    );
    return doc ? fromDoc(doc, votes.map((v) => v.userId)) : null;
  }

  async setVote(roomName: string, id: string, userId: string, on: boolean): Promise<QuestionWithVotes | null> {
    const name = requireString(roomName, 'roomName');
    const questionId = requireString(id, 'id');
    const user = requireString(userId, 'userId');
    const exists = await this.call('setVote', () => this.questions.countDocuments({ _id: questionId, roomName: name }, { limit: 1 }));
    if (!exists) return null;
    const _id = `${questionId}:${user}`;
    await this.call('setVote', async () => {
      if (!on) return void (await this.votes.deleteOne({ _id }));
      try {
        await this.votes.insertOne({ _id, roomName: name, questionId, userId: user });
      } catch (error) {
        if (!isDuplicateKey(error)) throw error; // already voted: nothing changes
      }
    });
    return this.getQuestion(name, questionId);
  }

  async setAnswered(roomName: string, id: string, answered: boolean): Promise<QuestionWithVotes | null> {
    const name = requireString(roomName, 'roomName');
    const _id = requireString(id, 'id');
    if (typeof answered !== 'boolean') throw new TypeError('answered must be a boolean');
    const result = await this.call('setAnswered', () => this.questions.updateOne({ _id, roomName: name }, { $set: { answered } }));
    return result.matchedCount ? this.getQuestion(name, _id) : null;
  }

  async deleteQuestion(roomName: string, id: string): Promise<boolean> {
    const name = requireString(roomName, 'roomName');
    const _id = requireString(id, 'id');
    const result = await this.call('deleteQuestion', () => this.questions.deleteOne({ _id, roomName: name }));
    if (result.deletedCount) await this.call('deleteQuestion', () => this.votes.deleteMany({ roomName: name, questionId: _id }));
    return result.deletedCount > 0;
  }

  async deleteRoomQuestions(roomName: string): Promise<number> {
    const name = requireString(roomName, 'roomName');
    const result = await this.call('deleteRoomQuestions', () => this.questions.deleteMany({ roomName: name }));
    await this.call('deleteRoomQuestions', () => this.votes.deleteMany({ roomName: name }));
    return result.deletedCount;
  }

  private call<T>(operation: string, run: () => Promise<T>): Promise<T> {
    return withDeadline(operation, this.operationTimeoutMs, run);
  }
}

function fromDoc(d: QuestionDoc, voters: string[]): QuestionWithVotes {
  return {
    id: d._id,
    roomName: d.roomName,
    authorId: d.authorId,
    authorName: d.authorName,
    text: d.text,
    createdAt: new Date(d.createdAt),
    answered: d.answered === true,
    voters,
  };
}
