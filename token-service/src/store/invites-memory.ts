import type { InviteRecord, InviteStore } from './invites-types.js';

/** Invites in process memory (the default store): lost when the process stops, like the rooms. */
export class MemoryInviteStore implements InviteStore {
  private readonly byId = new Map<string, InviteRecord>();
  private readonly redeemed = new Map<string, Set<string>>(); // invite id → user ids

  async createInvite(invite: InviteRecord): Promise<void> {
    if (this.byId.has(invite.id)) throw new Error(`Invite ${invite.id} exists`);
    this.byId.set(invite.id, clone(invite));
  }

  async findInviteBySecretHash(secretHash: string): Promise<InviteRecord | null> {
    for (const invite of this.byId.values()) if (invite.secretHash === secretHash) return clone(invite);
    return null;
  }

  async revokeInvite(roomName: string, id: string, at: Date): Promise<boolean> {
    const invite = this.byId.get(id);
    if (!invite || invite.roomName !== roomName) return false;
    invite.revokedAt ??= new Date(at);
    return true;
  }

  async redeemInvite(inviteId: string, userId: string, maxUses: number | null): Promise<boolean> {
    const invite = this.byId.get(inviteId);
    if (!invite) return false;
    const users = this.redeemed.get(inviteId) ?? new Set<string>();
    this.redeemed.set(inviteId, users);
    if (users.has(userId)) return true;
    if (maxUses !== null && invite.uses >= maxUses) return false;
    users.add(userId);
    invite.uses++;
    return true;
  }

  async redeemedBy(inviteId: string, userId: string): Promise<boolean> {
    return this.redeemed.get(inviteId)?.has(userId) ?? false;
  }

  async close(): Promise<void> {}
}

function clone(invite: InviteRecord): InviteRecord {
  return {
    ...invite,
    createdAt: new Date(invite.createdAt),
    expiresAt: new Date(invite.expiresAt),
    ...(invite.revokedAt && { revokedAt: new Date(invite.revokedAt) }),
  };
}
