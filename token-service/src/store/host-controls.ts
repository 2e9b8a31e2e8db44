import type { RoomRecord } from '../model.js';

/** What the host controls (host-controls.ts) store on a room; part of every RoomStore (contract: host-controls.contract.ts). */
export interface HostControlsStore {
  /** Locks (no new joins) or unlocks the room; returns the updated room, null when it does not exist. */
  setLocked(roomName: string, locked: boolean): Promise<RoomRecord | null>;
  /**
   * Makes `userId` a webinar speaker (also invited, so a rejoin keeps the role) or takes the role away (they stay
   * invited, in the audience). Returns the updated room, null when it does not exist.
   */
  setSpeaker(roomName: string, userId: string, speaker: boolean): Promise<RoomRecord | null>;
}
