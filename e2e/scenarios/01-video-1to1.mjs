// Seed Test 1: 1-to-1 video. Alice creates the room from the dashboard and invites Bob; Bob opens the room;
// each side's remote tile plays the other's video.
import { assert, expectNoCspViolation, expectRemoteVideoPlaying, joinRoomPage, startMeetingFromDashboard, uniqueRoom } from '../helpers.mjs';

export default {
  name: 'video-1to1',
  title: 'seed Test 1: 1-to-1 video, each side plays the other',
  needsWidget: true,
  async run(world) {
    const room = uniqueRoom('video');
    const alice = await world.user('alice');
    const bob = await world.user('bob');
    await startMeetingFromDashboard(world, alice, { room, callType: 'video', invite: ['bob'], screenshot: 'prejoin' });
    const link = await alice.page.inputValue('#invite-link');
    assert(link.endsWith(`/meeting/invite?room=${room}`), `room page shows invite link ${JSON.stringify(link)}`);
    // "Copier le lien" puts it on the clipboard. Chromium's grantPermissions denies every permission it does not
    // list for the origin, and revoking the camera and microphone ends Alice's live tracks: list them too.
    await alice.context.grantPermissions(['clipboard-read', 'clipboard-write', 'camera', 'microphone'], { origin: world.stack.demoUrl });
    await alice.page.click('#copy-invite');
    await alice.page.locator('#copy-status', { hasText: 'copié' }).waitFor({ timeout: 5000 });
    const copied = await alice.page.evaluate(() => navigator.clipboard.readText());
    assert(copied === link, `clipboard holds ${JSON.stringify(copied)}`);
    await joinRoomPage(world, bob, room);
    const seenByBob = await expectRemoteVideoPlaying(bob.page, 'alice');
    const seenByAlice = await expectRemoteVideoPlaying(alice.page, 'bob');
    world.log(`bob sees alice ${JSON.stringify(seenByBob)}; alice sees bob ${JSON.stringify(seenByAlice)}`);
    await expectNoCspViolation(world, alice);
    await expectNoCspViolation(world, bob);
  },
};
