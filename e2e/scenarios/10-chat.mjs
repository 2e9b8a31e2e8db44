// Chat on LiveKit's own wire (text streams on `lk.chat`): both ways between two widgets and between a widget and a
// page that uses livekit-client alone, as LiveKit Meet does; a message with `<img onerror>` arrives as text; a
// webinar's audience reads but may not write (typed `not_allowed`, and the SFU drops a forced text stream) unless the
// room was created with `audience_chat`; a late joiner finds the widgets' earlier messages, kept by the service.
import { assert, callOfTwo, inMeeting, joinRoomPage, servePlainPage, startMeetingFromDashboard, uniqueRoom } from '../helpers.mjs';
import { demoLogin, serviceCall } from '../stack.mjs';

const XSS = '<img src=x onerror="window.__chatXss=1"> voir https://example.com/doc';

/** Records every urbania-chat-message the element fires. */
const recordEvents = (page) => page.evaluate(() => {
  window.__chatEvents = [];
  document.querySelector('urbania-meeting').addEventListener('urbania-chat-message', (e) => {
    window.__chatEvents.push({ ...e.detail, bubbles: e.bubbles, composed: e.composed });
  });
});

const waitEvent = (page, text, from) => page.waitForFunction(
  ([t, f]) => window.__chatEvents?.some((e) => e.text === t && e.from.identity === f), [text, from], { timeout: 15_000, polling: 100 },
);

/** The texts shown in the open chat panel, as the DOM has them (textContent). */
const panelTexts = (page) => page.evaluate(() => window.__e2e.deepAll('[part~="chat-text"]').map((p) => p.textContent));

export default {
  name: 'chat',
  title: 'chat on lk.chat: widget ⇄ widget, widget ⇄ plain livekit-client page, markup stays text, audience read-only',
  needsWidget: true,
  async run(world) {
    const { room, alice, bob } = await callOfTwo(world, 'chat', { invite: ['bob', 'carol', 'david'] });
    await recordEvents(alice.page);
    await recordEvents(bob.page);

    // 1. Alice writes through the panel with the keyboard: open the chat, type, Enter.
    await inMeeting(alice.page, 'chat-toggle').first().click();
    const box = inMeeting(alice.page, 'chat-input').first();
    await box.waitFor({ state: 'visible' });
    assert(await box.evaluate((el) => el.getRootNode().activeElement === el), 'opening the chat does not put the keyboard in the message box');
    await alice.page.keyboard.type('Bonjour Bob !');
    await alice.page.keyboard.press('Enter');
    await waitEvent(bob.page, 'Bonjour Bob !', 'alice');
    const badge = inMeeting(bob.page, 'chat-unread-badge').first();
    await badge.waitFor({ state: 'visible' });
    assert((await badge.textContent())?.trim() === '1', `bob's unread badge says ${await badge.textContent()}`);
    const evt = await bob.page.evaluate(() => window.__chatEvents[0]);
    world.log(`bob's urbania-chat-message: ${JSON.stringify(evt)}`);
    assert(evt.from.name === 'Alice Martin' && evt.bubbles && evt.composed && typeof evt.timestamp === 'number', `event detail: ${JSON.stringify(evt)}`);
    await waitEvent(alice.page, 'Bonjour Bob !', 'alice'); // the sender's page fires it too

    // 2. Bob answers through the API with markup: it arrives as text, the link is a safe link.
    await bob.page.evaluate((t) => document.querySelector('urbania-meeting').sendChatMessage(t), XSS);
    await waitEvent(alice.page, XSS, 'bob');
    await alice.page.waitForFunction((t) => window.__e2e.deepAll('[part~="chat-text"]').some((p) => p.textContent === t), XSS, { timeout: 10_000 });
    const rendered = await alice.page.evaluate(() => {
      const texts = window.__e2e.deepAll('[part~="chat-text"]');
      const last = texts[texts.length - 1];
      return {
        imgs: window.__e2e.deepAll('[part~="chat-panel"] img').length,
        xss: window.__chatXss ?? null,
        links: [...last.querySelectorAll('a')].map((a) => ({ href: a.getAttribute('href'), target: a.target, rel: a.rel })),
      };
    });
    world.log(`alice renders bob's markup as: ${JSON.stringify(rendered)}`);
    assert(rendered.imgs === 0 && rendered.xss === null, `markup was interpreted: ${JSON.stringify(rendered)}`);
    assert(JSON.stringify(rendered.links) === JSON.stringify([{ href: 'https://example.com/doc', target: '_blank', rel: 'noopener noreferrer' }]),
      `links: ${JSON.stringify(rendered.links)}`);

    // 3. Carol on a page with livekit-client alone (LiveKit Meet's wire): both ways.
    const carol = await world.user('carol', { signIn: false });
    const demo = world.stack.demoUrl;
    const plain = await servePlainPage();
    try {
      await carol.page.goto(plain.url, { waitUntil: 'domcontentloaded' });
      await carol.page.waitForFunction(() => window.lkChat, null, { timeout: 15_000 });
      const login = await demoLogin(world.stack.serviceUrl, 'carol');
      const joined = await serviceCall(world.stack.serviceUrl, login.access_token, 'POST', `/api/livekit/rooms/${room}/join`, {});
      await carol.page.evaluate(([url, token]) => window.lkChat.connect(url, token), [joined.url, joined.token]);
      await carol.page.evaluate(() => window.lkChat.send('Hello from plain livekit-client'));
      await waitEvent(alice.page, 'Hello from plain livekit-client', 'carol');
      await waitEvent(bob.page, 'Hello from plain livekit-client', 'carol');
      await bob.page.evaluate(() => document.querySelector('urbania-meeting').sendChatMessage('Salut Carole'));
      await carol.page.waitForFunction(() => window.lkChat.received.some((m) => m.identity === 'bob' && m.text === 'Salut Carole'), null, { timeout: 15_000 });
      const carolGot = await carol.page.evaluate(() => window.lkChat.received);
      world.log(`carol (livekit-client alone) received: ${JSON.stringify(carolGot)}`);
      assert(carolGot.some((m) => m.identity === 'bob' && m.text === XSS) === false, 'carol received a message sent before she joined (no history expected)');
      await alice.page.waitForFunction(() => window.__e2e.deepAll('[part~="chat-author"]').some((a) => a.textContent === 'Carole Lefèvre'), null, { timeout: 10_000 });
      await world.screenshot(alice.page, 'room-chat-1280px');

      // 4. The same chat at 360 px: the panel covers the stage; Escape closes it, the keyboard returns to the toggle.
      await bob.page.setViewportSize({ width: 360, height: 740 });
      await inMeeting(bob.page, 'chat-toggle').first().click();
      await inMeeting(bob.page, 'chat-input').first().waitFor({ state: 'visible' });
      const bobTexts = await panelTexts(bob.page);
      assert(JSON.stringify(bobTexts) === JSON.stringify(['Bonjour Bob !', XSS, 'Hello from plain livekit-client', 'Salut Carole']), `bob's panel: ${JSON.stringify(bobTexts)}`);
      await world.screenshot(bob.page, 'room-chat-360px');
      await bob.page.keyboard.press('Escape');
      await inMeeting(bob.page, 'chat-panel').first().waitFor({ state: 'detached' });
      const focusOnToggle = await bob.page.evaluate(() => window.__e2e.deepAll('[part~="chat-toggle"]')[0]?.getRootNode().activeElement?.getAttribute('part'));
      assert(focusOnToggle === 'chat-toggle', `after Escape the focus is on ${focusOnToggle}`);
      await carol.page.evaluate(() => window.lkChat.room.disconnect());
    } finally {
      plain.close();
    }

    // 4b. A late joiner: David joins after all that and finds what the widgets said, kept by the service, marked as
    //     earlier messages; Carole's plain livekit-client page did not post hers, so it is live only (documented).
    //     A message sent after he joined arrives once, unmarked.
    const david = await world.user('david');
    await joinRoomPage(world, david, room);
    await recordEvents(david.page);
    await inMeeting(david.page, 'chat-toggle').first().click();
    await inMeeting(david.page, 'chat-earlier').first().waitFor({ state: 'visible', timeout: 15_000 });
    const earlier = await david.page.evaluate(() => window.__e2e.deepAll('[part~="chat-message"]').map((m) => ({
      text: m.querySelector('[part~="chat-text"]')?.textContent, author: m.querySelector('[part~="chat-author"]')?.textContent, earlier: m.dataset.earlier ?? null,
    })));
    world.log(`david (late joiner) sees: ${JSON.stringify(earlier)}`);
    assert(JSON.stringify(earlier) === JSON.stringify([
      { text: 'Bonjour Bob !', author: 'Alice Martin', earlier: 'true' },
      { text: XSS, author: 'Bob Dupont', earlier: 'true' },
      { text: 'Salut Carole', author: 'Bob Dupont', earlier: 'true' },
    ]), `the late joiner's history: ${JSON.stringify(earlier)}`);
    const heading = (await inMeeting(david.page, 'chat-earlier').first().textContent())?.trim();
    assert(heading === 'Messages envoyés avant votre arrivée', `earlier heading: ${heading}`);
    assert(await david.page.evaluate(() => window.__e2e.deepAll('[part~="chat-panel"] img').length === 0 && !window.__chatXss), 'the stored markup was interpreted');
    await alice.page.evaluate(() => document.querySelector('urbania-meeting').sendChatMessage('Bienvenue David'));
    await waitEvent(david.page, 'Bienvenue David', 'alice');
    await david.page.waitForFunction(() => window.__e2e.deepAll('[part~="chat-text"]').some((p) => p.textContent === 'Bienvenue David'), null, { timeout: 10_000 });
    const after = await david.page.evaluate(() => window.__e2e.deepAll('[part~="chat-message"]').map((m) => `${m.dataset.earlier ?? 'live'}:${m.querySelector('[part~="chat-text"]')?.textContent}`));
    assert(after.length === 4 && after[3] === 'live:Bienvenue David', `after a live message: ${JSON.stringify(after)}`);
    // The service's own copy: authors are the verified senders.
    const davidLogin = await demoLogin(world.stack.serviceUrl, 'david');
    const stored = await serviceCall(world.stack.serviceUrl, davidLogin.access_token, 'GET', `/api/livekit/rooms/${room}/messages`);
    world.log(`service history: ${JSON.stringify(stored.messages.map((m) => `${m.from.identity}:${m.text}`))}`);
    await world.screenshot(david.page, 'room-chat-history');
    await david.context.close();

    // 5. A webinar: the audience reads, may not write (typed error), and a text stream forced past the element is
    //    dropped by the SFU (the grant has no canPublishData).
    const webinar = uniqueRoom('chat-webinar');
    await alice.page.goto(`${demo}/dashboard`, { waitUntil: 'domcontentloaded' });
    await startMeetingFromDashboard(world, alice, { room: webinar, callType: 'webinar', invite: ['bob'] });
    await joinRoomPage(world, bob, webinar);
    await recordEvents(alice.page);
    await recordEvents(bob.page);
    const refused = await bob.page.evaluate(() => document.querySelector('urbania-meeting').sendChatMessage('je peux ?').then(
      () => ({ ok: true }), (e) => ({ ok: false, code: e.code, name: e.name })));
    world.log(`audience sendChatMessage: ${JSON.stringify(refused)}`);
    assert(!refused.ok && refused.code === 'not_allowed', `audience sendChatMessage: ${JSON.stringify(refused)}`);
    const forced = await bob.page.evaluate(() => document.querySelector('urbania-meeting').livekitRoom.localParticipant
      .sendText('forced by the audience', { topic: 'lk.chat' }).then(() => 'sent', (e) => `rejected: ${e?.message ?? e}`));
    world.log(`audience forced sendText: ${forced}`);
    await alice.page.evaluate(() => document.querySelector('urbania-meeting').sendChatMessage('Bienvenue au webinaire'));
    await waitEvent(bob.page, 'Bienvenue au webinaire', 'alice');
    await alice.page.waitForTimeout(1500);
    const aliceGot = await alice.page.evaluate(() => window.__chatEvents.filter((e) => e.from.identity === 'bob'));
    assert(aliceGot.length === 0, `the speaker received chat from the audience: ${JSON.stringify(aliceGot)}`);
    await inMeeting(bob.page, 'chat-toggle').first().click();
    await inMeeting(bob.page, 'chat-readonly').first().waitFor({ state: 'visible' });
    assert((await inMeeting(bob.page, 'chat-input').count()) === 0, 'the audience has a message box');

    // 6. A webinar created with audience_chat: the audience writes (panel, keyboard) and the speaker receives it.
    const open = uniqueRoom('chat-webinar-open');
    const aliceLogin = await demoLogin(world.stack.serviceUrl, 'alice');
    const created = await serviceCall(world.stack.serviceUrl, aliceLogin.access_token, 'POST', '/api/livekit/rooms',
      { room_name: open, participants: ['bob'], call_type: 'video', speakers: [], audience_chat: true });
    assert(created.webinar === true && created.audience_chat === true, `created: ${JSON.stringify(created)}`);
    await joinRoomPage(world, alice, open);
    await joinRoomPage(world, bob, open);
    await recordEvents(alice.page);
    assert(!(await inMeeting(bob.page, 'mic-toggle').isVisible().catch(() => false)), 'the audience got publish controls');
    await inMeeting(bob.page, 'chat-toggle').first().click();
    await inMeeting(bob.page, 'chat-input').first().waitFor({ state: 'visible' });
    await bob.page.keyboard.type('Question de l’audience');
    await bob.page.keyboard.press('Enter');
    await waitEvent(alice.page, 'Question de l’audience', 'bob');
  },
};
