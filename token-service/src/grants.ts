import type { RoomRecord } from './model.js';
import type { MediaSource, Role } from './schemas.js';
import type { InviteRole } from './store/invites-types.js';

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

/** How a user who is neither the creator nor invited gets in: an invite link's role, or the room's open link. */
export type GuestPass = InviteRole | 'open_link';

/** The creator, a co-host or an invited user: they need no invite and never wait in the lobby. */
export function isMember(room: RoomRecord, userId: string): boolean {
  return room.createdBy === userId || room.participants.includes(userId) || isHost(room, userId);
}

/**
 * Who may end the room, create and revoke its invites, admit knocks, mute, remove, lock, move people on the stage,
 * lower hands and moderate questions: the creator and the co-hosts (only the creator manages co-hosts, and nobody
 * else acts on the creator: see HostControls).
 */
export function isHost(room: RoomRecord, userId: string): boolean {
  return room.createdBy === userId || (room.coHosts?.includes(userId) ?? false);
}

/** Every host of the room: the creator first, then the co-hosts. */
export function hostsOf(room: RoomRecord): string[] {
  return [room.createdBy, ...(room.coHosts ?? []).filter((id) => id !== room.createdBy)];
}

/** May this user see the room's details and get a token for it? */
export function canAccessRoom(room: RoomRecord, userId: string, pass?: GuestPass): boolean {
  return isMember(room, userId) || room.openToLink || pass !== undefined;
}

/** Whether invites of this role make sense in the room: `audience` only in a webinar. */
export function inviteRoleAllowed(room: RoomRecord, role: InviteRole): boolean {
  return role === 'participant' || room.speakers.length > 0;
}

/**
 * The permissions of `userId` in `room`, or null when the user may not join it.
 * The creator and co-hosts are `host` and publish (in a webinar too). Audio rooms publish the microphone only; a webinar's audience subscribes only, and writes in the chat (data) only
 * when the room allows it (`audienceChat`). A guest (`pass`) is a participant, or in a webinar a speaker with a
 * `participant` invite and the audience with an `audience` invite or the open link; invited users keep their role.
 */
export function permissionsFor(room: RoomRecord, userId: string, pass?: GuestPass): RoomPermissions | null {
  if (!canAccessRoom(room, userId, pass)) return null;
  const sources = room.callType === 'audio' ? AUDIO_SOURCES : VIDEO_SOURCES;
  const host = isHost(room, userId);
  const isWebinar = room.speakers.length > 0;
  const guestSpeaker = !isMember(room, userId) && pass === 'participant';
  if (isWebinar && !host && !room.speakers.includes(userId) && !guestSpeaker) {
    return { role: 'audience', canPublish: false, canSubscribe: true, canPublishData: room.audienceChat, sources: [] };
  }
  return {
    role: host ? 'host' : isWebinar ? 'speaker' : 'participant',
    canPublish: true,
    canSubscribe: true,
    canPublishData: true,
    sources: [...sources],
  };
}
