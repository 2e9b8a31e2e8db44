import { createHash, randomBytes } from 'node:crypto';
import { ApiError, errors } from './errors.js';
import { inviteRoleAllowed } from './grants.js';
import type { RoomRecord, User } from './model.js';
import type { InviteRecord, InviteRole, InviteStore } from './store/invites-types.js';

/** 256 random bits, base64url: the invite link's secret. Only its SHA-256 is stored. */
const SECRET_BYTES = 32;

export interface CreatedInvite {
  record: InviteRecord;
  secret: string;
  url: string;
}

/**
 * Invite links: created and revoked by a host, checked at each GET/join. The secret is random and stored hashed;
 * state (expiry, revocation, uses) lives in the InviteStore, so a revoked or used-up link stops working at once.
 */
export class Invites {
  constructor(
    private readonly store: InviteStore,
    private readonly invitePageUrl: string,
    private readonly now: () => number = () => Date.now(),
  ) {}

  async create(
    room: RoomRecord,
    user: User,
    input: { role: InviteRole; expiresInSeconds: number; maxUses?: number | undefined },
  ): Promise<CreatedInvite> {
    if (!inviteRoleAllowed(room, input.role)) {
      throw errors.badRequest('role: "audience" invites are for webinars (rooms created with speakers) only');
    }
    const secret = randomBytes(SECRET_BYTES).toString('base64url');
    const createdAt = new Date(this.now());
    const record: InviteRecord = {
      id: randomBytes(12).toString('base64url'),
      roomName: room.roomName,
      secretHash: hashSecret(secret),
      role: input.role,
      createdBy: user.id,
      createdAt,
      expiresAt: new Date(createdAt.getTime() + input.expiresInSeconds * 1000),
      maxUses: input.maxUses ?? null,
      uses: 0,
    };
    await this.store.createInvite(record);
    const url = new URL(this.invitePageUrl);
    url.searchParams.set('room', room.roomName);
    url.searchParams.set('invite', secret);
    return { record, secret, url: url.toString() };
  }

  /** The role `userId` holds in the room as a guest admitted earlier with an invite still valid, or null. */
  guestRole(roomName: string, userId: string): Promise<InviteRole | null> {
    return this.store.guestRole(roomName, userId);
  }

  async revoke(roomName: string, id: string): Promise<void> {
    if (!(await this.store.revokeInvite(roomName, id, new Date(this.now())))) {
      throw new ApiError(404, 'not_found', `Room "${roomName}" has no invite "${id}"`);
    }
  }

  /**
   * The invite behind `secret` if it opens `roomName` for `userId` now; 403 invite_invalid otherwise (unknown,
   * another room's, expired, revoked, used up). Never says whether the room exists. `redeem` counts a use (a join).
   */
  async check(secret: string, roomName: string, userId: string, redeem: boolean): Promise<InviteRecord> {
    const invite = await this.store.findInviteBySecretHash(hashSecret(secret));
    if (!invite || invite.roomName !== roomName || invite.revokedAt || invite.expiresAt.getTime() <= this.now()) {
      throw invalid();
    }
    const ok = redeem
      ? await this.store.redeemInvite(invite, userId)
      : invite.maxUses === null || invite.uses < invite.maxUses || (await this.store.redeemedBy(invite.id, userId));
    if (!ok) throw invalid();
    return invite;
  }
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

function invalid(): ApiError {
  return new ApiError(403, 'invite_invalid', 'This invite link is not valid (expired, revoked, used up or mistyped)');
}
