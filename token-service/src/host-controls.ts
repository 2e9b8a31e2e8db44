import { errors } from './errors.js';
import { isHost, permissionsFor } from './grants.js';
import type { SfuGateway } from './livekit.js';
import type { Meetings } from './meetings.js';
import type { RoomRecord, User } from './model.js';
import { announceRoles, applyLive } from './room-roles.js';
import type { MediaSource, Role } from './schemas.js';
import type { RoomStore } from './store/types.js';

/** The sources a host may mute (screen-share audio goes with its screen). */
export type MutableSource = Extract<MediaSource, 'microphone' | 'camera' | 'screen_share'>;

/**
 * What the hosts (the room's creator and its co-hosts) may do to a call, through the service only: user tokens never
 * carry roomAdmin. Everyone else who may see the room gets 403; who may not see it gets what `Meetings.asHost`
 * answers (404). A co-host may not act on the creator (403).
 */
export class HostControls {
  constructor(
    private readonly store: RoomStore,
    private readonly sfu: SfuGateway,
    private readonly meetings: Meetings,
  ) {}

  /** Mutes the participant's track of that source on the SFU; 404 when the participant or the track is not there. */
  async mute(user: User, roomName: string, identity: string, source: MutableSource): Promise<void> {
    await this.hostRoom(user, roomName, identity);
    const participant = await this.sfu.getParticipant(roomName, identity);
    if (!participant) throw errors.participantNotFound(roomName, identity);
    const tracks = participant.tracks.filter((t) => t.source === source);
    if (tracks.length === 0) throw errors.trackNotFound(roomName, identity, source);
    let muted = false;
    for (const track of tracks) muted = (await this.sfu.muteTrack(roomName, identity, track.sid)) || muted;
    if (!muted) throw errors.trackNotFound(roomName, identity, source);
  }

  /** Disconnects the participant (their widget hears `PARTICIPANT_REMOVED`); 404 when not in the call. */
  async remove(user: User, roomName: string, identity: string): Promise<void> {
    await this.hostRoom(user, roomName, identity);
    if (!(await this.sfu.getParticipant(roomName, identity))) throw errors.participantNotFound(roomName, identity);
    await this.sfu.removeParticipant(roomName, identity);
  }

  /** Locks or unlocks the room (stored on the room; joins check it, see assertMayEnter). */
  async setLocked(user: User, roomName: string, locked: boolean): Promise<RoomRecord> {
    await this.hostRoom(user, roomName);
    const room = await this.store.setLocked(roomName, locked);
    if (!room) throw errors.roomNotFound(roomName);
    return room;
  }

  /**
   * Webinar stage: makes `identity` a speaker or puts them back in the audience. Stored first (a rejoin keeps the
   * role), then applied live on the SFU when they are connected (`live`); on a demote the SFU unpublishes their
   * tracks itself, on a promote their raised hand is lowered. The room then hears that roles changed (room-roles.ts).
   * 404 when the person is neither connected nor invited; 400 for a room that is not a webinar, for the creator, who
   * always speaks (403 when a co-host asks), and for a co-host, who speaks as a host.
   */
  async setStage(user: User, roomName: string, identity: string, speaker: boolean): Promise<{ role: Role; live: boolean }> {
    const room = await this.hostRoom(user, roomName, identity);
    if (room.speakers.length === 0) throw errors.badRequest(`Room "${roomName}" is not a webinar: everyone already speaks`);
    if (identity === room.createdBy) throw errors.badRequest('The host is always a speaker');
    // A co-host speaks as a host: the stage does not apply to them (remove them as co-host first).
    if (isHost(room, identity)) throw errors.badRequest(`${identity} is a co-host and always speaks: remove them as co-host first`);
    const connected = await this.sfu.getParticipant(roomName, identity);
    if (!connected && !room.participants.includes(identity)) throw errors.participantNotFound(roomName, identity);
    const updated = await this.store.setSpeaker(roomName, identity, speaker);
    if (!updated) throw errors.roomNotFound(roomName);
    const permissions = permissionsFor(updated, identity) ?? permissionsFor({ ...updated, participants: [...updated.participants, identity] }, identity)!;
    const live = connected ? await applyLive(this.sfu, roomName, identity, permissions, { lowerHand: speaker }) : false;
    await announceRoles(this.sfu, roomName);
    return { role: permissions.role, live };
  }

  /**
   * The room when `user` is one of its hosts (Meetings.asHost: 404 for those who may not see it, 403 for others);
   * with a `target`, also 403 when a co-host would act on the creator.
   */
  private async hostRoom(user: User, roomName: string, target?: string): Promise<RoomRecord> {
    const room = await this.meetings.asHost(user, roomName);
    if (target === room.createdBy && user.id !== room.createdBy) {
      throw errors.forbidden(`Only the creator of room "${roomName}" may do this to the creator`);
    }
    return room;
  }
}

/**
 * A locked room admits nobody new: only its hosts, and whoever is in the call right now (a reconnect, or the same
 * person from another tab). Tokens already handed out stay valid: locking never disconnects anyone.
 */
export async function assertMayEnter(room: RoomRecord, userId: string, sfu: SfuGateway): Promise<void> {
  if (!room.locked || isHost(room, userId)) return;
  if (await sfu.getParticipant(room.roomName, userId)) return;
  throw errors.roomLocked(room.roomName);
}
