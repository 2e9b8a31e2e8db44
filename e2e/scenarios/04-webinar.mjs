// Webinar: Alice (speaker) and Bob (audience). Bob sees and hears Alice, has no publish controls, and a publish
// forced from the page is refused: first by livekit-client's own permission check, then (with that check
// bypassed) by the SFU, which never lists a track for Bob.
import { assert, expectRemoteAudio, expectRemoteVideoPlaying, inMeeting, joinRoomPage, sfuParticipants, startMeetingFromDashboard, uniqueRoom } from '../helpers.mjs';

export default {
  name: 'webinar',
  title: 'webinar: audience sees and hears the speaker, cannot publish (SFU refuses)',
  needsWidget: true,
  async run(world) {
    const room = uniqueRoom('webinar');
    const alice = await world.user('alice');
    const bob = await world.user('bob');
    await startMeetingFromDashboard(world, alice, { room, callType: 'webinar', invite: ['bob'] });
    await joinRoomPage(world, bob, room);
    await expectRemoteVideoPlaying(bob.page, 'alice');
    await expectRemoteAudio(bob.page, 'alice');

    for (const control of ['mic-toggle', 'camera-toggle']) {
      const loc = inMeeting(bob.page, control);
      const shown = (await loc.count()) > 0 && (await loc.first().isVisible());
      assert(!shown, `audience sees the ${control}`);
    }
    const camRequests = await bob.page.evaluate(() => window.__e2e.gumCalls.length);
    world.log(`audience getUserMedia calls: ${camRequests}`);
    assert(camRequests === 0, `the audience's page asked for camera/microphone ${camRequests} time(s)`);

    // 1. The plain call, as a page script would do it.
    const plain = await bob.page.evaluate(async () => {
      const lp = document.querySelector('urbania-meeting').livekitRoom.localParticipant;
      try {
        await lp.setMicrophoneEnabled(true);
        return { ok: true, pubs: lp.trackPublications.size };
      } catch (e) {
        return { ok: false, error: String(e?.message ?? e) };
      }
    });
    world.log(`forced publish (client check on): ${JSON.stringify(plain)}`);

    // 2. Bypass the client-side permission check: only the SFU stands in the way now.
    const forced = await bob.page.evaluate(async () => {
      const lp = document.querySelector('urbania-meeting').livekitRoom.localParticipant;
      // Both the permission object (which server updates overwrite) and the check itself.
      lp.permissions = { ...(lp.permissions ?? {}), canPublish: true, canPublishSources: [] };
      lp.hasPermissionsToPublish = () => true;
      const timeout = new Promise((r) => setTimeout(() => r({ ok: false, error: 'no answer from the SFU within 15 s' }), 15_000));
      const attempt = lp.setMicrophoneEnabled(true).then(
        (pub) => ({ ok: !!pub?.trackSid, sid: pub?.trackSid ?? null }),
        (e) => ({ ok: false, error: String(e?.message ?? e) }),
      );
      return Promise.race([attempt, timeout]);
    });
    world.log(`forced publish (client check bypassed): ${JSON.stringify(forced)}`);

    await alice.page.waitForTimeout(1500);
    const sfu = await sfuParticipants(world, room);
    world.log(`SFU participants: ${JSON.stringify(sfu)}`);
    const b = sfu.find((p) => p.identity === 'bob');
    assert(b, 'bob is not in the room according to the SFU');
    assert(b.canPublish === false, `SFU says bob canPublish=${b.canPublish}`);
    assert(b.tracks.length === 0, `SFU accepted a track from the audience: ${JSON.stringify(b.tracks)}`);
    assert(!plain.ok || plain.pubs === 0, `publish without permission reported success: ${JSON.stringify(plain)}`);
    assert(!forced.ok, `SFU acknowledged a forced publish: ${JSON.stringify(forced)}`);
    assert(!/insufficient permissions/.test(forced.error ?? ''), `the bypassed publish never reached the SFU: ${forced.error}`);
    const aliceSeesBobTracks = await alice.page.evaluate(
      () => document.querySelector('urbania-meeting').livekitRoom.remoteParticipants.get('bob')?.trackPublications.size ?? 0,
    );
    assert(aliceSeesBobTracks === 0, `the speaker sees ${aliceSeesBobTracks} track(s) from the audience`);
  },
};
