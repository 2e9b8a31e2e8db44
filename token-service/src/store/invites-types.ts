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

export type InviteKey = Pick<InviteRecord, 'id' | 'roomName' | 'role' | 'maxUses'>;

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
   * left (now counted), false when it is used up (`maxUses`: null is unlimited).
   */
  redeemInvite(invite: InviteKey, userId: string): Promise<boolean>;
  /** Whether `userId` was admitted with this invite before. */
  redeemedBy(inviteId: string, userId: string): Promise<boolean>;
  /**
   * The role a guest holds in the room through the invites they were admitted with that are not revoked
   * (`participant` wins over `audience`), or null: lets a guest back in, and into the room's other endpoints,
   * without sending the secret every time.
   */
  guestRole(roomName: string, userId: string): Promise<InviteRole | null>;
  close(): Promise<void>;
}
