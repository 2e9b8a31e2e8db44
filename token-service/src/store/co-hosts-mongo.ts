/**
 * Co-hosts on MongoDB: the `coHosts` array of the room's document (absent when empty, like a room created before
 * co-hosts existed). One atomic update per call ($addToSet / $pull), then `$unset` of an emptied array. Called by
 * MongoRoomStore.setCoHost, which bounds the call and maps outages to 503.
 */
import type { Collection } from 'mongodb';
import type { RoomRecord } from '../model.js';
import { fromRoomDoc, type RoomDoc } from './mongo.js';
import { requireBoolean, requireString } from './mongo-values.js';

export async function setCoHost(rooms: Collection<RoomDoc>, roomName: string, userId: string, coHost: boolean): Promise<RoomRecord | null> {
  const _id = requireString(roomName, 'roomName');
  const id = requireString(userId, 'userId');
  if (requireBoolean(coHost, 'coHost')) {
    // Only the role: a guest made co-host stays a guest (their invite or the open link is their way back once no
    // longer co-host), and an invited user stays invited.
    const doc = await rooms.findOneAndUpdate({ _id }, { $addToSet: { coHosts: id } }, { returnDocument: 'after' });
    return doc ? fromRoomDoc(doc) : null;
  }
  const doc = await rooms.findOneAndUpdate({ _id }, { $pull: { coHosts: id } }, { returnDocument: 'after' });
  if (!doc) return null;
  if (Array.isArray(doc.coHosts) && doc.coHosts.length === 0) {
    await rooms.updateOne({ _id, coHosts: { $size: 0 } }, { $unset: { coHosts: '' } });
  }
  return fromRoomDoc(doc);
}
