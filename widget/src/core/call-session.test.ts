import { expect } from '@open-wc/testing';
import * as realLiveKit from 'livekit-client';
import { CallSession, type LiveKitModule, type SessionEvent } from './call-session.js';
import { FakeLocal, FakeParticipant, FakePublication, FakeRoom, fakeModule, lastRoom } from '../test/fake-livekit.js';

const { RoomEvent, Track, DisconnectReason } = realLiveKit;

const tick = () => new Promise((r) => setTimeout(r, 0));

function base(over: Partial<Parameters<CallSession['connect']>[0]> = {}) {
  return { url: 'ws://127.0.0.1:7880', token: 'tok', roomName: 'r1', callType: 'video' as const, canPublish: true, audio: true, video: true, ...over };
}

describe('call-session', () => {
  it('connects, publishes mic + camera for a video call, exposes the room', async () => {
    const s = new CallSession({ loadLiveKit: async () => fakeModule });
    const states: string[] = [];
    s.subscribe((st) => states.push(st.connection));
    await s.connect(base());
    await tick();
    expect(lastRoom!.connectedWith).to.deep.equal(['ws://127.0.0.1:7880', 'tok']);
    expect(lastRoom!.localParticipant.calls.filter((c) => c.startsWith('publish:'))).to.deep.equal(['publish:microphone', 'publish:camera']);
    expect(s.room).to.equal(lastRoom);
    expect(states).to.include.members(['idle', 'connecting', 'connected']);
    expect(s.state.participants).to.have.length(1);
    expect(s.state.participants[0]).to.include({ identity: 'me', isLocal: true, cameraOn: true, micMuted: false });
    expect(s.state.micEnabled).to.equal(true);
  });

  it('audio calls never turn the camera on', async () => {
    const s = new CallSession({ loadLiveKit: async () => fakeModule });
    await s.connect(base({ callType: 'audio' }));
    const joined = ['connect', 'capture:audio', 'publish:microphone', 'published:microphone'];
    expect(lastRoom!.localParticipant.calls).to.deep.equal(joined);
    expect(await s.setCameraEnabled(true)).to.equal(false);
    expect(lastRoom!.localParticipant.calls).to.deep.equal(joined);
  });

  it('webinar audience (canPublish false) publishes nothing', async () => {
    const s = new CallSession({ loadLiveKit: async () => fakeModule });
    await s.connect(base({ canPublish: false }));
    expect(lastRoom!.localParticipant.calls).to.deep.equal(['connect']);
    expect(await s.setMicrophoneEnabled(true)).to.equal(false);
    expect(s.state.canPublish).to.equal(false);
  });

  it('shows each participant under the name first seen in the call: a rename through LiveKit is ignored', async () => {
    const s = new CallSession({ loadLiveKit: async () => fakeModule });
    await s.connect(base({}));
    const bob = new FakeParticipant('bob', 'Bob Dupont');
    lastRoom!.remoteParticipants.set('bob', bob);
    lastRoom!.emit(RoomEvent.ParticipantConnected, bob);
    await new Promise((r) => setTimeout(r, 0));
    bob.name = 'Alice Martin (host)';
    lastRoom!.emit(RoomEvent.ParticipantNameChanged, 'Alice Martin (host)', bob);
    await new Promise((r) => setTimeout(r, 0));
    expect(s.state.participants.find((p) => p.identity === 'bob')?.name).to.equal('Bob Dupont');
  });

  it('follows our permissions when the host moves us on or off the stage (ParticipantPermissionsChanged, no rejoin)', async () => {
    const s = new CallSession({ loadLiveKit: async () => fakeModule });
    await s.connect(base({ canPublish: false }));
    const local = lastRoom!.localParticipant;
    local.permissions = { canPublish: true, canPublishData: true, canPublishSources: [1, 2, 3, 4] };
    lastRoom!.emit(RoomEvent.ParticipantPermissionsChanged, { canPublish: false }, local);
    expect(s.state.canPublish).to.equal(true);
    expect(await s.setMicrophoneEnabled(true)).to.equal(true);
    // Someone else's permissions do not change ours.
    lastRoom!.emit(RoomEvent.ParticipantPermissionsChanged, { canPublish: true }, { identity: 'bob', permissions: { canPublish: false } });
    expect(s.state.canPublish).to.equal(true);
    local.permissions = { canPublish: false, canPublishData: true };
    lastRoom!.emit(RoomEvent.ParticipantPermissionsChanged, { canPublish: true }, local);
    expect(s.state.canPublish).to.equal(false);
    expect(await s.setMicrophoneEnabled(true)).to.equal(false);
  });

    it('turns participant events into state and session events', async () => {
    const s = new CallSession({ loadLiveKit: async () => fakeModule });
    const events: SessionEvent[] = [];
    s.onEvent((e) => events.push(e));
    await s.connect(base());
    const bob = new FakeParticipant('bob', 'Bob Dupont');
    const mic = new FakePublication(Track.Source.Microphone, Track.Kind.Audio, 'TR_bob_mic');
    bob.trackPublications.set(mic.trackSid, mic);
    lastRoom!.remoteParticipants.set('bob', bob);
    lastRoom!.emit(RoomEvent.ParticipantConnected, bob);
    await tick();
    expect(events).to.deep.include({ type: 'participant-joined', identity: 'bob', name: 'Bob Dupont' });
    const remote = s.state.participants.find((p) => p.identity === 'bob')!;
    expect(remote.isLocal).to.equal(false);
    expect(remote.audio.map((a) => a.sid)).to.deep.equal(['TR_bob_mic']);
    expect(remote.cameraOn).to.equal(false);

    bob.isSpeaking = true;
    lastRoom!.activeSpeakers = [bob];
    lastRoom!.emit(RoomEvent.ActiveSpeakersChanged, [bob]);
    await tick();
    expect(s.state.speaking).to.deep.equal(['bob']);

    lastRoom!.remoteParticipants.delete('bob');
    lastRoom!.emit(RoomEvent.ParticipantDisconnected, bob);
    await tick();
    expect(events).to.deep.include({ type: 'participant-left', identity: 'bob', name: 'Bob Dupont' });
    expect(s.state.participants.map((p) => p.identity)).to.deep.equal(['me']);
  });

  it('reports reconnecting and a server disconnect with its reason, and stops local tracks', async () => {
    const s = new CallSession({ loadLiveKit: async () => fakeModule });
    const events: SessionEvent[] = [];
    s.onEvent((e) => events.push(e));
    await s.connect(base());
    const room = lastRoom!;
    const cam = room.localParticipant.getTrackPublication(Track.Source.Camera)!;
    room.emit(RoomEvent.Reconnecting);
    expect(s.state.connection).to.equal('reconnecting');
    room.emit(RoomEvent.Reconnected);
    expect(s.state.connection).to.equal('connected');
    room.emit(RoomEvent.Disconnected, DisconnectReason.ROOM_DELETED);
    expect(s.state.connection).to.equal('disconnected');
    expect(s.state.reason).to.equal('room_deleted');
    expect(events).to.deep.include({ type: 'disconnected', reason: 'room_deleted' });
    expect(cam.track!.stopped).to.equal(true);
    expect(s.room).to.equal(undefined);
  });

  it('names a disconnect after failed reconnect attempts "connection_lost"', async () => {
    const s = new CallSession({ loadLiveKit: async () => fakeModule });
    const events: SessionEvent[] = [];
    s.onEvent((e) => events.push(e));
    await s.connect(base());
    lastRoom!.emit(RoomEvent.Reconnecting);
    lastRoom!.emit(RoomEvent.Disconnected);
    expect(s.state.reason).to.equal('connection_lost');
    expect(events).to.deep.include({ type: 'disconnected', reason: 'connection_lost' });
    // Without a reconnect first, no reason stays "unknown".
    await s.connect(base());
    lastRoom!.emit(RoomEvent.Disconnected);
    expect(s.state.reason).to.equal('unknown');
  });

  it('disconnect() stops tracks and ends in a clean state', async () => {
    const s = new CallSession({ loadLiveKit: async () => fakeModule });
    await s.connect(base());
    const room = lastRoom!;
    const mic = room.localParticipant.getTrackPublication(Track.Source.Microphone)!;
    await s.disconnect();
    expect(room.disconnected).to.equal(true);
    expect(mic.track!.stopped).to.equal(true);
    expect(s.state.connection).to.equal('disconnected');
    expect(s.room).to.equal(undefined);
  });

  it('classifies a refused microphone as a media error and stays connected', async () => {
    const s = new CallSession({ loadLiveKit: async () => fakeModule });
    const events: SessionEvent[] = [];
    s.onEvent((e) => events.push(e));
    const origin = FakeLocal.prototype.createTracks;
    FakeLocal.prototype.createTracks = async function () { throw Object.assign(new Error('denied'), { name: 'NotAllowedError' }); };
    try {
      await s.connect(base({ video: false }));
    } finally {
      FakeLocal.prototype.createTracks = origin;
    }
    expect(s.state.connection).to.equal('connected');
    const e = events.find((x) => x.type === 'media-error');
    expect(e).to.deep.include({ type: 'media-error', kind: 'microphone', code: 'permission_denied' });
  });

  it('a failed connect ends disconnected with join_failure', async () => {
    const Failing = class extends FakeRoom { override async connect(): Promise<void> { throw new Error('could not establish signal connection'); } };
    const s = new CallSession({ loadLiveKit: async () => ({ ...fakeModule, Room: Failing }) as unknown as LiveKitModule });
    let threw = false;
    try { await s.connect(base()); } catch { threw = true; }
    expect(threw).to.equal(true);
    expect(s.state.connection).to.equal('disconnected');
    expect(s.state.reason).to.equal('join_failure');
    expect(s.room).to.equal(undefined);
  });

  it('gives up connecting after connectTimeoutMs', async () => {
    const Hanging = class extends FakeRoom { override connect(): Promise<void> { return new Promise(() => {}); } };
    const s = new CallSession({ connectTimeoutMs: 50, loadLiveKit: async () => ({ ...fakeModule, Room: Hanging }) as unknown as LiveKitModule });
    let message = '';
    try { await s.connect(base()); } catch (e) { message = (e as Error).message; }
    expect(message).to.equal('connect timed out');
    expect(s.state.connection).to.equal('disconnected');
    expect((lastRoom as FakeRoom).disconnected).to.equal(true);
  });

  describe('screen share', () => {
    const codeOf = async (p: Promise<unknown>) => { try { await p; return 'resolved'; } catch (e) { return (e as { code?: string }).code; } };

    it('starts with tab audio, shows the screen on our participant, fires started/stopped once each', async () => {
      const s = new CallSession({ loadLiveKit: async () => fakeModule });
      const events: SessionEvent[] = [];
      s.onEvent((e) => events.push(e));
      await s.connect(base());
      await tick();
      expect(s.state.canScreenShare).to.equal(true);
      await s.setScreenShareEnabled(true);
      await tick();
      expect(lastRoom!.localParticipant.screenOptions).to.deep.include({ audio: true });
      expect(s.state.screenShareEnabled).to.equal(true);
      expect(s.state.participants[0]!.screen?.sid).to.equal('TR_screen');
      lastRoom!.emit(RoomEvent.LocalTrackPublished);
      await tick();
      await s.setScreenShareEnabled(false);
      await tick();
      expect(s.state.screenShareEnabled).to.equal(false);
      expect(s.state.participants[0]!.screen).to.equal(undefined);
      expect(events.filter((e) => e.type.startsWith('screen-share'))).to.deep.equal([
        { type: 'screen-share-started', identity: 'me' }, { type: 'screen-share-stopped', identity: 'me' },
      ]);
    });

    it("the browser's own stop: the unpublished screen takes its audio down and fires stopped", async () => {
      const s = new CallSession({ loadLiveKit: async () => fakeModule });
      const events: SessionEvent[] = [];
      s.onEvent((e) => events.push(e));
      await s.connect(base());
      await s.setScreenShareEnabled(true);
      await tick();
      const local = lastRoom!.localParticipant;
      // What livekit-client does on the track's `ended`: unpublish the screen's video.
      const video = local.trackPublications.get('TR_screen')!;
      local.trackPublications.delete('TR_screen');
      lastRoom!.emit(RoomEvent.LocalTrackUnpublished, video, local);
      await tick();
      expect(local.calls).to.include('unpublish:TR_screen_audio');
      expect(s.state.screenShareEnabled).to.equal(false);
      expect(events.at(-1)).to.deep.equal({ type: 'screen-share-stopped', identity: 'me' });
    });

    it('a remote screen appears on that participant and fires started', async () => {
      const s = new CallSession({ loadLiveKit: async () => fakeModule });
      const events: SessionEvent[] = [];
      s.onEvent((e) => events.push(e));
      await s.connect(base());
      const bob = new FakeParticipant('bob', 'Bob');
      bob.trackPublications.set('TR_bs', new FakePublication(Track.Source.ScreenShare, Track.Kind.Video, 'TR_bs'));
      lastRoom!.remoteParticipants.set('bob', bob);
      lastRoom!.emit(RoomEvent.TrackSubscribed);
      await tick();
      expect(s.state.participants.find((p) => p.identity === 'bob')!.screen?.sid).to.equal('TR_bs');
      expect(events).to.deep.include({ type: 'screen-share-started', identity: 'bob' });
    });

    it('refused with typed codes: audio call, audience, grant without the source, not connected, picker cancelled', async () => {
      const idle = new CallSession({ loadLiveKit: async () => fakeModule });
      expect(await codeOf(idle.setScreenShareEnabled(true))).to.equal('not_in_call');

      const audio = new CallSession({ loadLiveKit: async () => fakeModule });
      await audio.connect(base({ callType: 'audio' }));
      await tick();
      expect(audio.state.canScreenShare).to.equal(false);
      expect(await codeOf(audio.setScreenShareEnabled(true))).to.equal('screen_share_not_allowed');
      expect(lastRoom!.localParticipant.calls).to.not.include('screen:true');

      const audience = new CallSession({ loadLiveKit: async () => fakeModule });
      await audience.connect(base({ canPublish: false }));
      await tick();
      expect(await codeOf(audience.setScreenShareEnabled(true))).to.equal('screen_share_not_allowed');

      const limited = new CallSession({ loadLiveKit: async () => fakeModule });
      await limited.connect(base());
      lastRoom!.localParticipant.permissions = { canPublish: true, canPublishData: true, canPublishSources: [1, 2] };
      lastRoom!.emit(RoomEvent.ParticipantPermissionsChanged);
      await tick();
      expect(await codeOf(limited.setScreenShareEnabled(true))).to.equal('screen_share_not_allowed');

      const cancelled = new CallSession({ loadLiveKit: async () => fakeModule });
      await cancelled.connect(base());
      await tick();
      lastRoom!.localParticipant.failScreen = Object.assign(new Error('Permission denied by user'), { name: 'NotAllowedError' });
      expect(await codeOf(cancelled.setScreenShareEnabled(true))).to.equal('screen_share_denied');
      lastRoom!.localParticipant.failScreen = Object.assign(new Error('getDisplayMedia not supported'), { name: 'DeviceUnsupportedError' });
      expect(await codeOf(cancelled.setScreenShareEnabled(true))).to.equal('screen_share_unsupported');
    });
  });

  // The joiner's first remote frame: publishing microphone and camera in parallel (two getUserMedia, two
  // AddTrack + offer/answer cycles at once on the single peer connection) while the SFU set up the first
  // subscription made the first keyframe go by unforwarded; the next one came ~1 s later (SFU keyframe-request
  // throttle). bench/widget (BENCH_TRACE=1) shows it; this pins the order that avoids it.
  it('joins with one capture for both devices, then publishes microphone and camera one after the other', async () => {
    const s = new CallSession({ loadLiveKit: async () => fakeModule });
    await s.connect(base());
    const calls = lastRoom!.localParticipant.calls;
    expect(calls).to.deep.equal(['connect', 'capture:audio+video', 'publish:microphone', 'published:microphone', 'publish:camera', 'published:camera']);
    expect(s.state.participants[0]).to.include({ cameraOn: true, micMuted: false });
  });

  it('when the joint capture fails, captures each device alone: the working one is published, the other reported', async () => {
    const s = new CallSession({ loadLiveKit: async () => fakeModule });
    const events: SessionEvent[] = [];
    s.onEvent((e) => events.push(e));
    const origin = FakeLocal.prototype.createTracks;
    FakeLocal.prototype.createTracks = function (this: FakeLocal, o) {
      this.failCam = Object.assign(new Error('Could not start video source'), { name: 'NotReadableError' });
      return origin.call(this, o);
    };
    try {
      await s.connect(base());
    } finally {
      FakeLocal.prototype.createTracks = origin;
    }
    const calls = lastRoom!.localParticipant.calls;
    expect(calls.filter((c) => c.startsWith('capture:'))).to.deep.equal(['capture:audio+video', 'capture:audio', 'capture:video']);
    expect(calls.filter((c) => c.startsWith('publish:'))).to.deep.equal(['publish:microphone']);
    expect(events.filter((e) => e.type === 'media-error')).to.deep.equal([
      { type: 'media-error', kind: 'camera', code: 'device_busy', message: 'Could not start video source' },
    ]);
    expect(s.state.connection).to.equal('connected');
  });

  it('stops the tracks it has not published yet when the call is left while publishing', async () => {
    const s = new CallSession({ loadLiveKit: async () => fakeModule });
    const pending = s.connect(base());
    let room: FakeRoom | undefined;
    while (!room?.localParticipant.calls.includes('publish:microphone')) {
      await new Promise((r) => setTimeout(r, 1));
      room = lastRoom;
    }
    await s.disconnect();
    await pending;
    expect(room.localParticipant.calls.filter((c) => c.startsWith('publish:'))).to.deep.equal(['publish:microphone']);
    expect(room.localParticipant.captured.map((t) => [t.source, t.stopped])).to.deep.equal([['microphone', true], ['camera', true]]);
  });

  /** A room where the host's camera is published but not subscribed yet (its track has not arrived). */
  class Occupied extends FakeRoom {
    constructor(o: unknown) {
      super(o);
      const host = new FakeParticipant('host', 'Host');
      const cam = new FakePublication(Track.Source.Camera, Track.Kind.Video, 'TR_host_cam');
      cam.track = undefined;
      host.trackPublications.set(cam.trackSid, cam);
      this.remoteParticipants.set('host', host);
    }
  }

  it('waits for the videos already in the room to be subscribed before capturing and publishing its own', async () => {
    const s = new CallSession({ loadLiveKit: async () => ({ ...fakeModule, Room: Occupied }) as unknown as LiveKitModule });
    const joined = s.connect(base());
    await new Promise((r) => setTimeout(r, 30));
    const room = lastRoom!;
    expect(s.state.connection).to.equal('connected');
    expect(room.localParticipant.calls).to.deep.equal(['connect']);
    const cam = room.remoteParticipants.get('host')!.trackPublications.get('TR_host_cam')!;
    cam.track = new FakePublication(Track.Source.Camera, Track.Kind.Video, 'x').track;
    room.emit(RoomEvent.TrackSubscribed, cam.track, cam, room.remoteParticipants.get('host'));
    await joined;
    expect(room.localParticipant.calls).to.deep.equal(['connect', 'capture:audio+video', 'publish:microphone', 'published:microphone', 'publish:camera', 'published:camera']);
  });

  it('publishes anyway when the videos in the room are not subscribed within subscribeWaitMs', async () => {
    const s = new CallSession({ subscribeWaitMs: 40, loadLiveKit: async () => ({ ...fakeModule, Room: Occupied }) as unknown as LiveKitModule });
    await s.connect(base());
    expect(lastRoom!.localParticipant.calls.filter((c) => c.startsWith('publish:'))).to.deep.equal(['publish:microphone', 'publish:camera']);
  });
});
