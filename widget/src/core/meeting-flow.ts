/**
 * The meeting flow, without Lit: one explicit phase at a time (meeting-phase.ts: the phases, their legal transitions,
 * the state and events), owning the ServiceClient and the CallSession.
 *
 * `<urbania-meeting>` configures it from its attributes, calls its methods from the views, renders `state` and
 * re-emits `on()` events as `urbania-*` events. Every call ends through `end(reason)`: `leave()`, the element being
 * removed, the server removing us, the connection giving up. Every failure becomes one `FlowError` (flow-error.ts).
 * Features of the call itself (the session, screen share, chat, devices…) live in `call` (in-call.ts), a lazy chunk
 * loaded when a join starts or is hinted (`warm()`), beside livekit-client: the pre-join pays for none of it. How the
 * call reports back is in-call-wiring.ts (in that chunk); join-call.ts has the join sequence's stateless pieces.
 */
import { joinThroughLobby } from './lobby.js';
import { ServiceClient, type CreateRoomRequest, type Role, type RoomInfo } from './service-client.js';
import { HostControls } from './host-controls.js';
import { connectedElsewhere } from './other-tab.js';
import { ROOM_NAME_PATTERN } from './api.generated.js';
import type { CallSession, ConnectionStateName } from './call-session.js';
import { loadUserChoices, saveUserChoices, type UserChoices } from './user-choices.js';
import { QaBoard } from './qa.js';
import { Listeners } from './listeners.js';
import type { CallDevicesOptions, DeviceKind } from './devices.js';
import type { InCall } from './in-call.js';
import { MeetingError, flowError, toFlowError, type FlowError } from './flow-error.js';
import { canTransition, connectionStateOf, IllegalTransitionError, type CallInfo, type FlowEvent, type FlowState, type MeetingEntry, type MeetingPhase } from './meeting-phase.js';
import { connectOptions, connectionFailed, preloadLiveKitClient } from './join-call.js';

export {
  canTransition, connectionStateOf, IllegalTransitionError,
  type CallInfo, type FlowEvent, type FlowState, type MeetingEntry, type MeetingPhase, type PhaseName,
} from './meeting-phase.js';

/** Reasons for which we end the call ourselves (anything else comes from the SFU). */
const LOCAL_END_REASONS = new Set(['client_initiated', 'element_removed']);

export interface FlowConfig {
  serviceUrl: string;
  authToken?: string | undefined;
  getAuthToken?: (() => string | Promise<string>) | undefined;
  entry: MeetingEntry;
  room: string;
  /** The invite link's secret (`invite` attribute), sent with the room's information and the join. */
  invite?: string | undefined;
}

/** The in-call chunk (core/in-call.ts). */
export type InCallModule = typeof import('./in-call.js');

export interface MeetingFlowOptions {
  /** The call session (tests inject one with a fake livekit module). */
  session?: CallSession;
  /** Start fetching the call engine (default: livekit-client's module). */
  preload?: () => Promise<unknown>;
  /** Load the in-call chunk (default: `import('./in-call.js')`; tests make it fail). */
  loadInCall?: () => Promise<InCallModule>;
  /** Injected fetch for the ServiceClient (tests). */
  fetch?: typeof fetch;
  /** Device enumeration and storage for CallDevices (tests). */
  devices?: CallDevicesOptions;
  /** How often a guest in the waiting room asks again (default 2000 ms; core/lobby.ts). */
  lobbyPollMs?: number;
}

export class MeetingFlow {
  /** A webinar's audience questions (attached while in the call). */
  readonly qa = new QaBoard();
  /** The host's controls over the call (host-controls.ts); inert for everyone else. */
  readonly host = new HostControls(() => this.client);
  private _call: InCall | undefined;
  private loadingCall: Promise<InCall> | undefined;
  private _phase: MeetingPhase = { phase: 'idle' };
  private _notice: FlowError | undefined;
  private _state: FlowState = { phase: 'idle', notice: undefined };
  private config: FlowConfig = { serviceUrl: '', entry: 'pre-join', room: '' };
  private _client: ServiceClient | undefined;
  private choices: Partial<UserChoices> | undefined;
  /** Bumped by every new step and by end(): a step that finds it changed was superseded and does nothing more. */
  private attempt = 0;
  private joining: Promise<void> | undefined;
  /** Why our last call ended (undefined before the first one). */
  private lastEnd: string | undefined;
  private pendingCall: Omit<CallInfo, 'identity'> | undefined;
  private loadedFor = '';
  /** Stops refreshing the Room view of the call (role-refresh.ts). */
  private stopRoles: (() => void) | undefined;
  private readonly listeners = new Listeners<FlowState>();
  private readonly eventListeners = new Listeners<FlowEvent>();

  constructor(private readonly options: MeetingFlowOptions = {}) {}

  /**
   * The in-call machinery (session, chat, devices, stats, stage), once its chunk has loaded: from the first join (or
   * hint) on, kept for the next calls. Undefined before: nothing of a call can happen then.
   */
  get call(): InCall | undefined { return this._call; }

  /** Load the in-call chunk (once; a failed load is retried by the next call). Resolves with `call`. */
  loadCall(): Promise<InCall> {
    this.loadingCall ??= (this.options.loadInCall ?? (() => import('./in-call.js')))().then((m) => {
      this._call ??= this.createCall(m);
      return this._call;
    });
    this.loadingCall.catch(() => { this.loadingCall = undefined; });
    return this.loadingCall;
  }

  private createCall({ InCall, wireFlow }: InCallModule): InCall {
    const call = new InCall({ session: this.options.session, devices: this.options.devices });
    wireFlow(call, {
      connection: (connection) => this.onSessionState(connection),
      end: (reason) => { void this.end(reason); },
      report: (error) => this.report(error),
      fire: (e) => this.fire(e),
      chose: (patch) => { if (this.choices) this.choices = { ...this.choices, ...patch }; },
      // What this page sends is also kept by the service for late joiners (fire-and-forget).
      sentChat: (message) => {
        const p = this._phase;
        if (p.phase === 'in-call' || p.phase === 'reconnecting') void call.keepChatMessage(this.client, p.room, message);
      },
    });
    return call;
  }

  /** The in-call object when the phase is in-call or reconnecting; rejects `not_in_call` otherwise. */
  private inCallNow(): InCall {
    const p = this._phase.phase;
    if ((p !== 'in-call' && p !== 'reconnecting') || !this._call) throw new MeetingError('not_in_call');
    return this._call;
  }

  get state(): FlowState { return this._state; }
  get phase(): MeetingPhase { return this._phase; }
  get connectionState(): ConnectionStateName { return connectionStateOf(this._phase); }

  /** The ServiceClient for the current service URL and credentials. */
  get client(): ServiceClient {
    const { serviceUrl, authToken, getAuthToken } = this.config;
    this._client ??= new ServiceClient({ baseUrl: serviceUrl, authToken, getAuthToken, ...(this.options.fetch ? { fetch: this.options.fetch } : {}) });
    return this._client;
  }

  /** Called with the current state now and after every change. */
  subscribe(fn: (s: FlowState) => void): () => void {
    fn(this._state);
    return this.listeners.add(fn);
  }

  /** Typed stream of what happened (the element re-emits them as `urbania-*`). */
  on(fn: (e: FlowEvent) => void): () => void {
    return this.eventListeners.add(fn);
  }

  /**
   * New attributes from the element. Starts what the entry implies once the room, the service and credentials are
   * known: `room` joins, `invite` loads the room's information. A different entry while not in a call starts over.
   */
  configure(patch: Partial<FlowConfig>): void {
    const prev = this.config;
    const next = { ...prev, ...patch };
    this.config = next;
    if (next.serviceUrl !== prev.serviceUrl || next.authToken !== prev.authToken || next.getAuthToken !== prev.getAuthToken) this._client = undefined;
    if (next.room !== prev.room || next.invite !== prev.invite) this.loadedFor = '';
    if (next.entry !== prev.entry && !this.inCall) {
      this.attempt++;
      this.loadedFor = '';
      if (this._phase.phase !== 'idle') this.to({ phase: 'idle' });
      this.setNotice(undefined);
    }
    this.autoStart();
  }

  private get inCall(): boolean {
    const p = this._phase.phase;
    return p === 'joining' || p === 'in-call' || p === 'reconnecting';
  }

  private autoStart(): void {
    const c = this.config;
    if (!c.room || !c.serviceUrl || !(c.authToken || c.getAuthToken)) return;
    const p = this._phase;
    if (c.entry === 'room' && p.phase === 'idle') {
      void this.join();
    } else if (c.entry === 'invite' && this.loadedFor !== c.room
      && (p.phase === 'idle' || p.phase === 'ready' || p.phase === 'loading-room' || (p.phase === 'failed' && p.during === 'loading-room'))) {
      void this.loadRoom();
    }
  }

  /** Start fetching the call engine and the in-call chunk (the next step is joining). */
  warm(): void {
    void (this.options.preload ?? preloadLiveKitClient)().catch(() => {});
    void this.loadCall().catch(() => {});
  }

  /** Invite: fetch the room's information (ready → "Rejoindre maintenant"). */
  async loadRoom(): Promise<void> {
    if (this.inCall) return;
    const room = this.config.room;
    this.loadedFor = room;
    const attempt = ++this.attempt;
    this.to({ phase: 'loading-room', room, creating: false });
    this.warm();
    try {
      const info = await this.client.getRoom(room, { invite: this.config.invite });
      if (attempt !== this.attempt) return;
      // An ended room cannot be joined: say so now rather than after "Rejoindre maintenant".
      if (info.ended_at) this.fail('loading-room', room, flowError('room_ended'));
      else this.to({ phase: 'ready', room, info });
    } catch (err) {
      if (attempt === this.attempt) this.fail('loading-room', room, toFlowError(err));
    }
  }

  /** Pre-join: create the room with the service, then join it with these choices (remembered for next time). */
  async createAndJoin(body: CreateRoomRequest, choices?: Partial<UserChoices>): Promise<void> {
    const p = this._phase;
    if (this.inCall || (p.phase === 'loading-room' && p.creating)) return;
    this.setNotice(undefined);
    // Without a name the service picks an unguessable one (abc-defg-hij).
    const wanted = body.room_name ?? '';
    if (body.room_name !== undefined && !ROOM_NAME_PATTERN.test(body.room_name)) {
      this.fail('loading-room', wanted, flowError('room_name_invalid'));
      return;
    }
    if (choices) {
      this.choices = choices;
      saveUserChoices(choices);
    }
    const attempt = ++this.attempt;
    this.to({ phase: 'loading-room', room: wanted, creating: true });
    this.warm();
    let info: RoomInfo;
    try {
      info = await this.client.createRoom(body);
    } catch (err) {
      if (attempt === this.attempt) this.fail('loading-room', wanted, toFlowError(err));
      return;
    }
    if (attempt !== this.attempt) return;
    this.config = { ...this.config, room: info.room_name };
    this.loadedFor = info.room_name;
    this.to({ phase: 'ready', room: info.room_name, info });
    this.fire({ type: 'room-created', room: info });
    await this.join();
  }

  /** Join the configured room (uses the pre-join choices when there were some, the remembered ones otherwise). */
  /**
   * `takeOver`: we are in this call in another tab or device and move it here (LiveKit drops the other session); without
   * it a join that finds us already connected fails with `already_in_call` (the element offers "continue here").
   */
  join(options: { takeOver?: boolean } = {}): Promise<void> {
    const p = this._phase.phase;
    if (p === 'in-call' || p === 'reconnecting') return Promise.resolve();
    // One join at a time; a join that end() superseded no longer counts.
    if (this.joining && p === 'joining') return this.joining;
    const run: Promise<void> = this.runJoin(options.takeOver === true).finally(() => { if (this.joining === run) this.joining = undefined; });
    this.joining = run;
    return run;
  }

  private async runJoin(takeOver: boolean): Promise<void> {
    // A rejoin of this element's own call (after leaving or a removal) is no second tab, unless another tab took it.
    const checkOtherTab = !takeOver && (this.lastEnd === undefined || this.lastEnd === 'duplicate_identity');
    const room = this.config.room;
    this.setNotice(undefined);
    if (!room) {
      this.fail('loading-room', room, flowError('room_not_found'));
      return;
    }
    const attempt = ++this.attempt;
    this._call?.chat.clear();
    // Joining leads to the room view whatever the entry was (the element reflects it as view="room").
    this.config = { ...this.config, entry: 'room' };
    this.to({ phase: 'joining', room });
    // livekit-client and the in-call chunk download in parallel with the service's answer.
    const warm = (this.options.preload ?? preloadLiveKitClient)().catch(() => undefined);
    const loading = this.loadCall().catch((err: unknown) => { throw connectionFailed(err); });
    loading.catch(() => {});
    try {
      const choices = { ...loadUserChoices(), ...this.choices };
      const res = await joinThroughLobby(
        () => this.client.join(room, { username: choices.displayName || undefined, invite: this.config.invite }),
        () => attempt !== this.attempt,
        () => { if (this._phase.phase === 'joining' && !this._phase.waiting) this.to({ phase: 'joining', room, waiting: true }); },
        this.options.lobbyPollMs,
      );
      if (!res || attempt !== this.attempt) return;
      if (checkOtherTab && connectedElsewhere(res)) {
        this.fail('joining', room, flowError('already_in_call'));
        return;
      }
      await warm;
      const call = await loading;
      if (attempt !== this.attempt) return;
      call.chat.clear();
      this.pendingCall = { room, info: res.room, canPublish: res.permissions.can_publish, role: res.permissions.role };
      // The session's state moves the phase to in-call as soon as the SFU connection is up (see onSessionState).
      await call.session.connect(connectOptions(res, room, choices)).catch((err: unknown) => { throw connectionFailed(err); });
    } catch (err) {
      if (attempt !== this.attempt) return;
      this.pendingCall = undefined;
      this.fail('joining', room, toFlowError(err));
    }
  }

  /** Leave the call (or give up joining); the phase becomes `left`. */
  leave(): Promise<void> {
    return this.end('client_initiated');
  }

  /**
   * The one end of a call. `client_initiated` (leave) and `element_removed` stop the session and tell the service;
   * any other reason is the SFU's (the session is already down). Fires `left` when a call was under way.
   */
  async end(reason: string): Promise<void> {
    this.lastEnd = reason;
    const p = this._phase;
    const local = LOCAL_END_REASONS.has(reason);
    const session = this._call?.session;
    const hadCall = !local || p.phase === 'in-call' || p.phase === 'reconnecting' || Boolean(session?.room);
    const room = 'room' in p && p.room ? p.room : this.config.room;
    this.attempt++;
    this.pendingCall = undefined;
    this.stopRoles?.();
    this.stopRoles = undefined;
    this.host.detach();
    this.qa.dispose();
    const stopped = local && session ? session.disconnect().catch(() => {}) : Promise.resolve();
    if (!local && p.phase === 'joining') {
      // The SFU dropped us while connecting: the join failed (the pending connect() is superseded).
      this.fire({ type: 'left', room, reason });
      this.fail('joining', room, flowError('connection_failed', reason));
    } else if (hadCall) {
      this.to({ phase: 'left', room, reason, byServer: !local });
      if (local && room) this.client.leave(room).catch(() => {});
      this.fire({ type: 'left', room, reason });
    } else if (reason === 'client_initiated') {
      if (p.phase !== 'left') this.to({ phase: 'left', room, reason, byServer: false });
    } else if (p.phase === 'joining' || p.phase === 'loading-room') {
      // Removed before the call started: nothing to show; a later re-insertion starts over.
      this.loadedFor = '';
      this.to({ phase: 'idle' });
    }
    await stopped;
  }

  /** Share a screen (in a video call). Rejects with a MeetingError (see CallSession.setScreenShareEnabled). */
  startScreenShare(): Promise<void> {
    return this.screenShare(true);
  }

  /** Stop sharing (resolves when there was nothing to stop). */
  stopScreenShare(): Promise<void> {
    return this.screenShare(false);
  }

  private async screenShare(on: boolean): Promise<void> {
    const call = this.inCallNow();
    try {
      await call.screenShare(on);
    } catch (err) {
      const error = toFlowError(err);
      // The browser or the person refused: say so. A call that may not share is the caller's mistake (rejected only).
      if (error.code !== 'screen_share_not_allowed' && error.code !== 'not_in_call') this.report(error);
      throw err;
    }
  }

  /**
   * Use another microphone, camera or speaker in the call (remembered for the next join). Rejects with a
   * MeetingError (see CallDevices.setDevice); a device the browser could not open is also shown.
   */
  async setDevice(kind: DeviceKind, deviceId: string): Promise<void> {
    const call = this.inCallNow();
    try {
      await call.setDevice(kind, deviceId);
    } catch (err) {
      const error = toFlowError(err);
      if (error.code === 'device_switch_failed') this.report(error);
      throw err;
    }
  }

  /** Raise our hand. Rejects with a MeetingError: `not_in_call`, `hand_not_allowed`, `hand_failed` (see hands.ts). */
  raiseHand(): Promise<void> {
    return this.hand((call) => call.setOwnHand(true));
  }

  /**
   * Lower our hand; with someone else's `identity`, lower theirs through the service (the host only: `host_only`
   * otherwise). Rejects with a MeetingError or a ServiceError.
   */
  lowerHand(identity?: string): Promise<void> {
    const p = this._phase;
    if (identity && (p.phase === 'in-call' || p.phase === 'reconnecting') && identity !== p.identity) {
      return this.hand((call) => call.lowerHandOf(this.client, p.room, identity));
    }
    return this.hand((call) => call.setOwnHand(false));
  }

  private async hand(run: (call: InCall) => Promise<void>): Promise<void> {
    const call = this.inCallNow();
    try {
      await run(call);
    } catch (err) {
      const error = toFlowError(err);
      // What the page may not do is only rejected; a failure is also shown.
      if (error.code !== 'not_in_call' && error.code !== 'host_only' && error.code !== 'hand_not_allowed') this.report(error);
      throw err;
    }
  }

  /** Report a problem that does not change the phase (a device in pre-join, a view that failed to load). */
  report(error: FlowError, options: { show?: boolean } = {}): void {
    if (options.show !== false) this.setNotice(error);
    this.fire({ type: 'error', error });
  }

  /** The person closed the message. */
  dismissNotice(): void {
    this.setNotice(undefined);
  }

  private fail(during: 'loading-room' | 'joining', room: string, error: FlowError): void {
    this.to({ phase: 'failed', room, error, during }, error);
    this.fire({ type: 'error', error });
  }

  private onSessionState(connection: ConnectionStateName): void {
    const p = this._phase;
    if (connection === 'connected' && p.phase === 'joining' && this.pendingCall) {
      const call: CallInfo = { ...this.pendingCall, identity: this._call?.session.state.localIdentity ?? '' };
      this.pendingCall = undefined;
      this.host.attach(call.room, call.identity, call.info);
      this.to({ phase: 'in-call', ...call });
      this.stopRoles = this._call?.watchRoles(() => this.client.getRoom(call.room), (info) => this.refreshInfo(call.room, info));
      this.fire({ type: 'joined', room: call.room, identity: call.identity, canPublish: call.canPublish });
      if (call.info.webinar) this.qa.attach(this.client, call.room);
      const attempt = this.attempt;
      const chat = this._call?.chat;
      if (chat) {
        void this._call!.loadChatHistory(this.client, call.room, call.identity).then((earlier) => {
          if (attempt === this.attempt) chat.addEarlier(earlier);
        });
      }
    } else if (connection === 'connected' && p.phase === 'reconnecting') {
      this.to({ ...p, phase: 'in-call' });
    } else if (connection === 'reconnecting' && p.phase === 'in-call') {
      this.to({ ...p, phase: 'reconnecting' });
    }
  }

  /** A fresher Room view of the call we are in (roles changed): in the phase and the host controls. */
  private refreshInfo(room: string, info: RoomInfo): void {
    const p = this._phase;
    if ((p.phase !== 'in-call' && p.phase !== 'reconnecting') || p.room !== room) return;
    this._phase = { ...p, info };
    this.host.update(info);
    this.publish();
  }

  private to(next: MeetingPhase, notice: FlowError | undefined = this._notice): void {
    if (!canTransition(this._phase.phase, next.phase)) throw new IllegalTransitionError(this._phase.phase, next.phase);
    this._phase = next;
    this._notice = notice;
    this.publish();
  }

  private setNotice(notice: FlowError | undefined): void {
    if (notice === this._notice) return;
    this._notice = notice;
    this.publish();
  }

  private publish(): void {
    this._state = { ...this._phase, notice: this._notice };
    this.listeners.emit(this._state);
  }

  private fire(e: FlowEvent): void {
    this.eventListeners.emit(e);
  }
}
