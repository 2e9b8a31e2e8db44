/**
 * Invites on MongoDB, in the rooms' database: `invites` `{_id: id, roomName, secretHash (unique), role, createdBy,
 * createdAt, expiresAt, maxUses, uses, revokedAt?}` and `invite_redemptions` `{_id: "<invite id>:<user id>",
 * inviteId, roomName, userId, at}` (one per user admitted, so a user coming back does not use the invite up).
 * Same rules as store/mongo.ts: values are checked field by field, each call has a deadline, outages → 503.
 * A use is counted by a conditional `$inc` (`uses < maxUses`), atomic on MongoDB; on FerretDB v1 updates are
 * read-then-write, so two users redeeming the last use at the same instant may both get in there.
 */
import type { Collection, Db } from 'mongodb';
import type { InviteKey, InviteRecord, InviteRole, InviteStore } from './invites-types.js';
import { MONGO_DEFAULTS, guardIndexes, isDuplicateKey, withDeadline } from './mongo.js';
import { requireDate, requireString } from './mongo-values.js';

type InviteDoc = Omit<InviteRecord, 'id'> & { _id: string };
interface RedemptionDoc {
  _id: string;
  inviteId: string;
  roomName: string;
  userId: string;
  at: Date;
}

export class MongoInviteStore implements InviteStore {
  private readonly invites: Collection<InviteDoc>;
  private readonly redemptions: Collection<RedemptionDoc>;

  constructor(db: Db, private readonly operationTimeoutMs: number = MONGO_DEFAULTS.operationTimeoutMS) {
    this.invites = db.collection<InviteDoc>('invites');
    this.redemptions = db.collection<RedemptionDoc>('invite_redemptions');
  }

  /** Creates its indexes (idempotent; one createIndex per index, see store/mongo.ts). */
  async ensureIndexes(): Promise<void> {
    await guardIndexes('invites.ensureIndexes', async () => {
      await this.invites.createIndex({ secretHash: 1 }, { name: 'secretHash', unique: true });
      await this.invites.createIndex({ roomName: 1 }, { name: 'roomName' });
      await this.redemptions.createIndex({ roomName: 1, userId: 1 }, { name: 'roomName_userId' });
    });
  }

  async createInvite(invite: InviteRecord): Promise<void> {
    const doc = toDoc(invite);
    await this.call('createInvite', () => this.invites.insertOne(doc));
  }

  async findInviteBySecretHash(secretHash: string): Promise<InviteRecord | null> {
    const hash = requireString(secretHash, 'secretHash');
    const doc = await this.call('findInviteBySecretHash', () => this.invites.findOne({ secretHash: hash }));
    return doc ? fromDoc(doc) : null;
  }

  async revokeInvite(roomName: string, id: string, at: Date): Promise<boolean> {
    const filter = { _id: requireString(id, 'id'), roomName: requireString(roomName, 'roomName') };
    const when = requireDate(at, 'at');
    const found = await this.call('revokeInvite', async () => {
      await this.invites.updateOne({ ...filter, revokedAt: { $exists: false } }, { $set: { revokedAt: when } });
      return this.invites.countDocuments(filter);
    });
    return found > 0;
  }

  async redeemInvite(key: InviteKey, userId: string): Promise<boolean> {
    const invite = requireString(key.id, 'invite.id');
    const roomName = requireString(key.roomName, 'invite.roomName');
    const maxUses = key.maxUses;
    const user = requireString(userId, 'userId');
    if (maxUses !== null && !Number.isInteger(maxUses)) throw new TypeError('maxUses must be an integer or null');
    const _id = `${invite}:${user}`;
    return this.call('redeemInvite', async () => {
      try {
        await this.redemptions.insertOne({ _id, inviteId: invite, roomName, userId: user, at: new Date() });
      } catch (error) {
        if (isDuplicateKey(error)) return true; // admitted with it before
        throw error;
      }
      const filter = maxUses === null ? { _id: invite } : { _id: invite, uses: { $lt: maxUses } };
      const counted = await this.invites.updateOne(filter, { $inc: { uses: 1 } });
      if (counted.modifiedCount === 1) return true;
      await this.redemptions.deleteOne({ _id });
      return false;
    });
  }

  async redeemedBy(inviteId: string, userId: string): Promise<boolean> {
    const _id = `${requireString(inviteId, 'inviteId')}:${requireString(userId, 'userId')}`;
    return (await this.call('redeemedBy', () => this.redemptions.countDocuments({ _id }))) > 0;
  }

  async guestRole(roomName: string, userId: string): Promise<InviteRole | null> {
    const filter = { roomName: requireString(roomName, 'roomName'), userId: requireString(userId, 'userId') };
    return this.call('guestRole', async () => {
      const ids = (await this.redemptions.find(filter, { projection: { inviteId: 1 } }).toArray()).map((r) => String(r.inviteId));
      if (ids.length === 0) return null;
      const live = await this.invites
        .find({ _id: { $in: ids }, revokedAt: { $exists: false } }, { projection: { role: 1 } })
        .toArray();
      if (live.some((i) => i.role === 'participant')) return 'participant';
      return live.length > 0 ? 'audience' : null;
    });
  }

  async close(): Promise<void> {}

  private call<T>(operation: string, run: () => Promise<T>): Promise<T> {
    return withDeadline(operation, this.operationTimeoutMs, run);
  }
}

function toDoc(invite: InviteRecord): InviteDoc {
  if (invite.role !== 'participant' && invite.role !== 'audience') throw new TypeError('invite.role must be participant or audience');
  if (invite.maxUses !== null && !Number.isInteger(invite.maxUses)) throw new TypeError('invite.maxUses must be an integer or null');
  return {
    _id: requireString(invite.id, 'invite.id'),
    roomName: requireString(invite.roomName, 'invite.roomName'),
    secretHash: requireString(invite.secretHash, 'invite.secretHash'),
    role: invite.role,
    createdBy: requireString(invite.createdBy, 'invite.createdBy'),
    createdAt: requireDate(invite.createdAt, 'invite.createdAt'),
    expiresAt: requireDate(invite.expiresAt, 'invite.expiresAt'),
    maxUses: invite.maxUses,
    uses: Number(invite.uses) || 0,
    ...(invite.revokedAt && { revokedAt: requireDate(invite.revokedAt, 'invite.revokedAt') }),
  };
}

function fromDoc(doc: InviteDoc): InviteRecord {
  return {
    id: doc._id,
    roomName: doc.roomName,
    secretHash: doc.secretHash,
    role: doc.role as InviteRole,
    createdBy: doc.createdBy,
    createdAt: new Date(doc.createdAt),
    expiresAt: new Date(doc.expiresAt),
    maxUses: typeof doc.maxUses === 'number' ? doc.maxUses : null,
    uses: typeof doc.uses === 'number' ? doc.uses : 0,
    ...(doc.revokedAt instanceof Date && { revokedAt: new Date(doc.revokedAt) }),
  };
}
