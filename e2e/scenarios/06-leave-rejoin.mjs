// Leave (camera and microphone released) and rejoin; then removing the element (single-page app navigation) disconnects and releases the camera.
import { assert, expectRemoteVideoPlaying, inMeeting, joinRoomPage, startMeetingFromDashboard, uniqueRoom } from '../helpers.mjs';
import { connectionState, waitConnected } from '../pages.mjs';

const remoteIdentities = (page) =>
  page.evaluate(() => [...(document.querySelector('urbania-meeting')?.livekitRoom?.remoteParticipants?.keys() ?? [])]);

export default {
  name: 'leave-rejoin',
  title: 'leave, rejoin, and removing the element releases the camera',
  needsWidget: true,
  async run(world) {
    const room = uniqueRoom('leave');
    const alice = await world.user('alice');
    const bob = await world.user('bob');
    await startMeetingFromDashboard(world, alice, { room, callType: 'video', invite: ['bob'] });
    await joinRoomPage(world, bob, room);
    await expectRemoteVideoPlaying(alice.page, 'bob');

    await inMeeting(bob.page, 'leave-button').first().click();
    await inMeeting(bob.page, 'rejoin-button').first().waitFor({ state: 'visible', timeout: 15_000 });
    const afterLeave = await connectionState(bob.page);
    assert(afterLeave === 'disconnected' || afterLeave === 'idle', `after leaving, connection-state=${afterLeave}`);
    await alice.page.waitForFunction(
      () => !document.querySelector('urbania-meeting').livekitRoom.remoteParticipants.has('bob'),
      null,
      { timeout: 15_000 },
    );
    const liveAfterLeave = await bob.page.evaluate(() => window.__e2e.liveTracks());
    world.log(`bob's live capture tracks after leaving: ${JSON.stringify(liveAfterLeave)}`);
    assert(liveAfterLeave.length === 0, `after leaving, camera/microphone still captured: ${JSON.stringify(liveAfterLeave)}`);

    await inMeeting(bob.page, 'rejoin-button').first().click();
    await waitConnected(bob.page, { clickJoin: true });
    await expectRemoteVideoPlaying(alice.page, 'bob');
    await expectRemoteVideoPlaying(bob.page, 'alice');
    assert((await remoteIdentities(bob.page)).includes('alice'), 'after rejoining, bob does not see alice');

    // Remove the element, as a single-page app does when it navigates away.
    const live = await bob.page.evaluate(() => window.__e2e.liveTracks());
    assert(live.some((t) => t.startsWith('video:')), `before removal bob has no live camera track (${JSON.stringify(live)})`);
    await bob.page.evaluate(() => document.querySelector('urbania-meeting').remove());
    await bob.page
      .waitForFunction(() => window.__e2e.liveTracks().length === 0, null, { timeout: 10_000, polling: 100 })
      .catch(async () => {
        throw new Error(`after removing the element these capture tracks are still live: ${JSON.stringify(await bob.page.evaluate(() => window.__e2e.liveTracks()))}`);
      });
    await alice.page.waitForFunction(
      () => !document.querySelector('urbania-meeting').livekitRoom.remoteParticipants.has('bob'),
      null,
      { timeout: 15_000 },
    ).catch(() => {
      throw new Error('after bob removed the element, alice still sees bob in the room');
    });
  },
};
