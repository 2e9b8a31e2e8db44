// Devices and statistics on the real SFU. Chromium exposes two fake cameras (`device-count=2` in the kit's flags):
// Alice switches camera mid-call from the control bar's camera menu; the published track's device changes, the SFU
// keeps forwarding and Bob's page keeps decoding her video (framesDecoded grows after the switch); the choice fires
// urbania-device-changed and is remembered for the next join. The statistics panel shows non-zero figures from
// getStats (screenshots at 1280 and 360 px). An audio room refuses setDevice('videoinput', …) and never opens a camera.
import { assert, callOfTwo, inMeeting, startMeetingFromDashboard, uniqueRoom } from '../helpers.mjs';

/** The device of Alice's published camera track, as the capture reports it. */
const publishedCamera = (page) => page.evaluate(() => {
  const pub = document.querySelector('urbania-meeting').livekitRoom.localParticipant.getTrackPublication('camera');
  return { deviceId: pub?.track?.mediaStreamTrack?.getSettings().deviceId ?? null, sid: pub?.trackSid ?? null, state: pub?.track?.mediaStreamTrack?.readyState ?? null };
});

/** Frames Bob's page decoded of `identity`'s camera so far (inbound-rtp of the subscribed track). */
const framesDecoded = (page, identity) => page.evaluate(async (id) => {
  const p = document.querySelector('urbania-meeting').livekitRoom.remoteParticipants.get(id);
  const track = p?.getTrackPublication('camera')?.track;
  const report = await track?.getRTCStatsReport();
  let frames = 0;
  report?.forEach((s) => { if (s.type === 'inbound-rtp' && s.kind === 'video') frames += s.framesDecoded ?? 0; });
  return frames;
}, identity);

/** The statistics panel's figures, per track: `{ direction, source, bitrate, packet-loss, rtt, resolution, codec }`. */
const panelFigures = (page) => page.evaluate(() => window.__e2e.deepAll('[part~="stats-track"]').map((t) => ({
  direction: t.getAttribute('data-direction'),
  source: t.getAttribute('data-source'),
  ...Object.fromEntries([...t.querySelectorAll('[data-figure]')].map((d) => [d.getAttribute('data-figure'), d.textContent.trim()])),
})));

const number = (text) => Number.parseFloat(String(text ?? '').replace(/\s/g, '').replace(',', '.'));

export default {
  name: 'devices-stats',
  title: 'camera switched mid-call from the device menu: the other page keeps decoding; statistics panel with real figures; audio rooms refuse a camera',
  needsWidget: true,
  async run(world) {
    const { room, alice, bob } = await callOfTwo(world, 'devices', { callType: 'video', invite: ['bob'] });
    await bob.page.waitForFunction(() => document.querySelector('urbania-meeting').livekitRoom?.remoteParticipants.get('alice')?.getTrackPublication('camera')?.track, null, { timeout: 20_000 });
    await bob.page.waitForFunction(async () => {
      const t = document.querySelector('urbania-meeting').livekitRoom.remoteParticipants.get('alice').getTrackPublication('camera').track;
      let f = 0;
      (await t.getRTCStatsReport())?.forEach((s) => { if (s.type === 'inbound-rtp') f += s.framesDecoded ?? 0; });
      return f > 10;
    }, null, { timeout: 20_000, polling: 250 });

    // 1. Two cameras; Alice publishes the first.
    const cameras = await alice.page.evaluate(async () => (await navigator.mediaDevices.enumerateDevices()).filter((d) => d.kind === 'videoinput').map((d) => ({ id: d.deviceId, label: d.label })));
    world.log(`cameras: ${JSON.stringify(cameras)}`);
    assert(cameras.length >= 2, `Chromium exposes ${cameras.length} camera(s): is device-count=2 in scripts/kit/chromium.mjs?`);
    const before = await publishedCamera(alice.page);
    const other = cameras.find((c) => c.id !== before.deviceId);
    assert(before.deviceId && other, `published camera ${JSON.stringify(before)}`);
    await alice.page.evaluate(() => {
      window.__deviceEvents = [];
      document.querySelector('urbania-meeting').addEventListener("urbania-device-changed", (/** @type {any} */ e) => window.__deviceEvents.push({ ...e.detail, bubbles: e.bubbles, composed: e.composed }));
    });

    // 2. The switch, from the camera's menu in the control bar, with the keyboard.
    const chevrons = inMeeting(alice.page, 'device-menu-toggle');
    assert((await chevrons.count()) === 2, `device menus in the control bar: ${await chevrons.count()}`);
    const cameraMenu = chevrons.nth(1);
    assert((await cameraMenu.getAttribute('aria-label')) === 'Choisir la caméra', `camera menu named ${await cameraMenu.getAttribute('aria-label')}`);
    await cameraMenu.focus();
    await alice.page.keyboard.press('Enter');
    const option = inMeeting(alice.page, 'device-option').and(alice.page.locator(`[data-device-id="${other.id}"]`));
    await option.waitFor({ state: 'visible' });
    assert((await option.getAttribute('aria-checked')) === 'false', 'the other camera is not checked before the switch');
    await alice.page.keyboard.press('ArrowDown');
    assert(await option.evaluate((el) => el.getRootNode().activeElement === el), 'ArrowDown does not reach the other camera');
    const framesAtSwitch = await framesDecoded(bob.page, 'alice');
    await alice.page.keyboard.press('Enter');
    await alice.page.waitForFunction((id) => window.__deviceEvents.some((e) => e.kind === 'videoinput' && e.deviceId === id), other.id, { timeout: 15_000 });
    const after = await publishedCamera(alice.page);
    world.log(`camera ${before.deviceId.slice(0, 8)} → ${after.deviceId?.slice(0, 8)} (track ${before.sid} → ${after.sid}, ${after.state}); events ${JSON.stringify(await alice.page.evaluate(() => window.__deviceEvents))}`);
    assert(after.deviceId === other.id && after.state === 'live', `published camera after the switch: ${JSON.stringify(after)}`);
    const evt = await alice.page.evaluate(() => window.__deviceEvents.at(-1));
    assert(evt.bubbles && evt.composed, `event ${JSON.stringify(evt)}`);

    // 3. Bob keeps decoding Alice's video: frames decoded grow well past the switch.
    const framesAfterEvent = await framesDecoded(bob.page, 'alice');
    await bob.page.waitForFunction(async (base) => {
      const t = document.querySelector('urbania-meeting').livekitRoom.remoteParticipants.get('alice').getTrackPublication('camera').track;
      let f = 0;
      (await t.getRTCStatsReport())?.forEach((s) => { if (s.type === 'inbound-rtp') f += s.framesDecoded ?? 0; });
      return f > base + 30;
    }, framesAfterEvent, { timeout: 20_000, polling: 250 });
    world.log(`bob's framesDecoded of alice: ${framesAtSwitch} at the switch, ${framesAfterEvent} at the event, then > ${framesAfterEvent + 30}`);

    // 4. Remembered for the next join (the pre-join's stored choices).
    const stored = await alice.page.evaluate(() => JSON.parse(localStorage.getItem('urbania-meet:user-choices:v1') ?? '{}').videoDeviceId);
    assert(stored === other.id, `stored videoDeviceId ${stored}`);

    // 5. The statistics panel: real figures for what Alice sends and receives.
    await inMeeting(alice.page, 'stats-toggle').first().click();
    await inMeeting(alice.page, 'stats-panel').first().waitFor({ state: 'visible' });
    await alice.page.waitForFunction(() => {
      const tracks = window.__e2e.deepAll('[part~="stats-track"]');
      const ok = (dir) => tracks.some((t) => t.getAttribute('data-direction') === dir && t.getAttribute('data-source') === 'camera'
        && /\d/.test(t.querySelector('[data-figure="bitrate"]')?.textContent ?? '') && /\d/.test(t.querySelector('[data-figure="rtt"]')?.textContent ?? ''));
      return ok('send') && ok('receive');
    }, null, { timeout: 15_000, polling: 250 });
    const figures = await panelFigures(alice.page);
    world.log(`statistics panel: ${JSON.stringify(figures)}`);
    for (const dir of ['send', 'receive']) {
      const cam = figures.find((f) => f.direction === dir && f.source === 'camera');
      assert(number(cam.bitrate) > 0 && /bit\/s$/.test(cam.bitrate), `${dir} camera bitrate ${cam.bitrate}`);
      assert(/^\d+ × \d+/.test(cam.resolution) && number(cam.resolution) > 0, `${dir} camera resolution ${cam.resolution}`);
      assert(/^(VP8|VP9|H264|AV1)$/i.test(cam.codec), `${dir} camera codec ${cam.codec}`);
      assert(/^\d+ ms$/.test(cam.rtt), `${dir} camera round trip ${cam.rtt}`);
      assert(/^\d+(,\d)?\s?%$/.test(cam['packet-loss']), `${dir} camera packet loss ${cam['packet-loss']}`);
    }
    const mic = figures.find((f) => f.direction === 'send' && f.source === 'microphone');
    assert(mic && number(mic.bitrate) > 0 && /opus/i.test(mic.codec), `microphone sent: ${JSON.stringify(mic)}`);
    await world.screenshot(alice.page, 'room-stats-1280px');
    await alice.page.setViewportSize({ width: 360, height: 740 });
    await alice.page.waitForTimeout(1500);
    await world.screenshot(alice.page, 'room-stats-360px');
    await alice.page.setViewportSize({ width: 1280, height: 800 });
    // Closed: no more getStats (the panel leaves the page).
    await alice.page.keyboard.press('Escape');
    await inMeeting(alice.page, 'stats-panel').first().waitFor({ state: 'detached' });

    // 6. An audio room: setDevice('videoinput') is refused and no camera is ever asked for.
    const carol = await world.user('carol');
    const audioRoom = uniqueRoom('devices-audio');
    await startMeetingFromDashboard(world, carol, { room: audioRoom, callType: 'audio' });
    const gumBefore = await carol.page.evaluate(() => window.__e2e.gumCalls.length);
    const refused = await carol.page.evaluate(async (id) => {
      try {
        await document.querySelector('urbania-meeting').setDevice('videoinput', id);
        return { code: 'resolved' };
      } catch (e) {
        return { code: e.code, message: e.message };
      }
    }, other.id);
    const asked = await carol.page.evaluate((n) => window.__e2e.gumCalls.slice(n), gumBefore);
    const carolMedia = await carol.page.evaluate(() => ({
      live: window.__e2e.liveTracks(),
      camera: Boolean(document.querySelector('urbania-meeting').livekitRoom.localParticipant.getTrackPublication('camera')),
    }));
    world.log(`audio room: setDevice('videoinput') → ${JSON.stringify(refused)}; getUserMedia calls ${JSON.stringify(asked)}`);
    assert(refused.code === 'device_not_allowed', `audio room setDevice('videoinput'): ${JSON.stringify(refused)}`);
    assert(asked.length === 0, `setDevice asked getUserMedia for ${JSON.stringify(asked)}`);
    assert(!carolMedia.camera && carolMedia.live.every((t) => !t.startsWith('video:')), `the audio room has a camera: ${JSON.stringify(carolMedia)}`);
    assert((await inMeeting(carol.page, 'device-menu-toggle').count()) === 1, 'the audio room shows only the microphone/speaker menu');
  },
};
