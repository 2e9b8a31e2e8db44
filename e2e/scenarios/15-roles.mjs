// Who is who, on the real SFU. Alice creates a room with a waiting room, inviting Bob, and an invite link; Bob joins;
// Carole knocks with the link and Alice admits her. Alice's participants panel marks Carole "invité" (with its
// tooltip) and herself "hôte", Bob (invited) nothing; Carole's tile says it too; axe finds no violation with the panel
// open. Alice makes Bob co-host from the panel: Bob's page, without rejoining (the same livekit Room, still
// connected), gets the host controls and the "co-hôte" mark; he mutes Carole's microphone (the SFU lists it muted) and
// admits David, who knocks with the link (the SFU lists David). Alice takes co-hosting back: Bob's controls go.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { serviceApi as api, assert, inMeeting, joinRoomPage, sfuParticipants, tokenOf, uniqueRoom } from '../helpers.mjs';
import { connectionState, waitConnected } from '../pages.mjs';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const MIC = 2; // livekit TrackSource.MICROPHONE


/** Polls the SFU until `ok(entry)` holds for `identity`'s entry (undefined when absent). */
async function untilSfu(world, room, identity, ok, what, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    last = (await sfuParticipants(world, room)).find((p) => p.identity === identity);
    if (ok(last)) return last;
    if (Date.now() > deadline) throw new Error(`the SFU never showed ${what}: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function axeViolations(page) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(AXE);
  return page.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] })).violations
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' > ')).join(' | ')}`));
}

const row = (page, identity) => page.locator(`urbania-meeting [part~="participant"][data-identity="${identity}"]`);
const markText = async (page, identity) => ((await row(page, identity).locator('[part~="participant-role"]').allTextContents())[0] ?? '').trim();

export default {
  name: 'roles',
  title: 'who is who: the guest mark for an invite-link user; a co-host made live gets the host controls, mutes (SFU) and admits a knock',
  needsWidget: true,
  async run(world) {
    const room = uniqueRoom('roles');
    const alice = await world.user('alice', { viewport: { width: 1280, height: 800 } });
    const aliceToken = await tokenOf(alice.page);
    const created = await api(world, aliceToken, 'POST', '/api/livekit/rooms', { room_name: room, participants: ['bob'], waiting_room: true });
    assert(created.status === 201, `create answered ${created.status} ${JSON.stringify(created.json)}`);
    const link = await api(world, aliceToken, 'POST', `/api/livekit/rooms/${room}/invites`, { role: 'participant' });
    assert(link.status === 201, `invite answered ${link.status}`);
    const invitePath = `/meeting/invite${new URL(link.json.url).search}`;
    await joinRoomPage(world, alice, room);
    const bob = await world.user('bob', { viewport: { width: 1280, height: 800 } });
    await joinRoomPage(world, bob, room);

    // Carole comes by the invite link; Alice admits her.
    const carol = await world.user('carol');
    await carol.page.goto(`${world.stack.demoUrl}${invitePath}`, { waitUntil: 'domcontentloaded' });
    await inMeeting(carol.page, 'join-button').first().click();
    const knock = inMeeting(alice.page, 'lobby-knock').filter({ hasText: 'Carole' }).first();
    await knock.waitFor({ state: 'visible', timeout: 15_000 });
    await knock.locator('[part~="admit-button"]').click();
    await waitConnected(carol.page, { clickJoin: false, timeoutMs: 30_000 });
    await untilSfu(world, room, 'carol', (c) => c?.tracks.some((t) => t.source === MIC && !t.muted), 'Carole’s live microphone');

    // Alice's panel: Carole "invité" with its tooltip, Alice "hôte", Bob (invited) nothing.
    await inMeeting(alice.page, 'people-toggle').first().click();
    const guestMark = row(alice.page, 'carol').locator('[part~="participant-role"]');
    await guestMark.waitFor({ state: 'visible', timeout: 10_000 });
    assert((await guestMark.textContent())?.trim() === 'invité', `Carole's mark: ${await guestMark.textContent()}`);
    assert((await guestMark.getAttribute('title')) === 'Entré par un lien d’invitation', `tooltip: ${await guestMark.getAttribute('title')}`);
    assert((await markText(alice.page, 'alice')) === 'hôte', `Alice's mark: ${await markText(alice.page, 'alice')}`);
    assert((await row(alice.page, 'bob').locator('[part~="participant-role"]').count()) === 0, 'Bob, invited, has a mark');
    const tileLabel = await alice.page.locator('urbania-meeting [part~="tile"][data-identity="carol"]').getAttribute('aria-label');
    assert(/\(invité\)$/.test(tileLabel ?? ''), `Carole's tile is named ${JSON.stringify(tileLabel)}`);
    const violations = await axeViolations(alice.page);
    assert(violations.length === 0, `axe, panel open: ${violations.join('; ')}`);
    await world.screenshot(alice.page, 'roles-host-panel');

    // Bob, before: no host controls.
    await inMeeting(bob.page, 'people-toggle').first().click();
    await row(bob.page, 'carol').waitFor({ state: 'visible', timeout: 10_000 });
    assert((await inMeeting(bob.page, 'host-lock-toggle').count()) === 0, 'Bob has host controls before being co-host');
    await bob.page.evaluate(() => { window.__roomBefore = document.querySelector('urbania-meeting').livekitRoom; });

    // Alice makes Bob co-host: his page follows live, in the same call.
    await row(alice.page, 'bob').locator('[part~="host-make-co-host"]').click();
    await row(alice.page, 'bob').locator('[part~="host-remove-co-host"]').waitFor({ timeout: 10_000 });
    assert((await markText(alice.page, 'bob')) === 'co-hôte', `Bob's mark on Alice's page: ${await markText(alice.page, 'bob')}`);
    await inMeeting(bob.page, 'host-lock-toggle').first().waitFor({ state: 'visible', timeout: 15_000 });
    const sameRoom = await bob.page.evaluate(() => document.querySelector('urbania-meeting').livekitRoom === window.__roomBefore);
    assert(sameRoom && (await connectionState(bob.page)) === 'connected', 'Bob rejoined to become co-host');
    assert((await markText(bob.page, 'bob')) === 'co-hôte', `Bob's own mark: ${await markText(bob.page, 'bob')}`);
    assert((await row(bob.page, 'alice').locator('[part~="host-actions"]').count()) === 0, 'a co-host has actions on the creator');
    assert((await inMeeting(bob.page, 'host-make-co-host').count()) === 0, 'a co-host manages co-hosts');
    await world.screenshot(bob.page, 'roles-cohost');

    // Bob mutes Carole's microphone: the SFU lists it muted.
    await row(bob.page, 'carol').locator('[part~="host-mute-microphone"]').click();
    const muted = await untilSfu(world, room, 'carol', (c) => c?.tracks.some((t) => t.source === MIC && t.muted), 'Carole’s microphone muted by the co-host');
    world.log(`co-host muted carol: ${JSON.stringify(muted.tracks)}`);

    // David knocks: Bob, co-host, sees the knock and admits him.
    const david = await world.user('david');
    await david.page.goto(`${world.stack.demoUrl}${invitePath}`, { waitUntil: 'domcontentloaded' });
    await inMeeting(david.page, 'join-button').first().click();
    const davidKnock = inMeeting(bob.page, 'lobby-knock').filter({ hasText: 'David' }).first();
    await davidKnock.waitFor({ state: 'visible', timeout: 15_000 });
    await davidKnock.locator('[part~="admit-button"]').click();
    await waitConnected(david.page, { clickJoin: false, timeoutMs: 30_000 });
    await untilSfu(world, room, 'david', (d) => d !== undefined, 'David admitted by the co-host');
    await row(alice.page, 'david').locator('[part~="participant-role"]').waitFor({ timeout: 10_000 });
    assert((await markText(alice.page, 'david')) === 'invité', `David's mark: ${await markText(alice.page, 'david')}`);

    // Alice takes it back: Bob's controls go, still in the same call.
    await row(alice.page, 'bob').locator('[part~="host-remove-co-host"]').click();
    await bob.page.waitForFunction(() => !document.querySelector('urbania-meeting')?.shadowRoot?.querySelector('urbania-room')?.shadowRoot
      ?.querySelector('urbania-participants-panel')?.shadowRoot?.querySelector('[part~="host-lock-toggle"]'), null, { timeout: 15_000 });
    assert((await inMeeting(bob.page, 'host-actions').count()) === 0, 'Bob keeps host actions after removal');
    assert((await connectionState(bob.page)) === 'connected', 'Bob was disconnected');
  },
};
