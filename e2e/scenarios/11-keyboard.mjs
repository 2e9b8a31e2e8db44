// The whole call with the keyboard alone (issue #8): Alice starts a meeting from the dashboard, joins, mutes and
// unmutes (Tab + Enter, then the Ctrl+D shortcut), presents her screen, writes in the chat and leaves, pressing only
// keys (Tab, Shift+Tab, Enter, Space, Escape, typing). Bob, on another page, checks each step on the real SFU: her
// microphone muted and back, her screen decoded, her message received, her departure.
import { assert, expectRemoteVideoPlaying, inMeeting, joinRoomPage, sfuParticipants, uniqueRoom } from '../helpers.mjs';
import { waitConnected } from '../pages.mjs';

/** The focused element, through open shadow roots: its part, tag and id. */
const focused = (page) =>
  page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    // The part of the element or of its nearest ancestor with one (a contact's checkbox is inside its `contact` label).
    const owner = el?.closest('[part]');
    return el ? { part: owner?.getAttribute('part') ?? '', id: el.id, tag: el.tagName.toLowerCase() } : null;
  });

/**
 * Presses Tab until the focused element matches (part name, or `#id` on the page), at most `max` times; the path is
 * logged. Fails when the element cannot be reached with the keyboard.
 */
async function tabTo(world, page, target, { max = 40, back = false } = {}) {
  const path = [];
  for (let i = 0; i <= max; i++) {
    const f = await focused(page);
    const hit = target.startsWith('#') ? f?.id === target.slice(1) : (f?.part ?? '').split(/\s+/).includes(target);
    if (hit) {
      world.log(`keyboard: ${target} reached after ${i} ${back ? 'Shift+Tab' : 'Tab'} (${path.slice(-6).join(' → ')})`);
      return;
    }
    path.push(f ? f.part || f.id || f.tag : 'body');
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`${target} not reachable with ${back ? 'Shift+Tab' : 'Tab'} in ${max} presses: ${path.join(' → ')}`);
}

const micEnabledSeenBy = (page, identity) =>
  page.evaluate((id) => {
    const p = document.querySelector('urbania-meeting').livekitRoom?.remoteParticipants.get(id);
    const pub = p && [...p.audioTrackPublications.values()].find((t) => t.source === 'microphone');
    return pub ? !pub.isMuted : null;
  }, identity);

export default {
  name: 'keyboard',
  title: 'the whole call with the keyboard alone: join, mute, share, chat, leave',
  needsWidget: true,
  async run(world) {
    const room = uniqueRoom('keys');
    const alice = await world.user('alice');
    const bob = await world.user('bob');
    const a = alice.page;

    // Join: dashboard → pre-join → room, keys only.
    await a.locator('#new-meeting').waitFor();
    await tabTo(world, a, '#new-meeting');
    await a.keyboard.press('Enter');
    await a.waitForURL(/\/meeting\/pre-join/);
    await inMeeting(a, 'contact').first().waitFor({ state: 'visible' });
    await tabTo(world, a, 'room-name-input');
    await a.keyboard.type(room);
    await tabTo(world, a, 'contact');
    // The contacts are checkboxes: move to Bob's, Space checks it.
    for (let i = 0; i < 10; i++) {
      const label = await a.evaluate(() => {
        let el = document.activeElement;
        while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
        return el?.closest('[data-id]')?.getAttribute('data-id') ?? null;
      });
      if (label === 'bob') break;
      await a.keyboard.press('Tab');
    }
    await a.keyboard.press('Space');
    await tabTo(world, a, 'start-button');
    await a.keyboard.press('Enter');
    await a.waitForFunction(() => location.pathname === '/meeting/room', null, { timeout: 20_000 });
    if (await inMeeting(a, 'join-button').first().isVisible().catch(() => false)) {
      await tabTo(world, a, 'join-button');
      await a.keyboard.press('Enter');
    }
    await waitConnected(a, { clickJoin: false });
    await joinRoomPage(world, bob, room);
    await expectRemoteVideoPlaying(bob.page, 'alice');

    // Mute with the control bar (Tab + Enter), unmute with the shortcut.
    await tabTo(world, a, 'mic-toggle');
    await a.keyboard.press('Enter');
    await bob.page.waitForFunction((id) => {
      const p = document.querySelector('urbania-meeting').livekitRoom?.remoteParticipants.get(id);
      return p && [...p.audioTrackPublications.values()].some((t) => t.source === 'microphone' && t.isMuted);
    }, 'alice', { timeout: 10_000 });
    assert((await inMeeting(a, 'mic-toggle').first().getAttribute('aria-pressed')) === 'false', 'the mic toggle does not show muted');
    await a.keyboard.press('Control+d');
    await bob.page.waitForFunction((id) => {
      const p = document.querySelector('urbania-meeting').livekitRoom?.remoteParticipants.get(id);
      return p && [...p.audioTrackPublications.values()].some((t) => t.source === 'microphone' && !t.isMuted);
    }, 'alice', { timeout: 10_000 });
    world.log(`bob sees alice's microphone: ${await micEnabledSeenBy(bob.page, 'alice') ? 'on' : 'off'} after Ctrl+D`);

    // Present (Enter is the user activation getDisplayMedia needs), then stop from the banner.
    await tabTo(world, a, 'screen-share-toggle');
    await a.keyboard.press('Enter');
    await inMeeting(a, 'screen-share-banner').first().waitFor({ state: 'visible', timeout: 15_000 });
    await bob.page.waitForFunction(
      () => window.__e2e.deepAll('[part~="screen-share"][data-identity="alice"] video').some((v) => v.videoWidth > 0),
      null,
      { timeout: 20_000 },
    );
    await tabTo(world, a, 'stop-screen-share', { back: true });
    await a.keyboard.press('Enter');
    await inMeeting(a, 'screen-share-banner').first().waitFor({ state: 'detached', timeout: 10_000 });
    await bob.page.waitForFunction(() => window.__e2e.deepAll('[part~="screen-share"]').length === 0, null, { timeout: 10_000 });

    // Chat: open, type, Enter sends, Escape closes back to the toggle.
    await bob.page.evaluate(() => {
      window.__chatEvents = [];
      document.addEventListener('urbania-chat-message', (e) => window.__chatEvents.push(/** @type {CustomEvent} */ (e).detail));
    });
    await tabTo(world, a, 'chat-toggle');
    await a.keyboard.press('Enter');
    await inMeeting(a, 'chat-input').first().waitFor({ state: 'visible' });
    const inInput = (await focused(a))?.part.split(/\s+/).includes('chat-input');
    if (!inInput) await tabTo(world, a, 'chat-input');
    await a.keyboard.type('Bonjour, au clavier seulement');
    await a.keyboard.press('Enter');
    await bob.page.waitForFunction(() => window.__chatEvents.some((m) => m.text === 'Bonjour, au clavier seulement' && m.from.identity === 'alice'), null, { timeout: 10_000 });
    await a.keyboard.press('Escape');
    await inMeeting(a, 'chat-panel').first().waitFor({ state: 'detached' });
    assert((await focused(a))?.part.split(/\s+/).includes('chat-toggle'), `after Escape the focus is on ${JSON.stringify(await focused(a))}`);

    // Leave.
    await tabTo(world, a, 'leave-button');
    await a.keyboard.press('Enter');
    await inMeeting(a, 'rejoin-button').first().waitFor({ state: 'visible', timeout: 10_000 });
    await bob.page.waitForFunction(() => !document.querySelector('urbania-meeting').livekitRoom?.remoteParticipants.has('alice'), null, { timeout: 15_000 });
    const sfu = await sfuParticipants(world, room);
    assert(!sfu.some((p) => p.identity === 'alice'), `the SFU still lists alice: ${JSON.stringify(sfu.map((p) => p.identity))}`);
  },
};
