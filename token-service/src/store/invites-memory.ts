import type { InviteKey, InviteRecord, InviteRole, InviteStore } from './invites-types.js';

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

  async redeemInvite(key: InviteKey, userId: string): Promise<boolean> {
    const invite = this.byId.get(key.id);
    if (!invite) return false;
    const users = this.redeemed.get(key.id) ?? new Set<string>();
    this.redeemed.set(key.id, users);
    if (users.has(userId)) return true;
    if (key.maxUses !== null && invite.uses >= key.maxUses) return false;
    users.add(userId);
    invite.uses++;
    return true;
  }

  async redeemedBy(inviteId: string, userId: string): Promise<boolean> {
    return this.redeemed.get(inviteId)?.has(userId) ?? false;
  }

  async guestRole(roomName: string, userId: string): Promise<InviteRole | null> {
    let role: InviteRole | null = null;
    for (const invite of this.byId.values()) {
      if (invite.roomName !== roomName || invite.revokedAt || !this.redeemed.get(invite.id)?.has(userId)) continue;
      if (role !== 'participant') role = invite.role;
    }
    return role;
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
