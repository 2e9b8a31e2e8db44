/**
 * The MongoDB store's room queries beyond one room: a page of "my rooms", the creation times behind the per-hour
 * limit, ending a room, and the presence of many rooms in one query. Called by MongoRoomStore (store/mongo.ts),
 * which bounds each call and maps outages to 503; values reaching a filter are checked there or built here.
 * Works on FerretDB v1 ($or/$and/$in/$exists only; no $expr, no $lookup).
 */
import type { Collection, Filter } from 'mongodb';
import type { PresenceEntry, RoomRecord } from '../model.js';
import { fromRoomDoc, type PresenceDoc, type RoomDoc } from './mongo.js';
import { requireDate } from './mongo-values.js';
import type { RoomPageQuery } from './types.js';

export async function listRoomsPage(rooms: Collection<RoomDoc>, userId: string, page: RoomPageQuery): Promise<RoomRecord[]> {
  const endedBefore = requireDate(page.endedBefore, 'page.endedBefore');
  const and: Filter<RoomDoc>[] = [
    { $or: [{ createdBy: userId }, { participants: userId }] },
    { $or: [{ endedAt: { $exists: false } }, { endedAt: { $gte: endedBefore } }] },
  ];
  if (page.after) {
    const at = requireDate(page.after.createdAt, 'page.after.createdAt');
    const name = String(page.after.roomName);
    and.push({ $or: [{ createdAt: { $lt: at } }, { createdAt: at, _id: { $gt: name } }] });
  }
  const limit = Math.max(1, Math.min(1000, Math.floor(page.limit)));
  const docs = await rooms.find({ $and: and }).sort({ createdAt: -1, _id: 1 }).limit(limit).toArray();
  return docs.map(fromRoomDoc);
}

export async function roomCreationTimes(rooms: Collection<RoomDoc>, userId: string, since: Date, limit: number): Promise<Date[]> {
  const docs = await rooms
    .find({ createdBy: userId, createdAt: { $gte: requireDate(since, 'since') } }, { projection: { createdAt: 1 } })
    .sort({ createdAt: 1 })
    .limit(Math.max(1, Math.floor(limit)))
    .toArray();
  return docs.map((d) => new Date(d.createdAt));
}

/** The first end wins: the update only matches a room not ended yet; either way the stored room is returned. */
export async function endRoom(rooms: Collection<RoomDoc>, roomName: string, at: Date): Promise<RoomRecord | null> {
  await rooms.updateOne({ _id: roomName, endedAt: { $exists: false } }, { $set: { endedAt: requireDate(at, 'at') } });
  const doc = await rooms.findOne({ _id: roomName });
  return doc ? fromRoomDoc(doc) : null;
}

export async function listPresenceIn(presence: Collection<PresenceDoc>, roomNames: string[]): Promise<Map<string, PresenceEntry[]>> {
  const result = new Map<string, PresenceEntry[]>();
  if (roomNames.length === 0) return result;
  const docs = await presence
    .find({ roomName: { $in: [...new Set(roomNames)] }, present: true }, { projection: { _id: 0, roomName: 1, identity: 1, name: 1, at: 1 } })
    .sort({ at: 1, identity: 1 })
    .toArray();
  for (const d of docs) {
    const list = result.get(String(d.roomName)) ?? [];
    list.push({ identity: String(d.identity), name: String(d.name) });
    result.set(String(d.roomName), list);
  }
  return result;
}
