/**
 * The call session's plain, immutable state and its events (call-session.ts turns Room events into them; UI code
 * reads them). Types only, plus the initial state: nothing here loads livekit-client.
 */
import type { CallType } from './service-client.js';
import type { MediaErrorCode } from './media-errors.js';
import type { ChatMessage } from './chat.js';
import type { ConnectionQualityName } from './connection-quality.js';

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
