// Screen share (video call) and its refusal (audio call), on the real SFU.
// 1. Alice presents from the control bar (a real click: getDisplayMedia needs one; Chromium's
//    --auto-select-desktop-capture-source picks the fake screen): Bob's page decodes her screen on the stage, the SFU
//    lists a SCREEN_SHARE track, both pages fire urbania-screen-share-started. Screenshots at 1100 px and 360 px.
// 2. The browser's own "stop sharing" (the capture track ends): the share ends cleanly on both pages and at the SFU.
// 3. In an audio room, Bob forces a screen-share publication past the widget and livekit-client's own permission
//    check: the SFU refuses it (no track at the SFU, none seen by Alice).
import { assert, expectRemoteVideoPlaying, inMeeting, joinRoomPage, sfuParticipants, startMeetingFromDashboard, uniqueRoom } from '../helpers.mjs';

/** The shared screen on `page`'s stage from `identity`: decoded (a size) and advancing. */
async function expectScreenDecoded(page, identity, { timeoutMs = 20_000 } = {}) {
  const probe = (id) => {
    const v = window.__e2e.deepAll(`[part~="screen-share"][data-identity="${CSS.escape(id)}"] video`)[0];
    if (!v) return null;
    const r = v.getBoundingClientRect();
    return r.width > 0 && v.videoWidth > 0 && v.readyState >= 2 ? { videoWidth: v.videoWidth, videoHeight: v.videoHeight, box: Math.round(r.width), t: v.currentTime } : null;
  };
  const first = await page.waitForFunction(probe, identity, { timeout: timeoutMs, polling: 200 }).then((h) => h.jsonValue());
  await page.waitForTimeout(1200);
  const second = await page.evaluate(probe, identity);
  assert(second && second.t > first.t, `the screen of ${identity} does not advance (${first.t} → ${second?.t})`);
  return { ...first, t1: second.t };
}

/** Records urbania-screen-share-* events on the page (bubbling to document). */
const recordShareEvents = (page) => page.evaluate(() => {
  window.__shareEvents = [];
  for (const type of ['urbania-screen-share-started', 'urbania-screen-share-stopped']) {
    document.addEventListener(type, (e) => window.__shareEvents.push({ type, .../** @type {CustomEvent} */ (e).detail }));
  }
});
const shareEvents = (page) => page.evaluate(() => window.__shareEvents);

// livekit's TrackSource: SCREEN_SHARE = 3, SCREEN_SHARE_AUDIO = 4; TrackType VIDEO = 1.
const screenTracks = (p) => (p?.tracks ?? []).filter((t) => t.source === 3 || t.source === 4);

export default {
  name: 'screen-share',
  title: 'screen share: decoded by the other page, the browser\'s stop ends it; an audio room\'s forced share is refused by the SFU',
  needsWidget: true,
  async run(world) {
    const room = uniqueRoom('screen');
    const alice = await world.user('alice');
    const bob = await world.user('bob');
    await startMeetingFromDashboard(world, alice, { room, callType: 'video', invite: ['bob'] });
    await joinRoomPage(world, bob, room);
    await expectRemoteVideoPlaying(bob.page, 'alice');
    await expectRemoteVideoPlaying(alice.page, 'bob');
    await world.screenshot(alice.page, 'room-stage');
    await recordShareEvents(alice.page);
    await recordShareEvents(bob.page);

    // 1. Present from the control bar.
    const toggle = inMeeting(alice.page, 'screen-share-toggle').first();
    assert((await toggle.getAttribute('aria-pressed')) === 'false', 'the screen-share toggle starts pressed');
    await toggle.click();
    await inMeeting(alice.page, 'screen-share-banner').first().waitFor({ state: 'visible', timeout: 15_000 });
    assert((await toggle.getAttribute('aria-pressed')) === 'true', 'the screen-share toggle is not pressed while presenting');
    const decoded = await expectScreenDecoded(bob.page, 'alice');
    world.log(`bob decodes alice's screen: ${JSON.stringify(decoded)}`);
    const strip = await bob.page.evaluate(() => window.__e2e.deepAll('[part~="strip"] [part~="tile"]').map((t) => t.getAttribute('data-identity')));
    assert(strip.includes('alice') && strip.includes('bob'), `participants are not in the strip: ${JSON.stringify(strip)}`);
    let sfu = await sfuParticipants(world, room);
    world.log(`SFU while sharing: ${JSON.stringify(sfu)}`);
    assert(screenTracks(sfu.find((p) => p.identity === 'alice')).length >= 1, 'the SFU lists no screen-share track for alice');
    await world.screenshot(bob.page, 'room-screen-share');
    await world.screenshot(alice.page, 'room-sharing');
    await bob.page.setViewportSize({ width: 1280, height: 800 });
    await bob.page.waitForTimeout(600);
    await world.screenshot(bob.page, 'room-screen-share-1280px');
    await bob.page.setViewportSize({ width: 360, height: 780 });
    await bob.page.waitForFunction(() => window.__e2e.deepAll('[part~="stage"][data-strip="bottom"]').length > 0, null, { timeout: 5000 });
    const narrow = await bob.page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      screen: Math.round(window.__e2e.deepAll('[part~="screen-share"] video')[0]?.getBoundingClientRect().width ?? 0),
    }));
    world.log(`360 px during the share: ${JSON.stringify(narrow)}`);
    await world.screenshot(bob.page, 'room-screen-share-360px');
    assert(narrow.scrollWidth <= 362 && narrow.screen > 200, `360 px layout during a share: ${JSON.stringify(narrow)}`);
    await bob.page.setViewportSize({ width: 1100, height: 800 });

    // 2. The browser's own "stop sharing": Chromium ends the capture track (stop + ended, as its bar does).
    await alice.page.evaluate(() => {
      const pub = [...window.__e2e.el().livekitRoom.localParticipant.trackPublications.values()].find((p) => p.source === 'screen_share');
      const track = pub.track.mediaStreamTrack;
      track.stop();
      track.dispatchEvent(new Event('ended'));
    });
    await inMeeting(alice.page, 'screen-share-banner').first().waitFor({ state: 'detached', timeout: 15_000 });
    await bob.page.waitForFunction(() => window.__e2e.deepAll('[part~="screen-share"]').length === 0, null, { timeout: 15_000 });
    await inMeeting(bob.page, 'grid').first().waitFor({ state: 'visible', timeout: 5000 });
    await alice.page.waitForTimeout(1000);
    sfu = await sfuParticipants(world, room);
    assert(screenTracks(sfu.find((p) => p.identity === 'alice')).length === 0, `the SFU still lists alice's screen: ${JSON.stringify(sfu)}`);
    const aliceEvents = await shareEvents(alice.page);
    const bobEvents = await shareEvents(bob.page);
    world.log(`events: alice ${JSON.stringify(aliceEvents)}, bob ${JSON.stringify(bobEvents)}`);
    for (const [who, evs] of [['alice', aliceEvents], ['bob', bobEvents]]) {
      assert(JSON.stringify(evs) === JSON.stringify([
        { type: 'urbania-screen-share-started', identity: 'alice' }, { type: 'urbania-screen-share-stopped', identity: 'alice' },
      ]), `${who}'s page fired ${JSON.stringify(evs)}`);
    }
    await expectRemoteVideoPlaying(bob.page, 'alice');

    // 3. An audio room: the API refuses, and a publication forced past every client check is refused by the SFU.
    const audioRoom = uniqueRoom('screen-audio');
    const carol = await world.user('carol');
    const david = await world.user('david');
    await startMeetingFromDashboard(world, carol, { room: audioRoom, callType: 'audio', invite: ['david'], dashboardLink: '#new-audio-call' });
    await joinRoomPage(world, david, audioRoom);
    assert((await inMeeting(david.page, 'screen-share-toggle').count()) === 0, 'an audio call shows a screen-share control');
    const api = await david.page.evaluate(() => window.__e2e.el().startScreenShare().then(() => 'resolved', (e) => e.code));
    assert(api === 'screen_share_not_allowed', `startScreenShare() in an audio room: ${api}`);
    const forced = await david.page.evaluate(async () => {
      const lp = window.__e2e.el().livekitRoom.localParticipant;
      lp.hasPermissionsToPublish = () => true;
      const canvas = document.createElement('canvas');
      canvas.width = 640; canvas.height = 360;
      const ctx = canvas.getContext('2d');
      const timer = setInterval(() => { ctx.fillStyle = `hsl(${Date.now() % 360} 80% 50%)`; ctx.fillRect(0, 0, 640, 360); }, 50);
      const track = canvas.captureStream(10).getVideoTracks()[0];
      const timeout = new Promise((r) => setTimeout(() => r({ ok: false, error: 'no answer from the SFU within 15 s' }), 15_000));
      const attempt = lp.publishTrack(track, { source: 'screen_share', name: 'forced-screen' }).then(
        (pub) => ({ ok: !!pub?.trackSid, sid: pub?.trackSid ?? null }),
        (e) => ({ ok: false, error: String(e?.message ?? e) }),
      );
      const out = await Promise.race([attempt, timeout]);
      clearInterval(timer);
      return out;
    });
    world.log(`forced screen share in an audio room: ${JSON.stringify(forced)}`);
    await carol.page.waitForTimeout(1500);
    const audioSfu = await sfuParticipants(world, audioRoom);
    world.log(`SFU (audio room): ${JSON.stringify(audioSfu)}`);
    const d = audioSfu.find((p) => p.identity === 'david');
    assert(d, 'david is not in the audio room according to the SFU');
    assert(screenTracks(d).length === 0 && d.tracks.every((t) => t.type !== 1), `the SFU accepted david's forced screen: ${JSON.stringify(d.tracks)}`);
    assert(!forced.ok, `the SFU acknowledged a forced screen share: ${JSON.stringify(forced)}`);
    assert(!/insufficient permissions/.test(forced.error ?? ''), `the forced publish never reached the SFU: ${forced.error}`);
    const carolSees = await carol.page.evaluate(
      () => [...(window.__e2e.el().livekitRoom.remoteParticipants.get('david')?.trackPublications.values() ?? [])].map((p) => p.source),
    );
    assert(!carolSees.includes('screen_share'), `carol sees a screen from david: ${JSON.stringify(carolSees)}`);
  },
};
