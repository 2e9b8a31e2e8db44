// Disconnected by the server: the SFU removes Bob (RoomService.RemoveParticipant, as a moderator tool would).
// Bob's element says `connection-state="disconnected"`, fires `urbania-left` with a reason, shows the rejoin
// button, and rejoining works.
import { RoomServiceClient } from 'livekit-server-sdk';
import { assert, expectRemoteVideoPlaying, inMeeting, joinRoomPage, startMeetingFromDashboard, uniqueRoom } from '../helpers.mjs';
import { connectionState, waitConnected } from '../pages.mjs';

export default {
  name: 'removed-by-server',
  title: 'removed by the server: disconnected state with a reason, rejoin works',
  needsWidget: true,
  async run(world) {
    const room = uniqueRoom('removed');
    const alice = await world.user('alice');
    const bob = await world.user('bob');
    await startMeetingFromDashboard(world, alice, { room, callType: 'video', invite: ['bob'] });
    await joinRoomPage(world, bob, room);
    await expectRemoteVideoPlaying(alice.page, 'bob');
    await bob.page.evaluate(() => {
      window.__left = null;
      document.querySelector('urbania-meeting').addEventListener('urbania-left', (e) => (window.__left = e.detail));
    });

    const rooms = new RoomServiceClient(world.stack.livekitHttpUrl, world.stack.apiKey, world.stack.apiSecret);
    await rooms.removeParticipant(room, 'bob');

    await bob.page.waitForFunction(() => window.__left !== null, null, { timeout: 15_000 }).catch(() => {
      throw new Error('no urbania-left event after the server removed the participant');
    });
    const left = await bob.page.evaluate(() => window.__left);
    world.log(`urbania-left detail: ${JSON.stringify(left)}`);
    assert(left.reason && typeof left.reason === 'string', `urbania-left without a reason: ${JSON.stringify(left)}`);
    const state = await connectionState(bob.page);
    assert(state === 'disconnected', `connection-state is ${state} after removal`);
    await inMeeting(bob.page, 'rejoin-button').first().waitFor({ state: 'visible', timeout: 10_000 });
    const live = await bob.page.evaluate(() => window.__e2e.liveTracks());
    world.log(`capture tracks still live after the server removal: ${JSON.stringify(live)}`);
    assert(live.length === 0, `camera/microphone still captured after being removed: ${JSON.stringify(live)}`);

    await inMeeting(bob.page, 'rejoin-button').first().click();
    await waitConnected(bob.page, { clickJoin: false });
    await expectRemoteVideoPlaying(bob.page, 'alice');
    await expectRemoteVideoPlaying(alice.page, 'bob');
  },
};
