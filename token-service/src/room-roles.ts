import { HAND_ATTRIBUTE } from './hands.js';
import type { RoomPermissions } from './grants.js';
import type { SfuGateway } from './livekit.js';

/**
 * Telling a call that roles changed. After a host change (co-hosts) or a stage change (promote/demote) the service
 * applies the participant's new permissions on the SFU (when they are connected) and sends a server data packet on
 * this topic to the whole room; widgets refetch `GET /rooms/{room_name}` on it, only for packets without a sending
 * participant (the server's), and recompute who is host: `created_by === me || co_hosts.includes(me)`.
 */
export const ROOM_TOPIC = 'urbania.room';

/** The packet's payload. */
export const ROLES_CHANGED = JSON.stringify({ type: 'roles' });

/**
 * Broadcasts ROLES_CHANGED to everyone in the room (an empty destination list: LiveKit's SendData sends to all).
 * Best effort: the change is stored already, and a room nobody is in has no one to tell. False when not sent.
 */
export async function announceRoles(sfu: SfuGateway, roomName: string): Promise<boolean> {
  if (!sfu.sendData) return false;
  try {
    await sfu.sendData(roomName, ROOM_TOPIC, ROLES_CHANGED, []);
    return true;
  } catch {
    return false;
  }
}

/**
 * Applies `permissions` live to `identity` when connected (UpdateParticipant: livekit-client fires
 * ParticipantPermissionsChanged; the SFU unpublishes sources no longer allowed). `lowerHand`: also clear their raised
 * hand (a promoted audience member has been answered). False when they are not in the call.
 */
export async function applyLive(
  sfu: SfuGateway,
  roomName: string,
  identity: string,
  permissions: RoomPermissions,
  opts: { lowerHand?: boolean } = {},
): Promise<boolean> {
  const live = await sfu.updatePermissions(roomName, identity, permissions);
  if (live && opts.lowerHand) await sfu.setParticipantAttributes(roomName, identity, { [HAND_ATTRIBUTE]: '' });
  return live;
}
