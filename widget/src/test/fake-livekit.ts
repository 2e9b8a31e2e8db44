/** A fake livekit-client module (Room replaced, real enums) for session and element tests. */
import * as realLiveKit from 'livekit-client';
import type { LiveKitModule } from '../core/call-session.js';

const { Track } = realLiveKit;

type Handler = (...args: unknown[]) => void;

export class FakePublication {
  isMuted = false;
  isDesired = true;
  permissionStatus = 'allowed';
  /** Undefined for a remote publication not subscribed yet. */
  track: { attach: () => HTMLMediaElement; detach: () => HTMLMediaElement; stop: () => void; stopped?: boolean } | undefined;
  constructor(public source: string, public kind: string, public trackSid: string) {
    const t = { attach: () => document.createElement('video'), detach: () => document.createElement('video'), stop: () => { t.stopped = true; }, stopped: false };
    this.track = t;
  }
}

export class FakeParticipant {
  isSpeaking = false;
  permissions: { canPublish: boolean; canPublishData: boolean; canUpdateMetadata?: boolean; canPublishSources?: number[] } = { canPublish: true, canPublishData: true, canUpdateMetadata: true };
  trackPublications = new Map<string, FakePublication>();
  attributes: Record<string, string> = {};
  /** Applies an attribute update as the SFU does ('' deletes) and tells the room (set by FakeRoom). */
  applyAttributes(update: Record<string, string>) {
    const next = { ...this.attributes };
    for (const [k, v] of Object.entries(update)) { if (v === '') delete next[k]; else next[k] = v; }
    this.attributes = next;
    this.onAttributes?.(update, this);
  }
  onAttributes: ((changed: Record<string, string>, p: FakeParticipant) => void) | undefined;
  constructor(public identity: string, public name: string) {}
  getTrackPublication(source: string) {
    return [...this.trackPublications.values()].find((p) => p.source === source);
  }
}

/** A captured local track (what createTracks returns). */
export class FakeLocalTrack {
  stopped = false;
  constructor(public source: string, public kind: string) {}
  attach() { return document.createElement(this.kind === 'audio' ? 'audio' : 'video'); }
  detach() { return document.createElement('video'); }
  stop() { this.stopped = true; }
}

export class FakeLocal extends FakeParticipant {
  /** What the session asked for, in order: `capture:audio+video`, `publish:microphone` … `published:microphone`, `mic:true`. */
  calls: string[] = [];
  failMic: Error | undefined;
  failCam: Error | undefined;
  /** How long publishTrack takes (lets a test see whether two publications overlap). */
  publishDelayMs = 5;
  captured: FakeLocalTrack[] = [];
  async createTracks(o: { audio?: unknown; video?: unknown } = {}) {
    const kinds = [o.audio ? 'audio' : '', o.video ? 'video' : ''].filter(Boolean);
    this.calls.push(`capture:${kinds.join('+')}`);
    await new Promise((r) => setTimeout(r, 1));
    if (o.audio && this.failMic) throw this.failMic;
    if (o.video && this.failCam) throw this.failCam;
    const tracks = kinds.map((k) => new FakeLocalTrack(k === 'audio' ? Track.Source.Microphone : Track.Source.Camera, k));
    this.captured.push(...tracks);
    return tracks;
  }
  async publishTrack(track: FakeLocalTrack) {
    this.calls.push(`publish:${track.source}`);
    await new Promise((r) => setTimeout(r, this.publishDelayMs));
    const sid = track.source === Track.Source.Microphone ? 'TR_mic' : 'TR_cam';
    const pub = new FakePublication(track.source, track.kind, sid);
    pub.track = track as unknown as FakePublication['track'];
    this.trackPublications.set(sid, pub);
    this.calls.push(`published:${track.source}`);
    return pub;
  }
  get isMicrophoneEnabled() { return Boolean(this.getTrackPublication(Track.Source.Microphone)); }
  get isCameraEnabled() { return Boolean(this.getTrackPublication(Track.Source.Camera)); }
  async setMicrophoneEnabled(on: boolean) {
    this.calls.push(`mic:${on}`);
    if (this.failMic) throw this.failMic;
    if (on) this.trackPublications.set('TR_mic', new FakePublication(Track.Source.Microphone, Track.Kind.Audio, 'TR_mic'));
    else this.trackPublications.delete('TR_mic');
  }
  async setCameraEnabled(on: boolean) {
    this.calls.push(`cam:${on}`);
    if (on) this.trackPublications.set('TR_cam', new FakePublication(Track.Source.Camera, Track.Kind.Video, 'TR_cam'));
    else this.trackPublications.delete('TR_cam');
  }
  async setName(n: string) { this.name = n; }
  /** What the next setAttributes throws (e.g. the SFU refusing). */
  failAttributes: Error | undefined;
  async setAttributes(update: Record<string, string>) {
    this.calls.push(`attributes:${JSON.stringify(update)}`);
    await new Promise((r) => setTimeout(r, 1));
    if (this.failAttributes) throw this.failAttributes;
    this.applyAttributes(update);
  }
  sentTexts: { text: string; topic?: string | undefined }[] = [];
  async sendText(text: string, options: { topic?: string } = {}) {
    this.sentTexts.push({ text, topic: options.topic });
    return { id: `TS_${this.sentTexts.length}`, timestamp: 1_700_000_000_000 + this.sentTexts.length, topic: options.topic ?? '', mimeType: 'text/plain' };
  }
  /** What the next setScreenShareEnabled(true) throws (e.g. a NotAllowedError from getDisplayMedia). */
  failScreen: Error | undefined;
  get isScreenShareEnabled() { return Boolean(this.getTrackPublication(Track.Source.ScreenShare)); }
  async setScreenShareEnabled(on: boolean, options?: unknown) {
    this.calls.push(`screen:${on}`);
    this.screenOptions = options;
    if (on && this.failScreen) throw this.failScreen;
    if (on) {
      this.trackPublications.set('TR_screen', new FakePublication(Track.Source.ScreenShare, Track.Kind.Video, 'TR_screen'));
      this.trackPublications.set('TR_screen_audio', new FakePublication(Track.Source.ScreenShareAudio, Track.Kind.Audio, 'TR_screen_audio'));
    } else {
      this.trackPublications.delete('TR_screen');
      this.trackPublications.delete('TR_screen_audio');
    }
  }
  screenOptions: unknown;
  async unpublishTrack(track: unknown) {
    for (const [sid, pub] of this.trackPublications) if (pub.track === track) { this.trackPublications.delete(sid); this.calls.push(`unpublish:${sid}`); }
  }
}

type TextHandler = (reader: { info: { id: string; timestamp: number; topic: string }; readAll: () => Promise<string> }, from: { identity: string }) => void;

export let lastRoom: FakeRoom | undefined;

export class FakeRoom {
  handlers = new Map<string, Handler[]>();
  localParticipant = new FakeLocal('me', 'Me');
  remoteParticipants = new Map<string, FakeParticipant>();
  activeSpeakers: FakeParticipant[] = [];
  canPlaybackAudio = true;
  connectedWith: [string, string] | undefined;
  disconnected = false;
  textHandlers = new Map<string, TextHandler>();
  constructor(public options: unknown) {
    lastRoom = this;
    this.localParticipant.onAttributes = (changed, p) => this.emit(realLiveKit.RoomEvent.ParticipantAttributesChanged, changed, p);
  }
  /** A remote participant's attributes change (as the SFU tells every page). */
  setRemoteAttributes(identity: string, update: Record<string, string>) {
    const p = this.remoteParticipants.get(identity)!;
    p.onAttributes = (changed, q) => this.emit(realLiveKit.RoomEvent.ParticipantAttributesChanged, changed, q);
    p.applyAttributes(update);
  }
  registerTextStreamHandler(topic: string, fn: TextHandler) {
    if (this.textHandlers.has(topic)) throw new Error(`A text stream handler for topic "${topic}" has already been set.`);
    this.textHandlers.set(topic, fn);
  }
  getParticipantByIdentity(identity: string) {
    return identity === this.localParticipant.identity ? this.localParticipant : this.remoteParticipants.get(identity);
  }
  /** A text stream from `identity` arrives on `topic` (nothing happens when no handler is registered, like livekit-client). */
  receiveText(topic: string, identity: string, text: string, id = `TS_${identity}_${Math.random().toString(36).slice(2)}`, timestamp = 1_700_000_000_000) {
    this.textHandlers.get(topic)?.({ info: { id, timestamp, topic }, readAll: async () => text }, { identity });
  }
  on(ev: string, fn: Handler) { this.handlers.set(ev, [...(this.handlers.get(ev) ?? []), fn]); return this; }
  off(ev: string, fn: Handler) { this.handlers.set(ev, (this.handlers.get(ev) ?? []).filter((h) => h !== fn)); return this; }
  emit(ev: string, ...args: unknown[]) { (this.handlers.get(ev) ?? []).forEach((h) => h(...args)); }
  async connect(url: string, token: string) {
    this.localParticipant.calls.push('connect');
    await new Promise((r) => setTimeout(r, 2));
    this.connectedWith = [url, token];
  }
  async disconnect() { this.disconnected = true; }
  async startAudio() {}
  getActiveDevice(_kind: string): string | undefined { return undefined; }
  async switchActiveDevice(_kind: string, _deviceId: string) { return true; }
}

export const fakeModule = { ...realLiveKit, Room: FakeRoom } as unknown as LiveKitModule;
