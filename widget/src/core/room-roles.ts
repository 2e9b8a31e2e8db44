/**
 * Who is who in a call, without Lit, from the service's Room view only (never from participant attributes or
 * metadata, which participants write themselves): the creator (`created_by`) is the host, `co_hosts` are co-hosts,
 * and anyone in the call who is neither the creator nor in `participants` came by an invite link or the open link:
 * a guest. The one place that decides whether someone hosts the call (the host controls, the waiting room, the
 * element's `host` flag all ask `isRoomHost`).
 */
import type { RoomInfo } from './service-client.js';

/** The parts of the Room view that say who is who (`co_hosts` is absent from services that predate co-hosts). */
export type RoomRoles = Pick<RoomInfo, 'created_by' | 'participants'> & { readonly co_hosts?: readonly string[] | undefined };

/** The mark a participant carries in the participants panel and on their tile. */
export type RoleMark = 'host' | 'co-host' | 'guest';

/** The room's co-hosts (user ids, the creator not included). */
export function coHostsOf(info: RoomRoles): readonly string[] {
  return info.co_hosts ?? [];
}

/** `identity` hosts the call: the room's creator or one of its co-hosts. */
export function isRoomHost(info: RoomRoles, identity: string): boolean {
  return Boolean(identity) && (info.created_by === identity || coHostsOf(info).includes(identity));
}

/** `identity`'s mark: `host` (the creator), `co-host`, `guest` (not invited: an invite link or the open link), or none. */
export function roleMark(info: RoomRoles, identity: string): RoleMark | undefined {
  if (info.created_by === identity) return 'host';
  if (coHostsOf(info).includes(identity)) return 'co-host';
  return info.participants.includes(identity) ? undefined : 'guest';
}

/**
 * A host (`me`) may act on `identity` (mute, remove, stage…): co-hosts may do everything the creator does except act
 * on the creator (the service answers 403 there).
 */
export function mayActOn(info: RoomRoles, me: string, identity: string): boolean {
  return isRoomHost(info, me) && identity !== me && (info.created_by === me || identity !== info.created_by);
}
