/**
 * Joining with media: wait for the videos already in the room, capture the microphone and camera, publish them one
 * after the other. Works on the session's Room (only types come from livekit-client; call-session.ts loads it).
 */
import type { LocalTrack, Room } from 'livekit-client';
import type { LiveKitModule } from './call-state.js';

export interface Captured {
  tracks: LocalTrack[];
  errors: { kind: 'camera' | 'microphone'; err: unknown }[];
}

/** What publish() tells the session, and asks it. */
export interface PublishHooks {
  /** Still the same join (not left or rejoined since). */
  current(): boolean;
  /** A device failed to open or its track could not be published. */
  mediaError(kind: 'camera' | 'microphone', err: unknown): void;
  /** One publication finished, well or not (the session refreshes its state). */
  settled(): void;
}

export function stopAll(tracks: LocalTrack[]): void {
  for (const t of tracks) { try { t.stop(); } catch { /* ignore */ } }
}

/**
 * Resolves once every video already published in the room when we joined is subscribed (its track arrived), or
 * after `maxMs`. Our own camera and microphone wait for it: with one peer connection, each remote video needs
 * an extra offer/answer (a receive section), and when a getUserMedia and our own offers ran at the same time the
 * answer was applied late, the SFU's first keyframe for us arrived before the receiver existed and was dropped,
 * and the next one came about a second later (the SFU throttles keyframe requests): first remote frame 1.1–1.7 s
 * instead of ~0.5 s (bench/widget, BENCH_TRACE=1). Waiting costs nothing when nobody publishes video yet.
 */
export function initialSubscriptions(room: Room, lk: LiveKitModule, maxMs: number): Promise<void> {
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
export async function capture(room: Room, audio: boolean, video: boolean): Promise<Captured> {
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
export async function publish(room: Room, lk: LiveKitModule, { tracks, errors }: Captured, hooks: PublishHooks): Promise<void> {
  for (const { kind, err } of errors) hooks.mediaError(kind, err);
  const S = lk.Track.Source;
  const ordered = [...tracks].sort((a, b) => Number(b.source === S.Microphone) - Number(a.source === S.Microphone));
  for (const [i, track] of ordered.entries()) {
    if (!hooks.current()) {
      stopAll(ordered.slice(i));
      return;
    }
    try {
      await room.localParticipant.publishTrack(track);
      if (!hooks.current()) track.stop(); // left while it was being published
    } catch (err) {
      track.stop();
      if (hooks.current()) hooks.mediaError(track.source === S.Microphone ? 'microphone' : 'camera', err);
    } finally {
      hooks.settled();
    }
  }
}
