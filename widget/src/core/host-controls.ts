/**
 * Host controls, without Lit: what the host (the room's creator, `role: "host"` in the join answer) may do to the
 * call — mute someone's microphone, camera or screen share, remove them, move them on or off a webinar's stage,
 * lock or unlock the room. Everything goes through the token service (ServiceClient); the widget never holds a
 * LiveKit admin token, and the service refuses (403) anyone else whatever this module shows.
 */
import type { MuteSource, Role, RoomInfo, ServiceClient } from './service-client.js';
import { MeetingError, toFlowError, type FlowError } from './flow-error.js';
import { Listeners } from './listeners.js';

export type HostAction = 'mute' | 'remove' | 'promote' | 'demote' | 'lock' | 'unlock';

export interface HostControlsState {
  /** We are the host of the call we are in (controls show). */
  readonly isHost: boolean;
  readonly webinar: boolean;
  readonly locked: boolean;
  /** Actions under way, as `action:identity` (`lock:` and `unlock:` for the room); their buttons are disabled. */
  readonly pending: readonly string[];
  /** The last action that failed, until the next one or dismiss(). */
  readonly error: FlowError | undefined;
  /** The last action that succeeded (for announcements). */
  readonly done: { action: HostAction; identity: string; source?: MuteSource } | undefined;
}

const IDLE: HostControlsState = { isHost: false, webinar: false, locked: false, pending: [], error: undefined, done: undefined };

export class HostControls {
  private _state: HostControlsState = IDLE;
  private room = '';
  private readonly listeners = new Listeners<HostControlsState>();

  constructor(private readonly client: () => ServiceClient) {}

  get state(): HostControlsState { return this._state; }

  subscribe(fn: (s: HostControlsState) => void): () => void {
    fn(this._state);
    return this.listeners.add(fn);
  }

  /** The call started: our role and the room as the join answered it. */
  attach(room: string, role: Role, info: RoomInfo): void {
    this.room = room;
    this.set({ ...IDLE, isHost: role === 'host', webinar: info.webinar, locked: info.locked });
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
    return this.run('mute', identity, (c, room) => c.muteParticipant(room, identity, source), source);
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

  isPending(action: HostAction, identity = ''): boolean {
    return this._state.pending.includes(`${action}:${identity}`);
  }

  /**
   * One action: rejects with MeetingError `not_in_call` / `not_host` before asking anything, or with the service's
   * ServiceError (`forbidden`, `participant_not_found`, `track_not_found`…), which also becomes `state.error`.
   */
  private async run(action: HostAction, identity: string, request: (c: ServiceClient, room: string) => Promise<unknown>, source?: MuteSource): Promise<void> {
    const room = this.room;
    if (!room) throw new MeetingError('not_in_call');
    if (!this._state.isHost) throw new MeetingError('not_host');
    const key = `${action}:${identity}`;
    if (this._state.pending.includes(key)) return;
    this.set({ ...this._state, pending: [...this._state.pending, key], error: undefined });
    try {
      await request(this.client(), room);
      if (this.room !== room) return;
      this.set({ ...this._state, done: { action, identity, ...(source && { source }) } });
    } catch (err) {
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
