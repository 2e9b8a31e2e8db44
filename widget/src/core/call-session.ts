/**
 * The call session: the ONLY owner of the livekit-client Room and the only module that imports
 * livekit-client, always lazily (`import('livekit-client')`), so nothing before the room view pays for it.
 * It turns Room events into one plain, immutable state object that UI code subscribes to.
 */
import type { LocalTrack, Room, Participant, RoomOptions, TrackPublication } from 'livekit-client';
import type { CallType } from './service-client.js';
import { classifyMediaError, type MediaErrorCode } from './media-errors.js';
import { CHAT_TOPIC, ChatError, type ChatMessage } from './chat.js';
import { MeetingError } from './flow-error.js';
import { handRaisedAt } from './hands.js';
import { Listeners } from './listeners.js';
import { toQuality, type ConnectionQualityName } from './connection-quality.js';

/** The parts of livekit-client the session uses (destructured so bundlers can tree-shake the rest). */
export type LiveKitModule = Pick<typeof import('livekit-client'), 'Room' | 'RoomEvent' | 'Track' | 'DisconnectReason'>;
export type ConnectionStateName = 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'disconnected';

/** The part of a livekit Track the UI needs: attach to / detach from a media element. */
export interface AttachableTrack {
  attach(element: HTMLMediaElement): HTMLMediaElement;
  detach(element: HTMLMediaElement): HTMLMediaElement;
}

export interface TrackRef {
  sid: string;
  track: AttachableTrack;
}

export interface ParticipantView {
  identity: string;
  name: string;
  isLocal: boolean;
  isSpeaking: boolean;
  /** A microphone track is published (muted or not). */
  hasMic: boolean;
  micMuted: boolean;
  cameraOn: boolean;
  video?: TrackRef | undefined;
  /** Remote audio tracks to play (never the local one). */
  audio: TrackRef[];
  canPublish: boolean;
  /** The shared screen (video calls), when this participant shares one. */
  screen?: TrackRef | undefined;
  /** The SFU's rating of this participant's connection. */
  quality?: ConnectionQualityName | undefined;
  /** When this participant raised a hand (ms since the epoch; hands.ts), undefined when it is down. */
  handRaisedAt?: number | undefined;
}

export interface CallState {
  connection: ConnectionStateName;
  /** Why the session is disconnected (livekit DisconnectReason name, lower case) when not client initiated. */
  reason?: string | undefined;
  roomName?: string | undefined;
  callType: CallType;
  canPublish: boolean;
  micEnabled: boolean;
  cameraEnabled: boolean;
  /** Whether the browser can play audio without a gesture. */
  canPlayAudio: boolean;
  localIdentity?: string | undefined;
  participants: ParticipantView[];
  speaking: string[];
  /** The grant lets us send data, hence chat (a webinar's audience may not). */
  canChat: boolean;
  /** We share our screen. */
  screenShareEnabled: boolean;
  /** We may share a screen: a video call, a publisher, and the grant lists the screen-share source. */
  canScreenShare: boolean;
}

export type SessionEvent =
  | { type: 'participant-joined'; identity: string; name: string }
  | { type: 'participant-left'; identity: string; name: string }
  | { type: 'disconnected'; reason: string }
  | { type: 'media-error'; kind: 'camera' | 'microphone'; code: MediaErrorCode; message: string }
  | { type: 'chat-message'; message: ChatMessage }
  /** Someone (us included) started or stopped sharing a screen (however it stopped: us, the browser's own button…). */
  | { type: 'screen-share-started' | 'screen-share-stopped'; identity: string }
  | { type: 'connection-quality'; identity: string; quality: ConnectionQualityName };

export interface ConnectOptions {
  url: string;
  token: string;
  roomName: string;
  callType: CallType;
  canPublish: boolean;
  audio: boolean;
  video: boolean;
  audioDeviceId?: string | undefined;
  videoDeviceId?: string | undefined;
  audioOutputId?: string | undefined;
}

export const INITIAL_CALL_STATE: Readonly<CallState> = Object.freeze({
  connection: 'idle',
  callType: 'video',
  canPublish: true,
  micEnabled: false,
  cameraEnabled: false,
  canPlayAudio: true,
  participants: [],
  speaking: [],
  canChat: false,
  screenShareEnabled: false,
  canScreenShare: false,
});

interface Captured {
  tracks: LocalTrack[];
  errors: { kind: 'camera' | 'microphone'; err: unknown }[];
}

function stopAll(tracks: LocalTrack[]): void {
  for (const t of tracks) { try { t.stop(); } catch { /* ignore */ } }
}

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
    await this.initialSubscriptions(room, lk, this.options.subscribeWaitMs ?? 1500);
    if (gen !== this.generation) return;
    await this.publish(room, gen, await this.capture(room, wantAudio, wantVideo));
  }

  /**
   * Resolves once every video already published in the room when we joined is subscribed (its track arrived), or
   * after `maxMs`. Our own camera and microphone wait for it: with one peer connection, each remote video needs
   * an extra offer/answer (a receive section), and when a getUserMedia and our own offers ran at the same time the
   * answer was applied late, the SFU's first keyframe for us arrived before the receiver existed and was dropped,
   * and the next one came about a second later (the SFU throttles keyframe requests): first remote frame 1.1–1.7 s
   * instead of ~0.5 s (bench/widget, BENCH_TRACE=1). Waiting costs nothing when nobody publishes video yet.
   */
  private initialSubscriptions(room: Room, lk: LiveKitModule, maxMs: number): Promise<void> {
    const pending = () =>
      [...room.remoteParticipants.values()].some((p) =>
        [...p.trackPublications.values()].some((pub) => pub.kind === lk.Track.Kind.Video && pub.isDesired && pub.permissionStatus !== 'not_allowed' && !pub.track),
      );
    if (!pending()) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        room.off(lk.RoomEvent.TrackSubscribed, check);
        room.off(lk.RoomEvent.Disconnected, done);
        resolve();
      };
      const check = () => { if (!pending()) done(); };
      const timer = setTimeout(done, maxMs);
      room.on(lk.RoomEvent.TrackSubscribed, check);
      room.on(lk.RoomEvent.Disconnected, done);
    });
  }

  /**
   * Opens the microphone and/or camera with one getUserMedia; when that fails with both asked, each device alone,
   * so that the other one is still published and each failure is reported for its own device. Never rejects.
   */
  private async capture(room: Room, audio: boolean, video: boolean): Promise<Captured> {
    const out: Captured = { tracks: [], errors: [] };
    if (!audio && !video) return out;
    const lp = room.localParticipant;
    try {
      out.tracks = await lp.createTracks({ audio, video });
      return out;
    } catch (err) {
      if (!(audio && video)) {
        out.errors.push({ kind: audio ? 'microphone' : 'camera', err });
        return out;
      }
    }
    for (const kind of ['microphone', 'camera'] as const) {
      try {
        out.tracks.push(...(await lp.createTracks(kind === 'microphone' ? { audio: true } : { video: true })));
      } catch (err) {
        out.errors.push({ kind, err });
      }
    }
    return out;
  }

  /**
   * Publishes the captured tracks one after the other, microphone first, each publication (AddTrack, then one
   * offer/answer on the single peer connection) finished before the next starts, rather than two getUserMedia and
   * two publications at once (what `setMicrophoneEnabled` + `setCameraEnabled` in parallel did).
   */
  private async publish(room: Room, gen: number, { tracks, errors }: Captured): Promise<void> {
    for (const { kind, err } of errors) this.mediaError(kind, err);
    const S = this.lk!.Track.Source;
    const ordered = [...tracks].sort((a, b) => Number(b.source === S.Microphone) - Number(a.source === S.Microphone));
    for (const [i, track] of ordered.entries()) {
      if (gen !== this.generation) {
        stopAll(ordered.slice(i));
        return;
      }
      try {
        await room.localParticipant.publishTrack(track);
        if (gen !== this.generation) track.stop(); // left while it was being published
      } catch (err) {
        track.stop();
        if (gen === this.generation) this.mediaError(track.source === S.Microphone ? 'microphone' : 'camera', err);
      } finally {
        this.refresh();
      }
    }
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

function trackRef(pub: TrackPublication | undefined): TrackRef | undefined {
  const track = pub?.track;
  if (!pub || !track || pub.isMuted) return undefined;
  return { sid: pub.trackSid || (track as { sid?: string }).sid || `${pub.source}`, track };
}

/** livekit's TrackSource.SCREEN_SHARE (protocol enum) in a grant's canPublishSources. */
const SCREEN_SHARE_SOURCE = 3;

function screenShareError(err: unknown): MeetingError {
  if (err instanceof MeetingError) return err;
  const e = err as { name?: string; message?: string } | null;
  const name = e?.name ?? '';
  const message = String(e?.message ?? err);
  let code = 'screen_share_failed';
  if (name === 'NotAllowedError' || name === 'AbortError' || name === 'SecurityError') code = 'screen_share_denied';
  else if (name === 'NotSupportedError' || name === 'DeviceUnsupportedError' || /getDisplayMedia not supported/i.test(message)) code = 'screen_share_unsupported';
  else if (/permission|not allowed|unauthori[sz]ed/i.test(message)) code = 'screen_share_not_allowed';
  return new MeetingError(code, message, undefined, { cause: err });
}

/**
 * `names`: the name each identity had when we first saw it in this call. The grant that lets a participant raise a
 * hand also lets it rename itself on the SFU (LiveKit has one permission for name, metadata and attributes; see
 * token-service/API.md), so later renames are not shown: the name is the one the service put in the token.
 */
function snapshot(room: Room, lk: LiveKitModule, prev: CallState, names: Map<string, string>): Partial<CallState> {
  const S = lk.Track.Source;
  const view = (p: Participant, isLocal: boolean): ParticipantView => {
    const mic = p.getTrackPublication(S.Microphone);
    const cam = p.getTrackPublication(S.Camera);
    const audio: TrackRef[] = [];
    if (!isLocal) {
      for (const pub of p.trackPublications.values()) {
        if (pub.kind === lk.Track.Kind.Audio) {
          const ref = pub.track ? { sid: pub.trackSid, track: pub.track } : undefined;
          if (ref) audio.push(ref);
        }
      }
    }
    return {
      identity: p.identity,
      name: firstName(names, p.identity, p.name || p.identity),
      isLocal,
      isSpeaking: p.isSpeaking,
      hasMic: Boolean(mic),
      micMuted: !mic || mic.isMuted,
      cameraOn: Boolean(cam && !cam.isMuted && cam.track),
      video: trackRef(cam),
      audio,
      canPublish: p.permissions?.canPublish ?? true,
      screen: trackRef(p.getTrackPublication(S.ScreenShare)),
      quality: toQuality(p.connectionQuality),
      handRaisedAt: handRaisedAt(p.attributes),
    };
  };
  const local = room.localParticipant;
  const participants = [view(local, true), ...[...room.remoteParticipants.values()].map((p) => view(p, false))];
  return {
    participants,
    speaking: room.activeSpeakers.map((p) => p.identity),
    micEnabled: local.isMicrophoneEnabled,
    cameraEnabled: local.isCameraEnabled,
    canPlayAudio: room.canPlaybackAudio,
    localIdentity: local.identity,
    canChat: local.permissions ? local.permissions.canPublishData : true,
    screenShareEnabled: local.isScreenShareEnabled,
    canScreenShare: mayScreenShare(room, prev),
  };
}

function firstName(names: Map<string, string>, identity: string, name: string): string {
  const known = names.get(identity);
  if (known !== undefined) return known;
  names.set(identity, name);
  return name;
}

/** A video call, a publisher, and a grant that lists the screen-share source (or lists none: all sources). */
function mayScreenShare(room: Room, state: CallState): boolean {
  const perms = room.localParticipant.permissions;
  return state.callType === 'video' && state.canPublish && (perms?.canPublish ?? true)
    && (!perms?.canPublishSources?.length || perms.canPublishSources.includes(SCREEN_SHARE_SOURCE));
}

/** What the room view needs from a session (lets tests pass a fake). */
export type CallSessionLike = Pick<CallSession, 'state' | 'subscribe' | 'setMicrophoneEnabled' | 'setCameraEnabled' | 'startAudio'>;
