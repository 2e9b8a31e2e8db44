// Speaker view, pin and picture-in-picture on the real SFU, with screenshots of the room view.
// 1. Three participants; Alice and Bob mute their microphones, so Carol's is the only audio and the SFU's
//    ActiveSpeakersChanged names her. Chromium's fake microphone (a short beep each second) is too brief for the SFU's
//    speaker detection (its level must be over the threshold in a share of each interval's packets): with it, no
//    ActiveSpeakersChanged came in 20 s. Carol's page therefore captures a steady tone (WebAudio) as her microphone. Carol joins last, so the speaker view's
//    fallback without any speaker (the first remote participant in tile order) would be Bob: seeing Carol large on
//    Alice's page needs the active-speaker event. Screenshots: grid and speaker view at 1280 px and 360 px.
// 2. Alice pins Bob from his tile: Bob takes the stage although Carol speaks; pin(null) from the page gives it back.
// 3. Alice opens picture-in-picture from the control bar (a real click: requestWindow needs a user activation): the
//    call with its controls is in the Document PiP window, styled, and Carol's video keeps decoding there (frames
//    advance, the track stays subscribed and active); the page shows the placeholder. Closing the window brings the
//    call back into the page, still decoding.
// 4. Without Document PiP (hidden from the page), the same button floats Carol's video in video picture-in-picture,
//    still decoding.
import { assert, expectRemoteVideoPlaying, inMeeting, joinRoomPage, startMeetingFromDashboard, uniqueRoom, clickControl } from '../helpers.mjs';

const WIDE = { width: 1280, height: 800 };
const NARROW = { width: 360, height: 780 };

/** Who is on the stage of the speaker view, and whether their video plays there (a size, frames advancing). */
const spotlight = (page) => page.evaluate(() => {
  const s = window.__e2e.deepAll('[part~="spotlight"]')[0];
  if (!s) return null;
  const v = s.querySelector('video');
  const r = (v ?? s).getBoundingClientRect();
  return {
    identity: s.getAttribute('data-identity'), reason: s.getAttribute('data-reason'),
    width: Math.round(r.width), videoWidth: v?.videoWidth ?? 0, t: v?.currentTime ?? 0,
    strip: window.__e2e.deepAll('[part~="strip"] [part~="tile"]').map((t) => t.getAttribute('data-identity')),
  };
});

async function waitSpotlight(page, identity, reason, timeout = 20_000) {
  await page.waitForFunction(([id, why]) => window.__e2e.deepAll(`[part~="spotlight"][data-identity="${id}"]${why ? `[data-reason="${why}"]` : ''}`).length > 0,
    [identity, reason], { timeout, polling: 200 });
}

/** Init script: the microphone of getUserMedia is a steady 440 Hz tone (someone speaking, as far as the SFU can tell). */
function steadyToneMicrophone() {
  const md = navigator.mediaDevices;
  const original = md.getUserMedia.bind(md);
  md.getUserMedia = async (constraints) => {
    const stream = await original(constraints);
    if (!constraints?.audio) return stream;
    const ctx = new AudioContext();
    const osc = ctx.createOscillator();
    const gain = ctx.createGain();
    const dest = ctx.createMediaStreamDestination();
    osc.frequency.value = 440;
    gain.gain.value = 0.4;
    osc.connect(gain).connect(dest);
    osc.start();
    for (const t of stream.getAudioTracks()) { stream.removeTrack(t); t.stop(); }
    stream.addTrack(dest.stream.getAudioTracks()[0]);
    return stream;
  };
}

/** Mute from the control bar once the microphone is published (the toggle pressed), then check it is off. */
async function muteMicrophone(page) {
  const mic = inMeeting(page, 'mic-toggle').first();
  await page.waitForFunction(() => window.__e2e.deepAll('[part~="mic-toggle"][aria-pressed="true"]').length > 0, null, { timeout: 30_000 });
  await mic.click();
  await page.waitForFunction(() => window.__e2e.deepAll('[part~="mic-toggle"][aria-pressed="false"]').length > 0, null, { timeout: 10_000 });
}

/** The tiles on the stage have a video that plays (so the picture is a real call, not placeholders). */
async function settle(page) {
  await page.waitForFunction(() => window.__e2e.deepAll('[part~="tile"] video').filter((v) => v.videoWidth > 0 && v.readyState >= 2).length >= 2,
    null, { timeout: 15_000, polling: 200 });
  await page.waitForTimeout(600);
}

export default {
  name: 'speaker-focus',
  title: 'speaker view shows the speaking participant large (SFU active speakers), pin, Document PiP with the video decoding inside',
  needsWidget: true,
  timeoutMs: 240_000,
  async run(world) {
    const room = uniqueRoom('speaker');
    const alice = await world.user('alice', { viewport: WIDE });
    const bob = await world.user('bob');
    const carol = await world.user('carol');
    await startMeetingFromDashboard(world, alice, { room, callType: 'video', invite: ['bob', 'carol'] });
    await joinRoomPage(world, bob, room);
    await muteMicrophone(bob.page);
    await muteMicrophone(alice.page);
    // The SFU's active speakers as Alice's livekit-client sees them (ActiveSpeakersChanged), from before Carol joins.
    await alice.page.evaluate(() => {
      window.__speakers = [];
      window.__e2e.el().livekitRoom.on('activeSpeakersChanged', (s) => window.__speakers.push(s.map((p) => p.identity)));
    });
    await carol.context.addInitScript(steadyToneMicrophone);
    await joinRoomPage(world, carol, room);
    // The last joiner publishes after it has subscribed to the others: slow on a loaded machine.
    for (const who of ['bob', 'carol']) await expectRemoteVideoPlaying(alice.page, who, { timeoutMs: 45_000 });
    await alice.page.waitForFunction(() => window.__speakers.some((s) => s.includes('carol')), null, { timeout: 20_000, polling: 250 })
      .catch(async () => {
        const seen = await alice.page.evaluate(() => {
          const c = window.__e2e.el().livekitRoom.remoteParticipants.get('carol');
          const pub = c?.getTrackPublication('microphone');
          return { speakers: window.__speakers, sub: pub?.isSubscribed, muted: pub?.isMuted, level: c?.audioLevel };
        });
        const sent = await carol.page.evaluate(() => {
          const pub = window.__e2e.el().livekitRoom.localParticipant.getTrackPublication('microphone');
          return { muted: pub?.isMuted, label: pub?.track?.mediaStreamTrack.label, state: pub?.track?.mediaStreamTrack.readyState, gum: window.__e2e.gumCalls };
        });
        throw new Error(`ActiveSpeakersChanged never named carol: alice ${JSON.stringify(seen)}, carol ${JSON.stringify(sent)}`);
      });
    world.log(`active speakers seen by alice: ${JSON.stringify(await alice.page.evaluate(() => window.__speakers.slice(0, 10)))}`);

    // Grid, 1280 px: everyone alike; the speaking tile is marked (outline and icon).
    await settle(alice.page);
    await alice.page.waitForFunction(() => window.__e2e.deepAll('[part~="tile"][data-identity="carol"] [part~="speaking-indicator"]').length > 0,
      null, { timeout: 15_000, polling: 100 });
    await world.screenshot(alice.page, 'room-grid-1280px');

    // 1. Speaker view from the control bar: Carol, the one speaking, large; the others in a strip beside.
    const toggle = inMeeting(alice.page, 'layout-toggle').first();
    assert((await toggle.getAttribute('aria-pressed')) === 'false', 'the layout toggle starts pressed');
    await toggle.click();
    assert((await toggle.getAttribute('aria-pressed')) === 'true', 'the layout toggle is not pressed in the speaker view');
    await waitSpotlight(alice.page, 'carol', 'speaker');
    await expectRemoteVideoPlaying(alice.page, 'carol');
    const wide = await spotlight(alice.page);
    world.log(`speaker view at 1280 px: ${JSON.stringify(wide)}`);
    assert(wide.width > 600 && wide.videoWidth > 0, `carol's video is not large on the stage: ${JSON.stringify(wide)}`);
    assert(JSON.stringify([...wide.strip].sort()) === JSON.stringify(['alice', 'bob']), `strip: ${JSON.stringify(wide.strip)}`);
    assert(await alice.page.evaluate(() => window.__e2e.deepAll('[part~="stage"][data-mode="speaker"][data-strip="side"]').length === 1), 'the strip is not beside the speaker at 1280 px');
    await settle(alice.page);
    await alice.page.mouse.move(0, 0);
    await world.screenshot(alice.page, 'room-speaker-1280px');
    // Held: a few seconds later Carol is still there (her beeps are intermittent; nobody else speaks).
    await alice.page.waitForTimeout(3000);
    assert((await spotlight(alice.page)).identity === 'carol', 'the stage left carol without anyone else speaking');

    // The same at 360 px: the strip goes under, nothing overflows sideways.
    await alice.page.setViewportSize(NARROW);
    await alice.page.waitForFunction(() => window.__e2e.deepAll('[part~="stage"][data-strip="bottom"]').length === 1, null, { timeout: 5000 });
    await alice.page.waitForTimeout(600);
    await alice.page.mouse.move(0, 0);
    await world.screenshot(alice.page, 'room-speaker-360px');
    const narrow = await alice.page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      widest: window.__e2e.deepAll('*').map((n) => [n.tagName + (n.getAttribute('part') ? `[${n.getAttribute('part')}]` : '') + (n.className && typeof n.className === 'string' ? `.${n.className}` : ''), Math.round(n.getBoundingClientRect().right)])
        .filter(([, r]) => r > 362).slice(0, 8),
    }));
    assert(narrow.scrollWidth <= 362, `the 360 px speaker view scrolls sideways: ${JSON.stringify(narrow)}`);
    // At 360 px the layout toggle is in the bar's "More options" menu.
    assert((await clickControl(alice.page, 'layout-toggle')) === 'menu', 'the layout toggle is still in the 360 px bar');
    await inMeeting(alice.page, 'grid').first().waitFor({ state: 'visible', timeout: 5000 });
    await alice.page.mouse.move(0, 0);
    await alice.page.waitForTimeout(600);
    await world.screenshot(alice.page, 'room-grid-360px');
    await alice.page.setViewportSize(WIDE);
    await toggle.click();
    await waitSpotlight(alice.page, 'carol');

    // 2. Pin Bob from his tile (in the strip): he takes the stage although Carol speaks.
    const pin = alice.page.locator('urbania-meeting [part~="strip"] [part~="tile"][data-identity="bob"] [part~="pin-button"]').first();
    assert((await pin.getAttribute('aria-label')) === 'Épingler Bob Dupont', `pin button name: ${await pin.getAttribute('aria-label')}`);
    await pin.focus();
    await alice.page.keyboard.press('Enter');
    await waitSpotlight(alice.page, 'bob', 'pinned', 5000);
    await expectRemoteVideoPlaying(alice.page, 'bob');
    await alice.page.waitForTimeout(2500);
    assert((await spotlight(alice.page)).identity === 'bob', 'the pin did not hold while carol speaks');
    const unpinned = await alice.page.evaluate(() => window.__e2e.el().pin(null).then(() => 'ok', (e) => e.code));
    assert(unpinned === 'ok', `pin(null): ${unpinned}`);
    const unknown = await alice.page.evaluate(() => window.__e2e.el().pin('nobody').then(() => 'ok', (e) => e.code));
    assert(unknown === 'unknown_participant', `pin('nobody'): ${unknown}`);
    await waitSpotlight(alice.page, 'carol', 'speaker', 10_000);

    // 3. Picture-in-picture from the control bar.
    const hasDpip = await alice.page.evaluate(() => typeof window.documentPictureInPicture?.requestWindow === 'function');
    assert(hasDpip, 'this Chromium has no Document Picture-in-Picture');
    await inMeeting(alice.page, 'pip-toggle').first().click();
    await alice.page.waitForFunction(() => window.documentPictureInPicture.window?.document.querySelector('urbania-room'), null, { timeout: 10_000 });
    await inMeeting(alice.page, 'pip-placeholder').first().waitFor({ state: 'visible', timeout: 5000 });
    const inPip = (id) => {
      const w = window.documentPictureInPicture.window;
      const room = w?.document.querySelector('urbania-room');
      const v = room?.shadowRoot.querySelector(`[part~="tile"][data-identity="${id}"] video`);
      const pub = window.__e2e.el().livekitRoom.remoteParticipants.get(id)?.getTrackPublication('camera');
      return v && {
        inPipDocument: v.ownerDocument === w.document,
        width: Math.round(v.getBoundingClientRect().width), videoWidth: v.videoWidth, t: v.currentTime,
        frames: v.getVideoPlaybackQuality().totalVideoFrames,
        background: w.getComputedStyle(room.shadowRoot.querySelector('[part~="room"]')).backgroundColor,
        controls: [...room.shadowRoot.querySelectorAll('[part~="controls"] button')].map((b) => b.getAttribute('part')),
        subscribed: pub?.isSubscribed, streamState: pub?.track?.streamState,
      };
    };
    const p0 = await alice.page.waitForFunction(inPip, 'carol', { timeout: 10_000, polling: 200 }).then((h) => h.jsonValue());
    await alice.page.waitForTimeout(2000);
    const p1 = await alice.page.evaluate(inPip, 'carol');
    world.log(`in the PiP window: ${JSON.stringify(p0)} → ${JSON.stringify(p1)}`);
    assert(p1.inPipDocument && p1.width > 100 && p1.videoWidth > 0, `carol's video is not shown in the PiP window: ${JSON.stringify(p1)}`);
    assert(p1.frames > p0.frames && p1.t > p0.t, `carol's video does not keep decoding in the PiP window: ${p0.frames} → ${p1.frames} frames`);
    assert(p1.subscribed === true && p1.streamState === 'active', `carol's camera is not subscribed and active during PiP: ${JSON.stringify(p1)}`);
    assert(p1.background !== 'rgba(0, 0, 0, 0)' && p1.controls.includes('mic-toggle') && p1.controls.includes('leave-button'),
      `the call in the PiP window is unstyled or has no controls: ${JSON.stringify(p1)}`);
    // The PiP window's own toggle brings it back (its close button does the same: pagehide).
    await alice.page.evaluate(() => window.documentPictureInPicture.window.close());
    await alice.page.waitForFunction(() => !window.documentPictureInPicture.window && window.__e2e.el().shadowRoot.querySelector('urbania-room'), null, { timeout: 5000 });
    assert((await inMeeting(alice.page, 'pip-placeholder').count()) === 0, 'the placeholder stays after PiP closed');
    await expectRemoteVideoPlaying(alice.page, 'carol');
    const back = await alice.page.evaluate(() => getComputedStyle(window.__e2e.deepAll('[part~="room"]')[0]).backgroundColor);
    assert(back !== 'rgba(0, 0, 0, 0)', `the room view lost its styles after PiP: ${back}`);

    // 4. A browser without Document PiP (hidden here): the same button floats the focused video (video PiP), which
    //    keeps decoding.
    await alice.page.evaluate(() => Object.defineProperty(window, 'documentPictureInPicture', { value: undefined, configurable: true }));
    await inMeeting(alice.page, 'pip-toggle').first().click();
    const floating = () => {
      // document.pictureInPictureElement is retargeted to the shadow host: walk down the shadow roots.
      let v = document.pictureInPictureElement;
      while (v?.shadowRoot?.pictureInPictureElement) v = v.shadowRoot.pictureInPictureElement;
      if (!(v instanceof HTMLVideoElement)) return null;
      return { identity: v.getAttribute('data-identity'), frames: v.getVideoPlaybackQuality().totalVideoFrames, t: v.currentTime };
    };
    const f0 = await alice.page.waitForFunction(floating, null, { timeout: 10_000, polling: 200 }).then((h) => h.jsonValue());
    await alice.page.waitForTimeout(1500);
    const f1 = await alice.page.evaluate(floating);
    world.log(`video PiP: ${JSON.stringify(f0)} → ${JSON.stringify(f1)}`);
    assert(f0.identity === 'carol' && f1?.frames > f0.frames, `video PiP does not show carol's decoding video: ${JSON.stringify([f0, f1])}`);
    assert((await inMeeting(alice.page, 'pip-toggle').first().getAttribute('aria-pressed')) === 'true', 'the PiP toggle is not pressed during video PiP');
    await inMeeting(alice.page, 'pip-toggle').first().click();
    await alice.page.waitForFunction(() => !document.pictureInPictureElement, null, { timeout: 5000 });
  },
};
