import type { RoomRecord } from '../model.js';

/**
 * Co-hosts stored on a room (`coHosts`, absent when empty); part of every RoomStore (contract: co-hosts-contract.ts;
 * memory in memory.ts, MongoDB in co-hosts-mongo.ts).
 */
export interface CoHostsStore {
  /**
   * Makes `userId` a co-host or takes the role away; `participants` (who is invited) does not change, so a guest
   * made co-host is still a guest once the role is gone. Idempotent. Returns the updated room, null when it does not
   * exist.
   */
  setCoHost(roomName: string, userId: string, coHost: boolean): Promise<RoomRecord | null>;
}

/** The co-hosts of `room` with `userId` added or removed, in the order they were made co-hosts. */
export function withCoHost(room: RoomRecord, userId: string, coHost: boolean): string[] {
  const current = room.coHosts ?? [];
  if (!coHost) return current.filter((id) => id !== userId);
  return current.includes(userId) ? [...current] : [...current, userId];
}
