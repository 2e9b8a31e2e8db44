// Host controls on the real SFU, from the host's own widget (participants panel, tiles): a webinar where Alice (host)
// invites Bob (audience) to speak — Bob publishes without rejoining and Alice decodes his video —, mutes his
// microphone (the SFU lists it muted), moves him back to the audience (the SFU stops his publications and his camera
// is released), locks the room (Carole's join is refused with a visible message), and removes Bob (the SFU drops
// him and his widget says the host removed him).
import { assert, expectRemoteVideoPlaying, inMeeting, joinRoomPage, sfuParticipants, startMeetingFromDashboard, uniqueRoom } from '../helpers.mjs';
import { connectionState } from '../pages.mjs';

/** Polls the SFU until `ok(bob)` holds for Bob's entry (or undefined when he is gone). */
async function untilSfu(world, room, ok, what, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    last = (await sfuParticipants(world, room)).find((p) => p.identity === 'bob');
    if (ok(last)) return last;
    if (Date.now() > deadline) throw new Error(`the SFU never showed ${what}: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

const MIC = 2; // livekit TrackSource.MICROPHONE
const CAMERA = 1;

export default {
  name: 'host-controls',
  title: 'host controls: promote (publishes live, decoded), mute, demote (SFU stops it), lock, remove (widget says why)',
  needsWidget: true,
  async run(world) {
    const room = uniqueRoom('host');
    const alice = await world.user('alice');
    const bob = await world.user('bob');
    await startMeetingFromDashboard(world, alice, { room, callType: 'webinar', invite: ['bob', 'carol'] });
    await joinRoomPage(world, bob, room);
    await expectRemoteVideoPlaying(bob.page, 'alice');
    assert((await inMeeting(bob.page, 'mic-toggle').count()) === 0, 'the audience has a microphone toggle');
    assert((await inMeeting(bob.page, 'host-actions').count()) === 0, 'a participant sees host actions');

    // Promote from the host's participants panel: Bob's widget offers the microphone, his camera toggle appears.
    await inMeeting(alice.page, 'people-toggle').first().click();
    const bobRow = alice.page.locator('urbania-meeting [part~="participant"][data-identity="bob"]');
    await bobRow.locator('[part~="host-promote"]').click();
    await inMeeting(bob.page, 'stage-role-notice').first().waitFor({ state: 'visible', timeout: 15_000 });
    await inMeeting(bob.page, 'stage-role-mic').first().click();
    await inMeeting(bob.page, 'camera-toggle').first().click();
    const connectedBefore = await connectionState(bob.page);
    assert(connectedBefore === 'connected', `Bob is ${connectedBefore} after the promotion`);
    const published = await untilSfu(world, room, (b) => b?.canPublish && b.tracks.some((t) => t.source === MIC) && b.tracks.some((t) => t.source === CAMERA), 'Bob publishing microphone and camera');
    world.log(`after promote, Bob at the SFU: ${JSON.stringify(published)}`);
    await expectRemoteVideoPlaying(alice.page, 'bob');
    await world.screenshot(alice.page, 'host-controls');

    // Mute his microphone from his tile: the SFU lists the track muted.
    await alice.page.locator('urbania-meeting [part~="tile"][data-identity="bob"] [part~="tile-host-mute"]').click();
    const muted = await untilSfu(world, room, (b) => b?.tracks.some((t) => t.source === MIC && t.muted), 'Bob’s microphone muted');
    world.log(`after mute: ${JSON.stringify(muted.tracks)}`);

    // Demote: the SFU stops his publications, his widget loses the controls and releases the camera.
    await bobRow.locator('[part~="host-demote"]').click();
    const demoted = await untilSfu(world, room, (b) => b && b.canPublish === false && b.tracks.length === 0, 'Bob without publications');
    world.log(`after demote: ${JSON.stringify(demoted)}`);
    await bob.page.locator('urbania-meeting [part~="stage-role-notice"][data-change="demoted"]').waitFor({ timeout: 15_000 });
    await bob.page.waitForFunction(() => window.__e2e.liveTracks().filter((t) => t.startsWith('video')).length === 0, null, { timeout: 10_000 }).catch(async () => {
      throw new Error(`Bob's camera still captured after the demotion: ${JSON.stringify(await bob.page.evaluate(() => window.__e2e.liveTracks()))}`);
    });
    assert((await connectionState(bob.page)) === 'connected', 'Bob was disconnected by the demotion');

    // Lock: Carole, invited, cannot join and is told why.
    await inMeeting(alice.page, 'host-lock-toggle').first().click();
    await alice.page.locator('urbania-meeting [part~="host-lock-toggle"][aria-pressed="true"]').waitFor({ timeout: 10_000 });
    const carol = await world.user('carol');
    await carol.page.goto(`${world.stack.demoUrl}/meeting/room?room=${encodeURIComponent(room)}`, { waitUntil: 'domcontentloaded' });
    const error = inMeeting(carol.page, 'error').first();
    await error.waitFor({ state: 'visible', timeout: 20_000 });
    const text = (await error.textContent())?.trim() ?? '';
    world.log(`Carole's widget: ${text}`);
    assert(/verrouillé/.test(text), `Carole's error does not say the room is locked: ${text}`);
    assert(!(await sfuParticipants(world, room)).some((p) => p.identity === 'carol'), 'Carole reached the SFU of a locked room');

    // Remove, with its confirmation: the SFU drops Bob, whose widget says the host removed him.
    await bobRow.locator('[part~="host-remove"]').click();
    await alice.page.locator('urbania-meeting [part~="host-remove-confirm"]').click();
    await untilSfu(world, room, (b) => b === undefined, 'Bob gone');
    await bob.page.waitForFunction(() => document.querySelector('urbania-meeting')?.getAttribute('connection-state') === 'disconnected', null, { timeout: 15_000 });
    const status = (await inMeeting(bob.page, 'connection-status').first().textContent())?.trim();
    world.log(`Bob's status: ${status}`);
    assert(/un hôte vous a retiré/.test(status ?? ''), `Bob's widget does not say the host removed him: ${status}`);
    await world.screenshot(bob.page, 'removed-by-host');
  },
};
