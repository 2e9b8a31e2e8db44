// Invite: Alice is in a call; Bob, not signed in yet, opens the invite link shown on Alice's room page, signs in
// (and comes back to the invite), sees the room's information, clicks "Rejoindre maintenant" and is in the call.
import { assert, expectRemoteVideoPlaying, inMeeting, startMeetingFromDashboard, uniqueRoom } from '../helpers.mjs';
import { waitConnected } from '../pages.mjs';

export default {
  name: 'invite',
  title: 'invite: link → room information → "Rejoindre maintenant" → in the call',
  needsWidget: true,
  async run(world) {
    const room = uniqueRoom('invite');
    const alice = await world.user('alice');
    const bob = await world.user('bob', { signIn: false });
    await startMeetingFromDashboard(world, alice, { room, callType: 'video', invite: ['bob'] });
    const link = await alice.page.inputValue('#invite-link');
    assert(link === `${world.stack.demoUrl}/meeting/invite?room=${room}`, `invite link is ${JSON.stringify(link)}`);

    await bob.page.goto(link);
    await bob.page.waitForURL((u) => u.pathname === '/' && u.searchParams.get('next') === `/meeting/invite?room=${room}`);
    await bob.page.click('button[data-user-id="bob"]');
    await bob.page.waitForURL((u) => u.pathname === '/meeting/invite' && u.searchParams.get('room') === room);
    await inMeeting(bob.page, 'invite').first().waitFor({ state: 'visible' });
    const info = inMeeting(bob.page, 'invite-info').first();
    await info.waitFor({ state: 'visible' });
    await bob.page.waitForFunction(
      ([room]) => {
        const el = window.__e2e.deepAll('[part~="invite-info"]')[0];
        return el && el.textContent.includes(room) && el.textContent.includes('Alice');
      },
      [room],
      { timeout: 15_000 },
    ).catch(async () => {
      throw new Error(`invite-info does not name the room and its creator: ${JSON.stringify(await info.textContent())}`);
    });
    // Alice is in the call now: the invite should say so once the service knows (webhook).
    const text = await info.textContent();
    world.log(`invite-info: ${text.replace(/\s+/g, ' ').trim()}`);
    await bob.page.waitForTimeout(300);
    await world.screenshot(bob.page, 'invite');
    const join = inMeeting(bob.page, 'join-button').first();
    assert((await join.textContent()).includes('Rejoindre maintenant'), `join button says ${JSON.stringify(await join.textContent())}`);
    await join.click();
    await waitConnected(bob.page, { clickJoin: false });
    await inMeeting(bob.page, 'room').first().waitFor({ state: 'visible' });
    await expectRemoteVideoPlaying(bob.page, 'alice');
    await expectRemoteVideoPlaying(alice.page, 'bob');
  },
};
