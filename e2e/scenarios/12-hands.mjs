// Raised hands on the real SFU: Bob raises his hand from the control bar and Alice's page (the host) shows it (event,
// tile badge, participants panel, announcement); a page with livekit-client alone reads the same `handRaisedAt`
// attribute and raises its own, which the widget orders second; Bob (not the host) is refused lowering Carole's hand
// (element: host_only; service: 403); Alice lowers Bob's hand from the panel, through the service, and Bob's page and
// the SFU show it lowered.
import { RoomServiceClient } from 'livekit-server-sdk';
import { assert, callOfTwo, inMeeting, servePlainPage } from '../helpers.mjs';
import { demoLogin, serviceCall } from '../stack.mjs';

/** Records every urbania-hand-raised / -lowered the element fires. */
const recordHands = (page) => page.evaluate(() => {
  window.__hands = [];
  const el = document.querySelector('urbania-meeting');
  for (const type of ['urbania-hand-raised', 'urbania-hand-lowered']) {
    el.addEventListener(type, (e) => window.__hands.push({ type, .../** @type {CustomEvent} */ (e).detail, bubbles: e.bubbles, composed: e.composed }));
  }
});

const waitHand = (page, type, identity) => page.waitForFunction(
  ([t, id]) => window.__hands?.some((e) => e.type === t && e.identity === id), [type, identity], { timeout: 15_000, polling: 100 },
);

/** The hand attribute of `identity` as the SFU has it (server truth), or undefined. */
async function sfuHand(world, room, identity) {
  const svc = new RoomServiceClient(world.stack.livekitHttpUrl, world.stack.apiKey, world.stack.apiSecret);
  const p = (await svc.listParticipants(room)).find((x) => x.identity === identity);
  return p?.attributes?.handRaisedAt;
}

async function until(fn, ok, label, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`${label}: still ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

/** The raised hands listed in the participants panel, in order. */
const panelHands = (page) => page.evaluate(() => window.__e2e.deepAll('[part~="raised-hand"]').map((li) => li.getAttribute('data-identity')));

export default {
  name: 'hands',
  title: 'raised hands: raise from the bar, seen by the host and a plain livekit-client page, ordered, lowered by the host only',
  needsWidget: true,
  async run(world) {
    const { room, alice, bob } = await callOfTwo(world, 'hands', { invite: ['bob', 'carol'] });
    await recordHands(alice.page);
    await recordHands(bob.page);

    // 1. Bob raises his hand from the control bar.
    const toggle = inMeeting(bob.page, 'hand-toggle').first();
    assert(await toggle.getAttribute('aria-pressed') === 'false', 'bob\'s hand toggle starts pressed');
    await toggle.click();
    await waitHand(alice.page, 'urbania-hand-raised', 'bob');
    await waitHand(bob.page, 'urbania-hand-raised', 'bob');
    await bob.page.waitForFunction(() => window.__e2e.deepAll('[part~="hand-toggle"]')[0]?.getAttribute('aria-pressed') === 'true', null, { timeout: 10_000 });
    const raisedAt = await until(() => sfuHand(world, room, 'bob'), Boolean, 'the SFU has no hand for bob');
    world.log(`SFU: bob handRaisedAt=${raisedAt}`);
    assert(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/.test(raisedAt), `handRaisedAt is not an ISO time: ${raisedAt}`);
    const event = await alice.page.evaluate(() => window.__hands.find((e) => e.identity === 'bob'));
    assert(event.bubbles && event.composed, `event: ${JSON.stringify(event)}`);
    const badge = alice.page.locator(`urbania-meeting [part~="tile"][data-identity="bob"] [part~="tile-hand"]`).first();
    await badge.waitFor({ state: 'visible' });
    assert(await badge.getAttribute('aria-label') === 'Main levée, numéro 1', `badge: ${await badge.getAttribute('aria-label')}`);
    await alice.page.waitForFunction(() => window.__e2e.deepAll('[part~="announcer"]', window.__e2e.el().shadowRoot)[0]?.textContent?.trim() === 'Bob Dupont lève la main', null, { timeout: 10_000 });

    // 2. Carole on a page with livekit-client alone: she reads Bob's attribute, raises her own hand the same way.
    const carol = await world.user('carol', { signIn: false });
    const plain = await servePlainPage();
    try {
      await carol.page.goto(plain.url, { waitUntil: 'domcontentloaded' });
      await carol.page.waitForFunction(() => window.lkChat, null, { timeout: 15_000 });
      const login = await demoLogin(world.stack.serviceUrl, 'carol');
      const joined = await serviceCall(world.stack.serviceUrl, login.access_token, 'POST', `/api/livekit/rooms/${room}/join`, {});
      await carol.page.evaluate(([url, token]) => window.lkChat.connect(url, token), [joined.url, joined.token]);
      const seen = await carol.page.waitForFunction(
        () => window.lkChat.room.remoteParticipants.get('bob')?.attributes.handRaisedAt, null, { timeout: 15_000 },
      ).then((h) => h.jsonValue());
      assert(seen === raisedAt, `the plain page sees bob's hand as ${seen}, the SFU as ${raisedAt}`);
      await carol.page.evaluate(() => window.lkChat.room.localParticipant.setAttributes({ handRaisedAt: new Date().toISOString() }));
      await waitHand(alice.page, 'urbania-hand-raised', 'carol');
      await inMeeting(alice.page, 'people-toggle').first().click();
      await alice.page.waitForFunction(() => window.__e2e.deepAll('[part~="raised-hand"]').length === 2, null, { timeout: 10_000 });
      const order = await panelHands(alice.page);
      assert(JSON.stringify(order) === JSON.stringify(['bob', 'carol']), `alice's raised hands: ${JSON.stringify(order)}`);
      await world.screenshot(alice.page, 'room-hands');

      // 3. Bob is not the host: the element refuses (host_only) and so does the service (403), and the hand stays up.
      const refused = await bob.page.evaluate(() => document.querySelector('urbania-meeting').lowerHand('carol').then(
        () => ({ ok: true }), (e) => ({ ok: false, code: e.code, message: e.message })));
      world.log(`bob lowerHand('carol'): ${JSON.stringify(refused)}`);
      assert(!refused.ok && refused.code === 'host_only', `bob lowerHand('carol'): ${JSON.stringify(refused)}`);
      const bobLogin = await demoLogin(world.stack.serviceUrl, 'bob');
      const direct = await fetch(`${world.stack.serviceUrl}/api/livekit/rooms/${room}/participants/carol/lower-hand`, {
        method: 'POST', headers: { authorization: `Bearer ${bobLogin.access_token}` },
      });
      const body = await direct.json();
      assert(direct.status === 403 && body.error.code === 'forbidden', `bob → lower-hand: ${direct.status} ${JSON.stringify(body)}`);
      assert(Boolean(await sfuHand(world, room, 'carol')), 'carol\'s hand went down after a refused request');

      // 4. Alice, the host, lowers Bob's hand from the panel: through the service; Bob's page and the SFU follow.
      const lower = alice.page.locator('urbania-meeting [part~="raised-hand"][data-identity="bob"] [part~="lower-hand-button"]').first();
      assert((await lower.textContent())?.trim() === 'Baisser la main de Bob Dupont', `button: ${await lower.textContent()}`);
      await lower.click();
      await waitHand(bob.page, 'urbania-hand-lowered', 'bob');
      await bob.page.waitForFunction(() => window.__e2e.deepAll('[part~="hand-toggle"]')[0]?.getAttribute('aria-pressed') === 'false', null, { timeout: 10_000 });
      await until(() => sfuHand(world, room, 'bob'), (v) => v === undefined, 'the SFU still has bob\'s hand');
      await waitHand(alice.page, 'urbania-hand-lowered', 'bob');
      await alice.page.waitForFunction(() => window.__e2e.deepAll('[part~="raised-hand"]').map((li) => li.getAttribute('data-identity')).join() === 'carol', null, { timeout: 10_000 });
      await carol.page.waitForFunction(() => !window.lkChat.room.remoteParticipants.get('bob')?.attributes.handRaisedAt, null, { timeout: 10_000 });
      await bob.page.waitForFunction(() => window.__e2e.deepAll('[part~="announcer"]', window.__e2e.el().shadowRoot)[0]?.textContent?.trim() === 'Votre main est baissée', null, { timeout: 10_000 });
      await carol.page.evaluate(() => window.lkChat.room.disconnect());
    } finally {
      plain.close();
    }
  },
};
