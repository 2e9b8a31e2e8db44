/**
 * The call session: the ONLY owner of the livekit-client Room and the only module that imports
 * livekit-client, always lazily (`import('livekit-client')`), so nothing before the room view pays for it.
 * It turns Room events into one plain, immutable state object that UI code subscribes to. Its helpers receive the
 * Room and import only livekit-client's types: call-state.ts (the state and events), call-snapshot.ts (the state
 * read from the Room), local-publish.ts (capture and publish on join), screen-share.ts.
 */
import type { Room, Participant, RoomOptions, TrackPublication } from 'livekit-client';
import { CHAT_TOPIC, ChatError, type ChatMessage } from './chat.js';
import { MeetingError } from './flow-error.js';
import { Listeners } from './listeners.js';
import { toQuality } from './connection-quality.js';
import { classifyMediaError } from './media-errors.js';
import { INITIAL_CALL_STATE, type CallState, type ConnectOptions, type LiveKitModule, type SessionEvent } from './call-state.js';
import { snapshot } from './call-snapshot.js';
import { capture, initialSubscriptions, publish } from './local-publish.js';
import { mayScreenShare, screenShareError } from './screen-share.js';

export { INITIAL_CALL_STATE } from './call-state.js';
export type {
  AttachableTrack, CallState, ConnectionStateName, ConnectOptions, LiveKitModule, ParticipantView, SessionEvent, TrackRef,
} from './call-state.js';

let livekitPromise: Promise<LiveKitModule> | undefined;

/** Start downloading livekit-client (e.g. when the pointer reaches a join button). Safe to call often. */
export function preloadLiveKit(): Promise<LiveKitModule> {
  livekitPromise ??= import('livekit-client').then(({ Room, RoomEvent, Track, DisconnectReason }) => ({ Room, RoomEvent, Track, DisconnectReason }));
  livekitPromise.catch(() => { livekitPromise = undefined; });
  return livekitPromise;
}

export interface CallSessionOptions {
  /** Injected module loader (tests). */
  loadLiveKit?: () => Promise<LiveKitModule>;
  /** Give up connecting after this long (default 20 s). */
  connectTimeoutMs?: number;
  /** Longest wait, after connecting, for the videos already in the room before publishing ours (default 1.5 s). */
  subscribeWaitMs?: number;
}

export class CallSession {
  private _state: CallState = { ...INITIAL_CALL_STATE };
  private readonly listeners = new Listeners<CallState>();
  private readonly eventListeners = new Listeners<SessionEvent>();
  private _room: Room | undefined;
  private lk: LiveKitModule | undefined;
  private refreshQueued = false;
  private generation = 0;
  private clientDisconnect = false;
  /** The name each identity had when first seen in this call (renames through LiveKit are not shown). */
  private readonly names = new Map<string, string>();
  /** Who shared a screen at the last refresh (to fire started/stopped once per change). */
  private sharers = new Set<string>();

  constructor(private readonly options: CallSessionOptions = {}) {}

  get state(): CallState { return this._state; }
  /** The livekit-client Room while connected or connecting; undefined otherwise. */
  get room(): Room | undefined { return this._room; }

  subscribe(fn: (s: CallState) => void): () => void {
    fn(this._state);
    return this.listeners.add(fn);
  }

  onEvent(fn: (e: SessionEvent) => void): () => void {
    return this.eventListeners.add(fn);
  }

  private setState(patch: Partial<CallState>): void {
    this._state = { ...this._state, ...patch };
    this.listeners.emit(this._state);
  }

  private fire(e: SessionEvent): void {
    this.eventListeners.emit(e);
  }

  async connect(opts: ConnectOptions): Promise<void> {
    if (this._room) await this.disconnect();
    const gen = ++this.generation;
    this.clientDisconnect = false;
    this.sharers = new Set();
    this.names.clear();
    this.setState({
      ...INITIAL_CALL_STATE,
      connection: 'connecting',
      roomName: opts.roomName,
      callType: opts.callType,
      canPublish: opts.canPublish,
    });
    let lk: LiveKitModule;
    try {
      lk = await (this.options.loadLiveKit ?? preloadLiveKit)();
    } catch (err) {
      if (gen === this.generation) this.setState({ connection: 'disconnected', reason: 'load_failed' });
      throw err;
    }
    if (gen !== this.generation) return;
    this.lk = lk;
    const roomOptions: RoomOptions = {
      // adaptiveStream would hold each remote video until its element is measured visible (one more signalling
      // round trip before the first frame); off-page tiles are simply not rendered instead.
      adaptiveStream: false,
      dynacast: true,
      audioCaptureDefaults: opts.audioDeviceId ? { deviceId: opts.audioDeviceId } : {},
      videoCaptureDefaults: opts.videoDeviceId ? { deviceId: opts.videoDeviceId } : {},
      audioOutput: opts.audioOutputId ? { deviceId: opts.audioOutputId } : {},
    };
    const room = new lk.Room(roomOptions);
    this._room = room;
    this.listen(room, lk);
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      // Never stay "connecting" forever (livekit-client retries some failures indefinitely).
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('connect timed out')), this.options.connectTimeoutMs ?? 20_000);
      });
      await Promise.race([room.connect(opts.url, opts.token, { autoSubscribe: true }), timeout]);
    } catch (err) {
      if (gen === this.generation) {
        this._room = undefined;
        this.setState({ connection: 'disconnected', reason: 'join_failure' });
        room.disconnect().catch(() => {});
      }
      throw err;
    } finally {
      clearTimeout(timer);
    }
    if (gen !== this.generation) return;
    this.setState({ connection: 'connected', localIdentity: room.localParticipant.identity });
    this.refresh();
    const wantAudio = opts.canPublish && opts.audio;
    const wantVideo = opts.canPublish && opts.video && opts.callType === 'video';
    if (!wantAudio && !wantVideo) return;
    await initialSubscriptions(room, lk, this.options.subscribeWaitMs ?? 1500);
    if (gen !== this.generation) return;
    await publish(room, lk, await capture(room, wantAudio, wantVideo), {
      current: () => gen === this.generation,
      mediaError: (kind, err) => this.mediaError(kind, err),
      settled: () => this.refresh(),
    });
  }


  async setMicrophoneEnabled(on: boolean): Promise<boolean> {
    const room = this._room;
    if (!room || !this._state.canPublish) return false;
    try {
      await room.localParticipant.setMicrophoneEnabled(on);
      return true;
    } catch (err) {
      this.mediaError('microphone', err);
      return false;
    } finally {
      this.refresh();
    }
  }

  async setCameraEnabled(on: boolean): Promise<boolean> {
    const room = this._room;
    // Audio calls never request a camera.
    if (!room || !this._state.canPublish || (on && this._state.callType === 'audio')) return false;
    try {
      await room.localParticipant.setCameraEnabled(on);
      return true;
    } catch (err) {
      this.mediaError('camera', err);
      return false;
    } finally {
      this.refresh();
    }
  }

  /**
   * Sends a chat message as LiveKit's components do: one text stream on `lk.chat` (see chat.ts).
   * Rejects with ChatError `not_connected` or `not_allowed` (no data permission in the grant).
   */
  async sendChatMessage(text: string): Promise<ChatMessage> {
    const room = this._room;
    if (!room || this._state.connection !== 'connected') throw new ChatError('not_connected');
    const local = room.localParticipant;
    if (local.permissions && !local.permissions.canPublishData) throw new ChatError('not_allowed');
    const info = await local.sendText(text, { topic: CHAT_TOPIC });
    return { id: info.id, from: { identity: local.identity, name: local.name || local.identity }, text, timestamp: info.timestamp || Date.now(), local: true };
  }

  /**
   * Share a screen (with the tab's or system's audio when the browser offers it) or stop sharing. Rejects with a
   * MeetingError: `not_in_call`, `screen_share_not_allowed` (audio call, audience, grant without the source, or the
   * SFU refused), `screen_share_denied` (the person cancelled or the browser refused), `screen_share_unsupported`,
   * `screen_share_failed`. The browser's own "stop sharing" unpublishes the track (livekit-client), which the state
   * and the `screen-share-stopped` event follow.
   */
  async setScreenShareEnabled(on: boolean): Promise<void> {
    const room = this._room;
    if (!room || this._state.connection === 'idle' || this._state.connection === 'disconnected') throw new MeetingError('not_in_call');
    // Decided from the room itself, not the last snapshot (a page may call this right after urbania-joined).
    if (on && !mayScreenShare(room, this._state)) throw new MeetingError('screen_share_not_allowed');
    try {
      await room.localParticipant.setScreenShareEnabled(on, { audio: true, selfBrowserSurface: 'include', surfaceSwitching: 'include', systemAudio: 'include' });
    } catch (err) {
      throw screenShareError(err);
    } finally {
      this.refresh();
    }
  }

  /** Resume audio playback after a user gesture when autoplay was blocked. */
  async startAudio(): Promise<void> {
    try { await this._room?.startAudio(); } catch { /* ignore */ }
    this.refresh();
  }

  async disconnect(): Promise<void> {
    this.generation++;
    const room = this._room;
    this._room = undefined;
    this.clientDisconnect = true;
    if (room) {
      const tracks = [...room.localParticipant.trackPublications.values()].map((p) => p.track).filter(Boolean);
      try { await room.disconnect(true); } catch { /* ignore */ }
      for (const t of tracks) { try { t!.stop(); } catch { /* ignore */ } }
    }
    this.setState({ ...INITIAL_CALL_STATE, callType: this._state.callType, connection: room ? 'disconnected' : 'idle', reason: undefined });
  }

  private mediaError(kind: 'camera' | 'microphone', err: unknown): void {
    const code = classifyMediaError(err, [kind]);
    this.fire({ type: 'media-error', kind, code, message: String((err as Error)?.message ?? err) });
  }

  private listen(room: Room, lk: LiveKitModule): void {
    const E = lk.RoomEvent;
    const refresh = () => { if (this._room === room) this.refresh(); };
    for (const ev of [
      E.TrackSubscribed, E.TrackUnsubscribed, E.TrackMuted, E.TrackUnmuted, E.TrackPublished, E.TrackUnpublished,
      E.LocalTrackPublished, E.LocalTrackUnpublished, E.ActiveSpeakersChanged, E.ParticipantNameChanged,
      E.ParticipantPermissionsChanged, E.AudioPlaybackStatusChanged, E.TrackStreamStateChanged, E.ParticipantAttributesChanged,
    ]) room.on(ev, refresh);
    // The browser's own "stop sharing" ends the screen's video track, which livekit-client unpublishes: take the
    // screen's audio down with it.
    room.on(E.LocalTrackUnpublished, (pub: TrackPublication) => {
      if (this._room !== room || pub.source !== lk.Track.Source.ScreenShare) return;
      const audio = room.localParticipant.getTrackPublication(lk.Track.Source.ScreenShareAudio);
      if (audio?.track) room.localParticipant.unpublishTrack(audio.track as Parameters<typeof room.localParticipant.unpublishTrack>[0]).catch(() => {});
    });
    // A host's promote/demote changes our permissions live, without a rejoin (the SFU unpublishes what is revoked).
    room.on(E.ParticipantPermissionsChanged, (_prev: unknown, p: Participant) => {
      if (this._room === room && p === room.localParticipant && p.permissions) this.setState({ canPublish: p.permissions.canPublish });
    });
    room.on(E.ParticipantConnected, (p: Participant) => {
      if (this._room !== room) return;
      this.refresh();
      this.fire({ type: 'participant-joined', identity: p.identity, name: p.name || p.identity });
    });
    room.on(E.ParticipantDisconnected, (p: Participant) => {
      if (this._room !== room) return;
      this.refresh();
      this.fire({ type: 'participant-left', identity: p.identity, name: p.name || p.identity });
    });
    room.registerTextStreamHandler(CHAT_TOPIC, (reader, { identity }) => {
      void Promise.all([reader.readAll(), nameOf(room, E, identity)]).then(([text, name]) => {
        if (this._room !== room) return;
        const { id, timestamp } = reader.info;
        this.fire({ type: 'chat-message', message: { id, from: { identity, name }, text, timestamp: timestamp || Date.now(), local: false } });
      }, (err: unknown) => console.warn('[urbania-meeting] chat message lost', err));
    });
    room.on(E.ConnectionQualityChanged, (quality: unknown, p: Participant) => {
      if (this._room !== room) return;
      this.refresh();
      this.fire({ type: 'connection-quality', identity: p.identity, quality: toQuality(quality) });
    });
    room.on(E.Reconnecting, () => { if (this._room === room) this.setState({ connection: 'reconnecting' }); });
    room.on(E.SignalReconnecting, () => { if (this._room === room) this.setState({ connection: 'reconnecting' }); });
    room.on(E.Reconnected, () => { if (this._room === room) { this.setState({ connection: 'connected' }); this.refresh(); } });
    room.on(E.Disconnected, (reason?: number) => {
      if (this._room !== room || this.clientDisconnect) return;
      let name = reason === undefined ? 'unknown' : String((lk.DisconnectReason as unknown as Record<number, string>)[reason] ?? reason).toLowerCase();
      // livekit-client gives no reason when its reconnect attempts run out (the server went away).
      if ((name === 'unknown' || name === 'unknown_reason') && this.state.connection === 'reconnecting') name = 'connection_lost';
      this._room = undefined;
      this.generation++;
      // Stop our camera/microphone: the call is over.
      for (const p of room.localParticipant.trackPublications.values()) { try { p.track?.stop(); } catch { /* ignore */ } }
      this.setState({ connection: 'disconnected', reason: name, participants: [], speaking: [], micEnabled: false, cameraEnabled: false, screenShareEnabled: false, canScreenShare: false });
      this.sharers = new Set();
      this.fire({ type: 'disconnected', reason: name });
    });
  }

  private refresh(): void {
    if (this.refreshQueued) return;
    this.refreshQueued = true;
    queueMicrotask(() => {
      this.refreshQueued = false;
      const room = this._room;
      const lk = this.lk;
      if (!room || !lk) return;
      this.setState(snapshot(room, lk, this._state, this.names));
      this.diffSharers();
    });
  }

  private diffSharers(): void {
    const now = new Set(this._state.participants.filter((p) => p.screen).map((p) => p.identity));
    const before = this.sharers;
    this.sharers = now;
    for (const id of before) if (!now.has(id)) this.fire({ type: 'screen-share-stopped', identity: id });
    for (const id of now) if (!before.has(id)) this.fire({ type: 'screen-share-started', identity: id });
  }
}

/**
 * A participant's name; a message can arrive (data channel) before the participant does (signalling), so an unknown
 * sender is waited for a moment before falling back to the identity.
 */
function nameOf(room: Room, E: LiveKitModule['RoomEvent'], identity: string, waitMs = 3000): Promise<string> {
  const known = room.getParticipantByIdentity(identity);
  if (known) return Promise.resolve(known.name || identity);
  return new Promise((resolve) => {
    const done = (name: string) => { clearTimeout(timer); room.off(E.ParticipantConnected, onJoin); resolve(name); };
    const onJoin = (p: Participant) => { if (p.identity === identity) done(p.name || identity); };
    const timer = setTimeout(() => done(identity), waitMs);
    room.on(E.ParticipantConnected, onJoin);
  });
}

/** What the room view needs from a session (lets tests pass a fake). */
export type CallSessionLike = Pick<CallSession, 'state' | 'subscribe' | 'setMicrophoneEnabled' | 'setCameraEnabled' | 'startAudio'>;
