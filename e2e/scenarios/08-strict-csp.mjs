// The widget under the demo's strict Content-Security-Policy: no violation of any directive (script, connect,
// style attributes included) on the pre-join page, in a call and on the invite page. Style-attribute violations
// do not stop a call, but they silently drop layout (e.g. the grid's column count): they count here.
import { assert, cspViolations, expectRemoteVideoPlaying, inMeeting, startMeetingFromDashboard, uniqueRoom } from '../helpers.mjs';
import { waitConnected } from '../pages.mjs';

export default {
  name: 'strict-csp',
  title: 'strict CSP: no violation of any directive in pre-join, room and invite',
  needsWidget: true,
  async run(world) {
    const room = uniqueRoom('csp');
    const alice = await world.user('alice');
    const bob = await world.user('bob');
    await startMeetingFromDashboard(world, alice, { room, callType: 'video', invite: ['bob'] });
    await bob.page.goto(`${world.stack.demoUrl}/meeting/invite?room=${room}`);
    await inMeeting(bob.page, 'invite-info').first().waitFor({ state: 'visible' });
    await inMeeting(bob.page, 'join-button').first().click();
    await waitConnected(bob.page, { clickJoin: false });
    await expectRemoteVideoPlaying(alice.page, 'bob');
    const found = [];
    for (const u of [alice, bob]) {
      const v = await cspViolations(u.page);
      for (const x of [...v.blocking, ...v.style]) found.push(`${u.id}: ${x.directive} blocked ${x.blocked} (${x.source?.split('/').pop() ?? '?'})`);
    }
    const unique = [...new Set(found)];
    assert(unique.length === 0, `CSP violations: ${unique.join('; ')}`);
  },
};
