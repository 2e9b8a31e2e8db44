// Host tools inside the call: Alice starts a meeting that invites nobody, opens the invite panel from the control bar
// and creates a link (axe-core finds no violation with the panel open; screenshots at 1280 and 360 px); Bob, neither
// creator nor invited, opens the link's invite view, joins, and each decodes the other's video. Alice then ends the
// call for everyone from the control bar (with its confirmation): the SFU drops the room, Bob's page says the host
// ended it, without a rejoin button, and fires `urbania-left` with reason `room_deleted`.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { assert, clickControl, controlBarRows, expectRemoteVideoPlaying, inMeeting, sfuParticipants, startMeetingFromDashboard, uniqueRoom } from '../helpers.mjs';
import { connectionState, waitConnected } from '../pages.mjs';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

async function axeViolations(page) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(AXE);
  return page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, help: v.help, targets: v.nodes.slice(0, 3).map((n) => n.target.join(' > ')) }));
  });
}

const text = async (locator) => ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim();

export default {
  name: 'host-tools',
  title: 'host tools: invite link made in the call → a stranger joins with it and is decoded; end for everyone → the others see the host ended it',
  needsWidget: true,
  async run(world) {
    const room = uniqueRoom('hosttools');
    const alice = await world.user('alice', { viewport: { width: 1280, height: 800 } });
    await startMeetingFromDashboard(world, alice, { room, callType: 'video', invite: [] });

    // The invite panel, from the control bar (hosts only).
    await inMeeting(alice.page, 'invites-toggle').first().click();
    await inMeeting(alice.page, 'invites-panel').first().waitFor({ state: 'visible' });
    await inMeeting(alice.page, 'invites-create').first().click();
    const urlInput = inMeeting(alice.page, 'invites-url').first();
    await urlInput.waitFor({ state: 'visible', timeout: 15_000 });
    const link = await urlInput.inputValue();
    const parsed = new URL(link);
    world.log(`invite link: ${parsed.origin}${parsed.pathname}?room=${parsed.searchParams.get('room')}&invite=(${parsed.searchParams.get('invite')?.length} chars)`);
    assert(parsed.pathname === '/meeting/invite' && parsed.searchParams.get('room') === room, `the link is ${link}`);
    assert((parsed.searchParams.get('invite') ?? '').length >= 22, 'the link carries no secret');
    await inMeeting(alice.page, 'invites-copy').first().click();
    const status = inMeeting(alice.page, 'invites-copy-status').first();
    await alice.page.waitForFunction(() => window.__e2e.deepAll('[part~="invites-copy-status"]')[0]?.dataset.status, null, { timeout: 5000 });
    world.log(`copy: ${await status.getAttribute('data-status')} — ${await text(status)}`);
    assert((await inMeeting(alice.page, 'invites-item').count()) === 1, 'the panel lists no link');
    const violations = await axeViolations(alice.page);
    assert(violations.length === 0, `axe with the invite panel open: ${JSON.stringify(violations, null, 1)}`);
    await world.screenshot(alice.page, 'room-invites-1280px');
    await alice.page.setViewportSize({ width: 360, height: 740 });
    await alice.page.waitForTimeout(400);
    const narrow = await axeViolations(alice.page);
    assert(narrow.length === 0, `axe with the invite panel open at 360 px: ${JSON.stringify(narrow, null, 1)}`);
    await world.screenshot(alice.page, 'room-invites-360px');
    // At 360 px the bar keeps one row: the host's other controls are in its "More options" menu.
    assert((await controlBarRows(alice.page)) === 1, `the 360 px control bar has ${await controlBarRows(alice.page)} rows`);
    await inMeeting(alice.page, 'invites-close').first().click();
    await inMeeting(alice.page, 'invites-panel').first().waitFor({ state: 'detached' });
    const focusedPart = () => alice.page.evaluate(() => window.__e2e.deepAll('[part~="controls"]')[0]?.getRootNode().activeElement?.getAttribute('part'));
    assert((await focusedPart()) === 'more-button', `closing the panel left the focus on ${await focusedPart()}, not on "More options"`);
    await alice.page.keyboard.press('Enter');
    const menu = inMeeting(alice.page, 'more-menu').first();
    await menu.waitFor({ state: 'visible' });
    const items = await menu.evaluate((m) => [...m.querySelectorAll('[role^="menuitem"]')].map((i) => i.getAttribute('part')));
    world.log(`"More options" at 360 px: ${JSON.stringify(items)}`);
    assert(items.includes('invites-toggle') && items.includes('end-call-button'), `the menu holds ${JSON.stringify(items)}`);
    assert((await focusedPart()) === items[0], `the menu opened with the focus on ${await focusedPart()}`);
    const withMenu = await axeViolations(alice.page);
    assert(withMenu.length === 0, `axe with the "More options" menu open at 360 px: ${JSON.stringify(withMenu, null, 1)}`);
    await world.screenshot(alice.page, 'room-more-menu-360px');
    await alice.page.keyboard.press('Escape');
    await menu.waitFor({ state: 'detached' });
    assert((await focusedPart()) === 'more-button', `Escape left the focus on ${await focusedPart()}`);
    // The menu's item opens the same panel as the wide bar's button.
    assert((await clickControl(alice.page, 'invites-toggle')) === 'menu', 'the invite toggle is in the 360 px bar');
    await inMeeting(alice.page, 'invites-item').first().waitFor({ state: 'visible' });
    await alice.page.setViewportSize({ width: 1280, height: 800 });
    await inMeeting(alice.page, 'invites-close').first().click();

    // Bob is neither creator nor invited: the link alone lets him in.
    const bob = await world.user('bob');
    await bob.page.goto(`${world.stack.demoUrl}/meeting/invite${parsed.search}`, { waitUntil: 'domcontentloaded' });
    await inMeeting(bob.page, 'join-button').first().waitFor({ state: 'visible' });
    await waitConnected(bob.page, { clickJoin: true });
    await expectRemoteVideoPlaying(bob.page, 'alice');
    await expectRemoteVideoPlaying(alice.page, 'bob');
    assert((await sfuParticipants(world, room)).some((p) => p.identity === 'bob'), 'the SFU does not list bob');
    // A participant who is not a host sees neither control.
    assert((await inMeeting(bob.page, 'invites-toggle').count()) === 0, 'bob sees the invite toggle');
    assert((await inMeeting(bob.page, 'end-call-button').count()) === 0, 'bob sees "end for everyone"');

    // Alice ends the call for everyone.
    await bob.page.evaluate(() => {
      window.__left = undefined;
      document.querySelector('urbania-meeting').addEventListener('urbania-left', (e) => { window.__left = e.detail; }, { once: true });
    });
    await inMeeting(alice.page, 'end-call-button').first().click();
    const dialog = inMeeting(alice.page, 'end-call-dialog').first();
    await dialog.waitFor({ state: 'visible' });
    await world.screenshot(alice.page, 'room-end-call');
    await inMeeting(alice.page, 'end-call-confirm').first().click();
    await bob.page.waitForFunction(() => window.__left, null, { timeout: 15_000 });
    const left = await bob.page.evaluate(() => window.__left);
    world.log(`bob urbania-left ${JSON.stringify(left)}`);
    assert(left.reason === 'room_deleted' && left.room === room, `bob's urbania-left is ${JSON.stringify(left)}`);
    assert((await connectionState(bob.page)) === 'disconnected', 'bob is not disconnected');
    const said = await text(inMeeting(bob.page, 'connection-status').first());
    world.log(`bob sees: ${said}`);
    assert(/un hôte a mis fin à l’appel pour tous/.test(said), `bob's page says ${JSON.stringify(said)}`);
    assert((await inMeeting(bob.page, 'rejoin-button').count()) === 0, 'bob is offered a rejoin that cannot work');
    await world.screenshot(bob.page, 'room-ended-by-host');
    const after = await sfuParticipants(world, room).catch(() => []);
    assert(after.length === 0, `the SFU still lists ${after.map((p) => p.identity)}`);
  },
};
