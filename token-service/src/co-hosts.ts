import { errors } from './errors.js';
import { isHost, isMember, permissionsFor, type GuestPass } from './grants.js';
import type { SfuGateway } from './livekit.js';
import type { Lobby } from './lobby.js';
import type { Meetings } from './meetings.js';
import type { RoomRecord, User } from './model.js';
import { announceRoles, applyLive } from './room-roles.js';
import type { RoomStore } from './store/types.js';

/**
 * Co-hosts: hosts besides the creator (grants.ts `isHost`). Only the creator names or removes them: 404 for those who
 * may not see the room, 403 for everyone else (co-hosts included). The person must be known to the room — a member,
 * a guest admitted with an invite or from the waiting room, or in the call — (404 `participant_not_found`), and never
 * the creator (400).
 * Stored first (a rejoin keeps the role), then applied live on the SFU when they are connected (a webinar's audience
 * member made co-host publishes without rejoining), then the room hears that roles changed (room-roles.ts). The role
 * adds nothing else: once no longer co-host, an invited user is back to their invitation's role and a guest to the
 * role their invite, the waiting room or the open link gave them (a `participant` invite in a webinar: a speaker);
 * someone left with no way in of their own (their invite revoked meanwhile) is removed from the call.
 */
export class CoHosts {
  constructor(
    private readonly store: RoomStore,
    private readonly sfu: SfuGateway,
    private readonly meetings: Meetings,
    private readonly lobby?: Lobby | undefined,
  ) {}

  async set(user: User, roomName: string, identity: string, coHost: boolean): Promise<{ room: RoomRecord; live: boolean }> {
    const room = await this.meetings.asHost(user, roomName);
    if (room.createdBy !== user.id) throw errors.forbidden(`Only the creator of room "${roomName}" may manage its co-hosts`);
    if (identity === room.createdBy) throw errors.badRequest('The creator is the host already, not a co-host');
    const connected = (await this.sfu.getParticipant(roomName, identity)) !== null;
    if (!connected && !isMember(room, identity) && !(await this.isAdmittedGuest(roomName, identity))) {
      throw errors.participantNotFound(roomName, identity);
    }
    // Taking the role from someone who does not have it changes nothing (and they may hold no invitation of their own:
    // a guest keeps the role their invite or the open link gave them).
    if (!coHost && !isHost(room, identity)) return { room, live: false };
    const updated = await this.store.setCoHost(roomName, identity, coHost);
    if (!updated) throw errors.roomNotFound(roomName);
    const permissions = permissionsFor(updated, identity, coHost ? undefined : await this.ownPass(updated, identity));
    let live = false;
    if (connected && permissions) live = await applyLive(this.sfu, roomName, identity, permissions);
    else if (connected) await this.sfu.removeParticipant(roomName, identity);
    await announceRoles(this.sfu, roomName);
    return { room: updated, live };
  }

  /** A guest's own way in, without the co-host role: their invite's role, the waiting room's admission, the open link. */
  private async ownPass(room: RoomRecord, identity: string): Promise<GuestPass | undefined> {
    if (isMember(room, identity)) return undefined;
    return (await this.meetings.invites.guestRole(room.roomName, identity))
      ?? (await this.lobby?.admittedPass(room.roomName, identity))
      ?? (room.openToLink ? 'open_link' : undefined);
  }

  /** A guest admitted with an invite (still valid), or let in from the waiting room (by invite or open link). */
  private async isAdmittedGuest(roomName: string, identity: string): Promise<boolean> {
    if ((await this.meetings.invites.guestRole(roomName, identity)) !== null) return true;
    return (await this.lobby?.admittedPass(roomName, identity)) !== undefined;
  }
}
