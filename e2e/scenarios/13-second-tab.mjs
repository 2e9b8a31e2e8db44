// The same person opening the call in a second tab: the second tab asks first ("already in this call"), the first
// stays in the call meanwhile; "Continuer ici" moves the call (LiveKit drops the older session with
// DUPLICATE_IDENTITY) and the first tab says the call continued in another tab. Bob decodes Alice's video throughout.
import { assert, expectRemoteVideoPlaying, inMeeting, joinRoomPage, sfuParticipants, startMeetingFromDashboard, uniqueRoom } from '../helpers.mjs';
import { SESSION_KEY, connectionState, waitConnected } from '../pages.mjs';

export default {
  name: 'second-tab',
  title: 'same user in a second tab: asked first, "continue here" moves the call, the first tab says why',
  needsWidget: true,
  async run(world) {
    const room = uniqueRoom('tabs');
    const alice = await world.user('alice');
    const bob = await world.user('bob');
    await startMeetingFromDashboard(world, alice, { room, callType: 'video', invite: ['bob'] });
    await joinRoomPage(world, bob, room);
    await expectRemoteVideoPlaying(bob.page, 'alice');

    // A second tab of the same signed-in person (the demo keeps its session per tab, in sessionStorage).
    const session = await alice.page.evaluate((key) => sessionStorage.getItem(key), SESSION_KEY);
    const tab2 = await alice.context.newPage();
    tab2.on('console', (m) => { if (m.type() !== 'debug') world.log(`[alice tab 2 console.${m.type()}] ${m.text()}`); });
    tab2.on('response', async (r) => {
      if (r.url().endsWith('/join')) world.log(`tab 2 /join → ${r.status()} connected=${JSON.stringify((await r.json().catch(() => ({})))?.room?.connected)}`);
    });
    await tab2.addInitScript(([key, value]) => sessionStorage.setItem(key, value), [SESSION_KEY, session]);
    await tab2.goto(`${world.stack.demoUrl}/meeting/room?room=${encodeURIComponent(room)}`, { waitUntil: 'domcontentloaded' });
    const asked = tab2.locator('urbania-meeting [part~="error"][data-code="already_in_call"]');
    const join = tab2.locator('urbania-meeting [part~="join-button"]').first();
    await asked.or(join).first().waitFor({ state: 'visible', timeout: 20_000 });
    if (await join.isVisible()) await join.click();
    await asked.waitFor({ state: 'visible', timeout: 20_000 });
    world.log(`tab 2 asks: ${(await asked.textContent())?.trim()}`);
    const continueHere = tab2.locator('urbania-meeting [part~="rejoin-button"][data-action="continue-here"]');
    assert((await continueHere.textContent())?.trim() === 'Continuer ici', 'no "Continuer ici" button');
    // Meanwhile the first tab is still in the call.
    assert((await connectionState(alice.page)) === 'connected', 'the first tab dropped before the person chose');
    assert((await sfuParticipants(world, room)).filter((p) => p.identity === 'alice').length === 1, 'alice not in the call once');
    await world.screenshot(tab2, 'second-tab-choice');

    await continueHere.click();
    await waitConnected(tab2, { clickJoin: false });
    await alice.page.waitForFunction(() => document.querySelector('urbania-meeting')?.getAttribute('connection-state') === 'disconnected', null, { timeout: 15_000 });
    const status = (await inMeeting(alice.page, 'connection-status').first().textContent())?.trim() ?? '';
    world.log(`first tab: ${status}`);
    assert(/continué dans un autre onglet/.test(status), `the first tab does not say the call continued elsewhere: ${status}`);
    // Bob's page may still show the first tab's video for a moment: wait until the Alice it sees is the second tab's
    // session (a new participant sid), or the check below could sample the old video and then the new one.
    const tab2Sid = await tab2.evaluate(() => /** @type {any} */ (document.querySelector('urbania-meeting'))?.livekitRoom?.localParticipant?.sid);
    assert(tab2Sid, 'the second tab has no participant sid');
    await bob.page.waitForFunction(
      (sid) => /** @type {any} */ (document.querySelector('urbania-meeting'))?.livekitRoom?.remoteParticipants?.get('alice')?.sid === sid,
      tab2Sid,
      { timeout: 15_000 },
    );
    await expectRemoteVideoPlaying(bob.page, 'alice');
    await expectRemoteVideoPlaying(tab2, 'bob');
    const atSfu = (await sfuParticipants(world, room)).filter((p) => p.identity === 'alice');
    assert(atSfu.length === 1, `alice is at the SFU ${atSfu.length} times`);
  },
};
