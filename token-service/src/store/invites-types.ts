/** Invite links: what the service remembers about each one (never the secret itself, only its SHA-256). */
export type InviteRole = 'participant' | 'audience';

export interface InviteRecord {
  /** Public id, for revocation (`DELETE /rooms/{room_name}/invites/{id}`). */
  id: string;
  roomName: string;
  /** SHA-256 (hex) of the secret: a leaked database does not leak working links. */
  secretHash: string;
  role: InviteRole;
  createdBy: string;
  createdAt: Date;
  expiresAt: Date;
  /** How many different users may be admitted with it; null: no limit. */
  maxUses: number | null;
  /** How many different users were admitted with it. */
  uses: number;
  revokedAt?: Date;
}

/**
 * Where invites live: memory, or MongoDB next to the rooms (collections `invites` and `invite_redemptions`).
 * Implementations throw DependencyUnavailableError when the database cannot answer.
 */
export interface InviteStore {
  createInvite(invite: InviteRecord): Promise<void>;
  findInviteBySecretHash(secretHash: string): Promise<InviteRecord | null>;
  /** Marks the room's invite revoked at `at`; false when the room has no invite with this id. */
  revokeInvite(roomName: string, id: string, at: Date): Promise<boolean>;
  /**
   * Admits `userId` with the invite: true when this user was admitted with it before (no new use) or a use was
   * left (now counted), false when it is used up. `maxUses` is the invite's (null: unlimited).
   */
  redeemInvite(inviteId: string, userId: string, maxUses: number | null): Promise<boolean>;
  /** Whether `userId` was admitted with this invite before. */
  redeemedBy(inviteId: string, userId: string): Promise<boolean>;
  close(): Promise<void>;
}
