/** A call session stand-in for view tests (the room view only renders state and calls these methods). Used by *.test.ts only. */
import { INITIAL_CALL_STATE, type CallSessionLike, type CallState, type ParticipantView } from '../core/call-session.js';

/** Records the calls made to it (`mic:true`, `cam:false`, `startAudio`); `set()` changes the state live. */
export class FakeSession implements CallSessionLike {
  calls: string[] = [];
  private listeners = new Set<(s: CallState) => void>();
  constructor(public state: CallState) {}
  subscribe(fn: (s: CallState) => void) { this.listeners.add(fn); fn(this.state); return () => { this.listeners.delete(fn); }; }
  set(patch: Partial<CallState>) { this.state = { ...this.state, ...patch }; this.listeners.forEach((f) => f(this.state)); }
  async setMicrophoneEnabled(on: boolean) { this.calls.push(`mic:${on}`); return true; }
  async setCameraEnabled(on: boolean) { this.calls.push(`cam:${on}`); return true; }
  async startAudio() { this.calls.push('startAudio'); }
}

/** A remote participant named after its identity, microphone on, camera off, allowed to publish. */
export const person = (identity: string, over: Partial<ParticipantView> = {}): ParticipantView =>
  ({ identity, name: identity, isLocal: false, isSpeaking: false, hasMic: true, micMuted: false, cameraOn: false, audio: [], canPublish: true, ...over });

/** Connected to video room `r1`, publishing microphone and camera; the first participant is us. */
export const connected = (participants: ParticipantView[], over: Partial<CallState> = {}): CallState =>
  ({ ...INITIAL_CALL_STATE, connection: 'connected', roomName: 'r1', callType: 'video', canPublish: true, micEnabled: true, cameraEnabled: true, participants, localIdentity: participants[0]?.identity, ...over });
