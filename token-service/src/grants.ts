import type { RoomRecord } from './model.js';
import type { MediaSource, Role } from './schemas.js';

export type { MediaSource };

/** What a user may do in a room: the one place where permissions are decided. */
export interface RoomPermissions {
  role: Role;
  canPublish: boolean;
  canSubscribe: boolean;
  canPublishData: boolean;
  sources: MediaSource[];
}

const VIDEO_SOURCES: MediaSource[] = ['camera', 'microphone', 'screen_share', 'screen_share_audio'];
const AUDIO_SOURCES: MediaSource[] = ['microphone'];

/** May this user see the room's details and get a token for it? */
export function canAccessRoom(room: RoomRecord, userId: string): boolean {
  return room.createdBy === userId || room.participants.includes(userId) || room.openToLink;
}

/**
 * The permissions of `userId` in `room`, or null when the user may not join it.
 * Audio rooms publish the microphone only; a webinar's audience subscribes only, and writes in the chat (data) only
 * when the room allows it (`audienceChat`).
 */
export function permissionsFor(room: RoomRecord, userId: string): RoomPermissions | null {
  if (!canAccessRoom(room, userId)) return null;
  const sources = room.callType === 'audio' ? AUDIO_SOURCES : VIDEO_SOURCES;
  const isHost = room.createdBy === userId;
  const isWebinar = room.speakers.length > 0;
  if (isWebinar && !isHost && !room.speakers.includes(userId)) {
    return { role: 'audience', canPublish: false, canSubscribe: true, canPublishData: room.audienceChat, sources: [] };
  }
  return {
    role: isHost ? 'host' : isWebinar ? 'speaker' : 'participant',
    canPublish: true,
    canSubscribe: true,
    canPublishData: true,
    sources: [...sources],
  };
}
