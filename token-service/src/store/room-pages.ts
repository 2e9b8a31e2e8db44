import type { RoomRecord } from '../model.js';
import type { RoomPageQuery } from './types.js';

/** The order of room lists: newest first, then by name (so that a cursor is a total order). */
export function compareRoomsNewestFirst(a: RoomRecord, b: RoomRecord): number {
  return b.createdAt.getTime() - a.createdAt.getTime() || (a.roomName < b.roomName ? -1 : a.roomName > b.roomName ? 1 : 0);
}

/** Whether `room` comes strictly after the cursor in that order. */
export function isAfter(room: RoomRecord, after: RoomPageQuery['after']): boolean {
  if (!after) return true;
  const t = room.createdAt.getTime();
  const c = after.createdAt.getTime();
  return t < c || (t === c && room.roomName > after.roomName);
}

/** Still listed: not ended, or ended within the retention period. */
export function isListed(room: RoomRecord, page: Pick<RoomPageQuery, 'endedBefore'>): boolean {
  return !room.endedAt || room.endedAt >= page.endedBefore;
}
