/** The call state read from the Room at one moment (pure: nothing here listens or loads livekit-client). */
import type { Room, Participant, TrackPublication } from 'livekit-client';
import type { CallState, LiveKitModule, ParticipantView, TrackRef } from './call-state.js';
import { handRaisedAt } from './hands.js';
import { toQuality } from './connection-quality.js';
import { mayScreenShare } from './screen-share.js';

export function trackRef(pub: TrackPublication | undefined): TrackRef | undefined {
  const track = pub?.track;
  if (!pub || !track || pub.isMuted) return undefined;
  return { sid: pub.trackSid || (track as { sid?: string }).sid || `${pub.source}`, track };
}

/**
 * `names`: the name each identity had when we first saw it in this call. The grant that lets a participant raise a
 * hand also lets it rename itself on the SFU (LiveKit has one permission for name, metadata and attributes; see
 * token-service/API.md), so later renames are not shown: the name is the one the service put in the token.
 */
export function snapshot(room: Room, lk: LiveKitModule, prev: CallState, names: Map<string, string>): Partial<CallState> {
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
