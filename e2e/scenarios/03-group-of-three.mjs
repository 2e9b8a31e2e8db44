// Seed Test 3: a group of three. Every page shows the two others' video; screenshots of the room of three and
// of a 360 px wide room.
import { assert, expectRemoteVideoPlaying, joinRoomPage, startMeetingFromDashboard, uniqueRoom } from '../helpers.mjs';

export default {
  name: 'group-of-three',
  title: 'seed Test 3: group of three, each page shows the two others',
  needsWidget: true,
  async run(world) {
    const room = uniqueRoom('group');
    const alice = await world.user('alice');
    const bob = await world.user('bob');
    const carol = await world.user('carol');
    await startMeetingFromDashboard(world, alice, { room, callType: 'video', invite: ['bob', 'carol'] });
    await Promise.all([joinRoomPage(world, bob, room), joinRoomPage(world, carol, room)]);
    const users = [alice, bob, carol];
    for (const u of users) {
      for (const other of users.filter((x) => x !== u)) await expectRemoteVideoPlaying(u.page, other.id);
    }
    await world.screenshot(alice.page, 'room-of-three');

    // The same room in a 360 px wide window: laid out by the element's own size, nothing overflows sideways.
    await carol.page.setViewportSize({ width: 360, height: 780 });
    await carol.page.waitForTimeout(800);
    const layout = await carol.page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      elementWidth: document.querySelector('urbania-meeting').getBoundingClientRect().width,
      visibleTiles: window.__e2e.deepAll('[part~="tile"]').filter((t) => {
        const r = t.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && r.left >= -1 && r.right <= 361;
      }).length,
    }));
    world.log(`360 px layout: ${JSON.stringify(layout)}`);
    await world.screenshot(carol.page, 'room-360px');
    assert(layout.scrollWidth <= 362, `the 360 px page scrolls sideways (scrollWidth ${layout.scrollWidth})`);
    assert(layout.visibleTiles >= 1, 'no tile visible at 360 px');
    await expectRemoteVideoPlaying(carol.page, 'alice').catch(() => expectRemoteVideoPlaying(carol.page, 'bob'));

    // A 360 px sidebar in a wide window: the element lays itself out by its own width (container queries), not
    // by the viewport's.
    await alice.page.evaluate(() => {
      const el = document.querySelector('urbania-meeting');
      el.style.width = '360px';
      el.style.marginLeft = 'auto';
    });
    await alice.page.waitForTimeout(800);
    const sidebar = await alice.page.evaluate(() => {
      const el = document.querySelector('urbania-meeting');
      const box = el.getBoundingClientRect();
      const tiles = window.__e2e.deepAll('[part~="tile"]').map((t) => t.getBoundingClientRect());
      const inner = window.__e2e.deepAll('*', el.shadowRoot).reduce((m, n) => Math.max(m, n.getBoundingClientRect().right), 0);
      return {
        width: box.width,
        tiles: tiles.length,
        tilesInside: tiles.filter((r) => r.width > 0 && r.left >= box.left - 1 && r.right <= box.right + 1).length,
        overflowRight: Math.round(inner - box.right),
      };
    });
    world.log(`360 px sidebar in a 1100 px window: ${JSON.stringify(sidebar)}`);
    await world.screenshot(alice.page, 'room-360px-sidebar');
    assert(sidebar.tilesInside >= 1 && sidebar.tilesInside === sidebar.tiles, `tiles overflow the 360 px element: ${JSON.stringify(sidebar)}`);
    assert(sidebar.overflowRight <= 1, `content sticks out of the 360 px element by ${sidebar.overflowRight} px`);
  },
};
