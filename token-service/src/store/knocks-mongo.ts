/**
 * The waiting room on MongoDB: `knocks` `{_id: "<room>\n<identity>", roomName, identity, name, pass, status,
 * knockedAt, decidedAt?, decidedBy?}`; the `_id` makes one knock per person and room (a second knock meets the
 * duplicate key and reads the first). A decision is a conditional update on `status: "waiting"`: the first wins.
 * Same rules as store/mongo.ts (checked values, per-call deadline, outages → 503).
 */
import type { Collection, Db } from 'mongodb';
import type { GuestPass } from '../grants.js';
import type { KnockRecord, KnockStatus, KnockStore } from './knocks-types.js';
import { MONGO_DEFAULTS, guardIndexes, isDuplicateKey, withDeadline } from './mongo.js';
import { requireDate, requireString } from './mongo-values.js';

type KnockDoc = KnockRecord & { _id: string };

const PASSES: readonly GuestPass[] = ['participant', 'audience', 'open_link'];

export class MongoKnockStore implements KnockStore {
  private readonly knocks: Collection<KnockDoc>;

  constructor(db: Db, private readonly operationTimeoutMs: number = MONGO_DEFAULTS.operationTimeoutMS) {
    this.knocks = db.collection<KnockDoc>('knocks');
  }

  async ensureIndexes(): Promise<void> {
    await guardIndexes('knocks.ensureIndexes', () => this.knocks.createIndex({ roomName: 1, status: 1 }, { name: 'roomName_status' }));
  }

  async knock(knock: KnockRecord): Promise<KnockRecord> {
    if (!PASSES.includes(knock.pass)) throw new TypeError('knock.pass is not a guest pass');
    const doc: KnockDoc = {
      _id: keyOf(knock.roomName, knock.identity),
      roomName: requireString(knock.roomName, 'knock.roomName'),
      identity: requireString(knock.identity, 'knock.identity'),
      name: requireString(knock.name, 'knock.name'),
      pass: knock.pass,
      status: 'waiting',
      knockedAt: requireDate(knock.knockedAt, 'knock.knockedAt'),
    };
    return this.call('knock', async () => {
      try {
        await this.knocks.insertOne(doc);
        return fromDoc(doc);
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
        const existing = await this.knocks.findOne({ _id: doc._id });
        return existing ? fromDoc(existing) : fromDoc(doc);
      }
    });
  }

  async getKnock(roomName: string, identity: string): Promise<KnockRecord | null> {
    const _id = keyOf(requireString(roomName, 'roomName'), requireString(identity, 'identity'));
    const doc = await this.call('getKnock', () => this.knocks.findOne({ _id }));
    return doc ? fromDoc(doc) : null;
  }

  async decide(roomName: string, identity: string, status: 'admitted' | 'refused', by: string, at: Date): Promise<KnockRecord | null> {
    const _id = keyOf(requireString(roomName, 'roomName'), requireString(identity, 'identity'));
    if (status !== 'admitted' && status !== 'refused') throw new TypeError('status must be admitted or refused');
    const set = { status, decidedBy: requireString(by, 'by'), decidedAt: requireDate(at, 'at') };
    return this.call('decide', async () => {
      await this.knocks.updateOne({ _id, status: 'waiting' }, { $set: set });
      const doc = await this.knocks.findOne({ _id });
      return doc ? fromDoc(doc) : null;
    });
  }

  async listWaiting(roomName: string): Promise<KnockRecord[]> {
    const name = requireString(roomName, 'roomName');
    const docs = await this.call('listWaiting', () =>
      this.knocks.find({ roomName: name, status: 'waiting' }).sort({ knockedAt: 1, identity: 1 }).toArray(),
    );
    return docs.map(fromDoc);
  }

  async close(): Promise<void> {}

  private call<T>(operation: string, run: () => Promise<T>): Promise<T> {
    return withDeadline(operation, this.operationTimeoutMs, run);
  }
}

const keyOf = (roomName: string, identity: string) => `${roomName}\n${identity}`;

function fromDoc(doc: KnockDoc): KnockRecord {
  return {
    roomName: doc.roomName,
    identity: doc.identity,
    name: doc.name,
    pass: doc.pass,
    status: doc.status as KnockStatus,
    knockedAt: new Date(doc.knockedAt),
    ...(doc.decidedAt instanceof Date && { decidedAt: new Date(doc.decidedAt) }),
    ...(typeof doc.decidedBy === 'string' && { decidedBy: doc.decidedBy }),
  };
}
