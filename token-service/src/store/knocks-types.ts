import type { GuestPass } from '../grants.js';

/** Someone knocking at a room with a waiting room: a guest (invite link or open link) until a host decides. */
export type KnockStatus = 'waiting' | 'admitted' | 'refused';

export interface KnockRecord {
  roomName: string;
  identity: string;
  /** The name hosts see (cleaned like every display name). */
  name: string;
  /** How they got this far: their invite's role, or the open link. */
  pass: GuestPass;
  status: KnockStatus;
  knockedAt: Date;
  decidedAt?: Date;
  decidedBy?: string;
}

/** The waiting room's state: memory, or MongoDB (`knocks`), so it survives a restart of the service there. */
export interface KnockStore {
  /** Records the knock, or returns the one already there (a waiting guest asking again does not knock twice). */
  knock(knock: KnockRecord): Promise<KnockRecord>;
  getKnock(roomName: string, identity: string): Promise<KnockRecord | null>;
  /** Admits or refuses a waiting knock (the first decision wins); null when nobody knocked. */
  decide(roomName: string, identity: string, status: 'admitted' | 'refused', by: string, at: Date): Promise<KnockRecord | null>;
  /** Who is waiting, first come first. */
  listWaiting(roomName: string): Promise<KnockRecord[]>;
  close(): Promise<void>;
}
