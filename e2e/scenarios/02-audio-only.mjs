// Seed Test 2: audio only. No camera is requested, no video track is published, each side receives the other's
// microphone. Alice starts from the dashboard's audio-call link (pre-join opens in audio mode).
import { assert, expectRemoteAudio, inMeeting, joinRoomPage, sfuParticipants, startMeetingFromDashboard, uniqueRoom } from '../helpers.mjs';

async function noCamera(u) {
  const r = await u.page.evaluate(() => ({
    calls: window.__e2e.gumCalls,
    videoPubs: window.__e2e.el()?.livekitRoom?.localParticipant?.videoTrackPublications?.size ?? -1,
    audioPubs: window.__e2e.el()?.livekitRoom?.localParticipant?.audioTrackPublications?.size ?? -1,
  }));
  const cam = r.calls.filter((c) => c.video && c.video !== false);
  assert(cam.length === 0, `${u.id}: the camera was requested: ${JSON.stringify(cam)}`);
  assert(r.videoPubs === 0, `${u.id}: ${r.videoPubs} local video publication(s)`);
  assert(r.audioPubs >= 1, `${u.id}: microphone not published`);
  assert((await inMeeting(u.page, 'camera-toggle').count()) === 0 || !(await inMeeting(u.page, 'camera-toggle').first().isVisible()), `${u.id}: a camera toggle is shown in an audio call`);
}

export default {
  name: 'audio-only',
  title: 'seed Test 2: audio only, no camera requested or published, audio both ways',
  needsWidget: true,
  async run(world) {
    const room = uniqueRoom('audio');
    const alice = await world.user('alice');
    const bob = await world.user('bob');
    await startMeetingFromDashboard(world, alice, { room, callType: 'audio', invite: ['bob'], dashboardLink: '#new-audio-call' });
    await joinRoomPage(world, bob, room);
    await expectRemoteAudio(bob.page, 'alice');
    await expectRemoteAudio(alice.page, 'bob');
    await noCamera(alice);
    await noCamera(bob);
    const sfu = await sfuParticipants(world, room);
    for (const p of sfu) {
      assert(p.tracks.length > 0 && p.tracks.every((t) => t.type === 0), `SFU: ${p.identity} publishes ${JSON.stringify(p.tracks)} (audio only expected)`);
    }
    world.log(`SFU participants: ${JSON.stringify(sfu)}`);
  },
};
