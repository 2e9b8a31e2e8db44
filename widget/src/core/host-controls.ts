/**
 * Host controls, without Lit: what the hosts (the room's creator and its co-hosts: room-roles.ts decides, from the
 * Room view, kept fresh during the call by role-refresh.ts) may do to the call — mute someone's microphone, camera or
 * screen share, remove them, move them on or off a webinar's stage, lock or unlock the room, admit or refuse a knock,
 * create and revoke invite links, end the room for everyone — and what the creator
 * alone may do: make someone co-host or remove them. Everything goes through the token service (ServiceClient); the
 * widget never holds a LiveKit admin token, and the service refuses (403) anyone else whatever this module shows.
 */
import type { InviteRole, MuteSource, RoomInfo, ServiceClient } from './service-client.js';
import { isRoomHost, type RoomRoles } from './room-roles.js';
import { MeetingError, toFlowError, type FlowError } from './flow-error.js';
import { ServiceError } from './service-client.js';
import { Listeners } from './listeners.js';

export type HostAction = 'mute' | 'remove' | 'promote' | 'demote' | 'lock' | 'unlock' | 'make-co-host' | 'remove-co-host'
  | 'admit' | 'refuse' | 'invite' | 'revoke' | 'end';

/** An invite link made in this call (`createInvite()`); `url` carries the secret, shown once by the service. */
export interface HostInvite {
  readonly id: string;
  readonly invite: string;
  readonly url: string;
  readonly role: InviteRole;
  /** ISO 8601. */
  readonly expiresAt: string;
  readonly maxUses: number | null;
}

export interface InviteOptions {
  /** `participant` (default; a speaker in a webinar) or `audience` (webinars only). */
  role?: InviteRole;
  /** Default 7 days (the service's), 60 s to 30 days. */
  expiresInSeconds?: number;
  /** How many different users it admits; unlimited without it. */
  maxUses?: number;
}

export interface HostControlsState {
  /** We host the call we are in: its creator or a co-host (controls show). */
  readonly isHost: boolean;
  /** We created the room: we also manage its co-hosts. */
  readonly creator: boolean;
  /** Our identity in the call ('' outside one). */
  readonly me: string;
  /** Who is who (creator, co-hosts, invited participants), from the latest Room view; undefined outside a call. */
  readonly roles: RoomRoles | undefined;
  readonly webinar: boolean;
  readonly locked: boolean;
  /** Actions under way, as `action:identity` (`lock:` and `unlock:` for the room); their buttons are disabled. */
  readonly pending: readonly string[];
  /** The last action that failed, until the next one or dismiss(). */
  readonly error: FlowError | undefined;
  /** The last action that succeeded (for announcements). */
  readonly done: { action: HostAction; identity: string; source?: MuteSource; name?: string } | undefined;
  /** The invite links made in this call and not revoked, oldest first. */
  readonly invites: readonly HostInvite[];
}

const IDLE: HostControlsState = { isHost: false, creator: false, me: '', roles: undefined, webinar: false, locked: false, pending: [], error: undefined, done: undefined, invites: [] };

export class HostControls {
  private _state: HostControlsState = IDLE;
  private room = '';
  private seq = 0;
  private readonly listeners = new Listeners<HostControlsState>();

  constructor(private readonly client: () => ServiceClient) {}

  get state(): HostControlsState { return this._state; }

  subscribe(fn: (s: HostControlsState) => void): () => void {
    fn(this._state);
    return this.listeners.add(fn);
  }

  /** The call started: our identity in it and the room as the join answered it. */
  attach(room: string, identity: string, info: RoomInfo): void {
    this.room = room;
    this.set({ ...IDLE, me: identity, ...fromInfo(info, identity) });
  }

  /** A fresher Room view of the call we are in (roles changed): who hosts, the lock. */
  update(info: RoomInfo): void {
    if (!this.room || info.room_name !== this.room) return;
    this.set({ ...this._state, ...fromInfo(info, this._state.me) });
  }

  /** The call ended: no controls. */
  detach(): void {
    this.room = '';
    this.set(IDLE);
  }

  dismiss(): void {
    if (this._state.error) this.set({ ...this._state, error: undefined });
  }

  /** Mute their track of that source (they may unmute themselves). */
  mute(identity: string, source: MuteSource): Promise<void> {
    return this.run('mute', identity, (c, room) => c.muteParticipant(room, identity, source), { source });
  }

  /** Disconnect them from the call (their widget says the host removed them). */
  remove(identity: string): Promise<void> {
    return this.run('remove', identity, (c, room) => c.removeParticipant(room, identity));
  }

  /** Webinar: give them the stage (they publish without rejoining). */
  promote(identity: string): Promise<void> {
    return this.run('promote', identity, (c, room) => c.setStage(room, identity, 'promote'));
  }

  /** Webinar: back to the audience (the SFU stops their publications). */
  demote(identity: string): Promise<void> {
    return this.run('demote', identity, (c, room) => c.setStage(room, identity, 'demote'));
  }

  lock(): Promise<void> {
    return this.run('lock', '', async (c, room) => this.set({ ...this._state, locked: (await c.setLocked(room, true)).locked }));
  }

  unlock(): Promise<void> {
    return this.run('unlock', '', async (c, room) => this.set({ ...this._state, locked: (await c.setLocked(room, false)).locked }));
  }

  /** The creator only: `identity` becomes co-host (hosts the call with us, without rejoining). */
  makeCoHost(identity: string): Promise<void> {
    return this.run('make-co-host', identity, async (c, room) => this.update(await c.setCoHost(room, identity, true)), { creatorOnly: true });
  }

  /** The creator only: `identity` is no longer co-host (loses the host controls at once). */
  removeCoHost(identity: string): Promise<void> {
    return this.run('remove-co-host', identity, async (c, room) => this.update(await c.setCoHost(room, identity, false)), { creatorOnly: true });
  }

  /**
   * Waiting room: let them in, or refuse them (the lobby's watcher decides through these). `name`: the name they
   * knocked with, for the announcement (they are not in the call, so the room view does not know it).
   */
  admit(identity: string, name?: string): Promise<void> {
    return this.run('admit', identity, (c, room) => c.decideKnock(room, identity, 'admit'), { name });
  }

  refuse(identity: string, name?: string): Promise<void> {
    return this.run('refuse', identity, (c, room) => c.decideKnock(room, identity, 'refuse'), { name });
  }

  /** A new invite link for this room; kept in `state.invites` until revoked or the call ends. */
  async createInvite(o: InviteOptions = {}): Promise<HostInvite> {
    let made: HostInvite | undefined;
    await this.run('invite', `#${++this.seq}`, async (c, room) => {
      const r = await c.createInvite(room, {
        role: o.role ?? 'participant',
        ...(o.expiresInSeconds !== undefined && { expires_in_seconds: o.expiresInSeconds }),
        ...(o.maxUses !== undefined && { max_uses: o.maxUses }),
      });
      made = { id: r.id, invite: r.invite, url: r.url, role: r.role, expiresAt: r.expires_at, maxUses: r.max_uses };
      this.set({ ...this._state, invites: [...this._state.invites, made] });
    });
    return made!;
  }

  /** Revoke an invite link (one made in this call or any other of the room's, by its id). */
  revokeInvite(id: string): Promise<void> {
    return this.run('revoke', id, async (c, room) => {
      await c.revokeInvite(room, id);
      this.set({ ...this._state, invites: this._state.invites.filter((i) => i.id !== id) });
    });
  }

  /** End the room for everyone: the SFU disconnects us all (`room_deleted`) and the room refuses joins from then on. */
  end(): Promise<void> {
    return this.run('end', '', (c, room) => c.endRoom(room));
  }

  isPending(action: HostAction, identity = ''): boolean {
    return this._state.pending.includes(`${action}:${identity}`);
  }

  /**
   * One action: rejects with MeetingError `not_in_call`, `host_only` (not a host) or `creator_only` (the co-hosts'
   * make/remove: not the creator) before asking anything; the service's 403 (`forbidden`: a co-host acting on the
   * creator, roles changed meanwhile) becomes that same MeetingError (its message fits: the service's `forbidden`
   * message speaks of access to the room); any other refusal is the service's ServiceError (`participant_not_found`,
   * `track_not_found`…). The error also becomes `state.error`.
   */
  private async run(
    action: HostAction,
    identity: string,
    request: (c: ServiceClient, room: string) => Promise<unknown>,
    { source, name, creatorOnly = false }: { source?: MuteSource; name?: string | undefined; creatorOnly?: boolean } = {},
  ): Promise<void> {
    const room = this.room;
    if (!room) throw new MeetingError('not_in_call');
    const refused = creatorOnly ? 'creator_only' : 'host_only';
    if (creatorOnly ? !this._state.creator : !this._state.isHost) throw new MeetingError(refused);
    const key = `${action}:${identity}`;
    if (this._state.pending.includes(key)) return;
    this.set({ ...this._state, pending: [...this._state.pending, key], error: undefined });
    try {
      await request(this.client(), room);
      if (this.room !== room) return;
      this.set({ ...this._state, done: { action, identity, ...(source && { source }), ...(name && { name }) } });
    } catch (caught) {
      const err = caught instanceof ServiceError && caught.code === 'forbidden'
        ? new MeetingError(refused, caught.message, undefined, { cause: caught })
        : caught;
      if (this.room === room) this.set({ ...this._state, error: toFlowError(err) });
      throw err;
    } finally {
      if (this.room === room) this.set({ ...this._state, pending: this._state.pending.filter((k) => k !== key) });
    }
  }

  private set(next: HostControlsState): void {
    this._state = next;
    this.listeners.emit(next);
  }
}

/** What a Room view says for us: whether we host, whether we created it, who is who, the room's settings. */
function fromInfo(info: RoomInfo, me: string): Pick<HostControlsState, 'isHost' | 'creator' | 'roles' | 'webinar' | 'locked'> {
  const roles: RoomRoles = info;
  return { isHost: isRoomHost(roles, me), creator: Boolean(me) && info.created_by === me, roles, webinar: info.webinar, locked: info.locked };
}
