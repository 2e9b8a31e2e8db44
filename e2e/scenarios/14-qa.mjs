// Webinar Q&A on the real stack: two members of the audience ask through the Q&A panel (keyboard), one votes for
// the other's question, the host sees them ordered by votes and marks the top one answered; the service's list agrees.
import { assert, inMeeting, joinRoomPage, uniqueRoom } from '../helpers.mjs';
import { demoLogin, serviceCall } from '../stack.mjs';

/** The questions shown in a page's open Q&A panel: text, votes, answered. */
const shown = (page) => page.evaluate(() => window.__e2e.deepAll('[part~="qa-question"]').map((li) => ({
  text: li.querySelector('[part~="qa-text"]')?.textContent,
  votes: li.querySelector('[part~="qa-vote"]')?.textContent?.trim(),
  answered: li.dataset.answered,
})));

/** Opens the Q&A panel and asks `text` with the keyboard. */
async function ask(page, text) {
  await inMeeting(page, 'qa-input').first().click();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
  await page.waitForFunction((t) => window.__e2e.deepAll('[part~="qa-text"]').some((p) => p.textContent === t), text, { timeout: 15_000 });
}

export default {
  name: 'qa',
  title: 'webinar Q&A: the audience asks and votes, the host sees them by votes and marks one answered',
  needsWidget: true,
  async run(world) {
    const room = uniqueRoom('qa');
    const aliceLogin = await demoLogin(world.stack.serviceUrl, 'alice');
    const created = await serviceCall(world.stack.serviceUrl, aliceLogin.access_token, 'POST', '/api/livekit/rooms',
      { room_name: room, participants: ['bob', 'carol'], call_type: 'video', speakers: [] });
    assert(created.webinar === true, `created: ${JSON.stringify(created)}`);
    const alice = await world.user('alice', { viewport: { width: 1280, height: 800 } });
    const bob = await world.user('bob');
    const carol = await world.user('carol');
    await joinRoomPage(world, alice, room);
    await joinRoomPage(world, bob, room);
    await joinRoomPage(world, carol, room);

    // The audience asks (Carol first, then Bob), through the panel with the keyboard.
    for (const u of [carol, bob]) {
      await inMeeting(u.page, 'qa-toggle').first().click();
      await inMeeting(u.page, 'qa-panel').first().waitFor({ state: 'visible' });
    }
    await ask(carol.page, 'Quand sort la v2 ?');
    await ask(bob.page, 'Et le prix ?');
    // Bob votes for Carol's question, which he sees by polling.
    await bob.page.waitForFunction(() => window.__e2e.deepAll('[part~="qa-text"]').some((p) => p.textContent === 'Quand sort la v2 ?'), null, { timeout: 15_000 });
    const carolsVote = bob.page.locator('urbania-meeting [part~="qa-question"]', { hasText: 'Quand sort la v2 ?' }).locator('[part~="qa-vote"]');
    await carolsVote.click();
    await bob.page.waitForFunction(() => window.__e2e.deepAll('[part~="qa-vote"][aria-pressed="true"]').length === 1, null, { timeout: 15_000 });

    // The host sees both, most voted first.
    await inMeeting(alice.page, 'qa-toggle').first().click();
    await alice.page.waitForFunction(() => window.__e2e.deepAll('[part~="qa-question"]').length === 2
      && window.__e2e.deepAll('[part~="qa-vote"]')[0]?.textContent?.trim() === '1', null, { timeout: 15_000 });
    const hostSees = await shown(alice.page);
    world.log(`host sees: ${JSON.stringify(hostSees)}`);
    assert(JSON.stringify(hostSees) === JSON.stringify([
      { text: 'Quand sort la v2 ?', votes: '1', answered: 'false' },
      { text: 'Et le prix ?', votes: '0', answered: 'false' },
    ]), `host's order: ${JSON.stringify(hostSees)}`);
    assert(await bob.page.locator('urbania-meeting [part~="qa-mark-answered"]').count() === 0, 'the audience got the host’s actions');

    // The host marks the top question answered; the audience sees it (polling), the service agrees.
    await inMeeting(alice.page, 'qa-mark-answered').first().click();
    await carol.page.waitForFunction(() => window.__e2e.deepAll('[part~="qa-question"][data-answered="true"]').length === 1, null, { timeout: 15_000 });
    const listed = await serviceCall(world.stack.serviceUrl, aliceLogin.access_token, 'GET', `/api/livekit/rooms/${room}/questions`);
    world.log(`service: ${JSON.stringify(listed.questions.map((q) => [q.text, q.votes, q.answered, q.author.identity]))}`);
    assert(JSON.stringify(listed.questions.map((q) => [q.text, q.votes, q.answered, q.author.identity]))
      === JSON.stringify([['Quand sort la v2 ?', 1, true, 'carol'], ['Et le prix ?', 0, false, 'bob']]), 'service list');
    await world.screenshot(alice.page, 'room-qa-1280px');
  },
};
