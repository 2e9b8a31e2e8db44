import type { CallType, Presence } from './schemas.js';

export type { CallType };

/** A room as the service remembers it (store shape, camelCase; the API shape is snake_case). */
export interface RoomRecord {
  roomName: string;
  callType: CallType;
  /** Non-empty makes the room a webinar: only these users (and the creator) publish. */
  speakers: string[];
  /** Invited user ids, creator included. */
  participants: string[];
  createdBy: string;
  createdByName: string;
  /**
   * Co-hosts: hosts besides the creator (user ids, creator excluded; invited when named at creation, guests stay guests). They do what the creator does
   * except act on the creator and manage co-hosts. Absent when there are none.
   */
  coHosts?: string[];
  /** Anyone signed in who has the link may join. */
  openToLink: boolean;
  /** A webinar's audience may write in the chat (data), still without publishing media. */
  audienceChat: boolean;
  createdAt: Date;
  /** The host locked the room: no new joins, even with an invite (absent: unlocked). */
  locked?: boolean;
  /** Users who are neither the creator nor invited wait in a lobby until a host admits them. */
  waitingRoom: boolean;
  /** When a host ended the room (`POST /rooms/{room_name}/end`): joins are refused (410) from then on. */
  endedAt?: Date;
  /** The creator's `Idempotency-Key` for the create request, when one was sent (scoped to createdBy). */
  idempotencyKey?: string;
}

/** Who is in a call: the API's `Presence`. */
export type PresenceEntry = Presence;

/** The verified Urbania user behind a request. */
export interface User {
  id: string;
  name: string;
}
