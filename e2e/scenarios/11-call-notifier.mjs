// Invitations that ring: Bob is on his dashboard with <urbania-call-notifier> (real EventSource on the real token
// service); Alice creates a room inviting him; within a second his page rings (alertdialog, focus on "Rejoindre").
// "Rejoindre" takes him into the call (decoded video both ways). A second invitation, declined, stops ringing
// and the service is told (POST …/answer).
import { assert, expectRemoteVideoPlaying, uniqueRoom } from '../helpers.mjs';
import { waitConnected } from '../pages.mjs';

/** Alice's page creates a room through the service (as any Urbania page may); returns Date.now() before the request. */
async function createRoomFrom(world, page, room, participants, callType = 'video') {
  return page.evaluate(
    async ([serviceUrl, room, participants, callType]) => {
      const session = JSON.parse(sessionStorage.getItem('urbania-demo.session'));
      const sentAt = Date.now();
      const res = await fetch(`${serviceUrl}/api/livekit/rooms`, {
        method: 'POST',
        headers: { authorization: `Bearer ${session.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ room_name: room, participants, call_type: callType }),
      });
      if (res.status !== 201) throw new Error(`POST /rooms: ${res.status} ${await res.text()}`);
      return sentAt;
    },
    [world.stack.serviceUrl, room, participants, callType],
  );
}

const notifierState = (page) =>
  page.evaluate(() => {
    const el = /** @type {any} */ (document.querySelector('urbania-call-notifier'));
    const card = el?.shadowRoot?.querySelector('[part="call"]');
    return {
      connection: el?.connection,
      room: card?.getAttribute('data-room') ?? null,
      role: card?.getAttribute('role') ?? null,
      title: el?.shadowRoot?.querySelector('#call-title')?.textContent ?? null,
      caller: el?.shadowRoot?.querySelector('#call-caller')?.textContent ?? null,
      focused: el?.shadowRoot?.activeElement?.getAttribute('part') ?? null,
    };
  });

export default {
  name: 'call-notifier',
  title: 'call notifier: an invitation rings within 1 s (SSE), "Rejoindre" joins the call, "Refuser" stops it',
  needsWidget: true,
  async run(world) {
    const bob = await world.user('bob');
    const alice = await world.user('alice');
    await bob.page.waitForFunction(() => /** @type {any} */ (document.querySelector('urbania-call-notifier'))?.connection === 'open', null, { timeout: 15_000 });
    await bob.page.evaluate(() => {
      window.__rings = [];
      document.querySelector('urbania-call-notifier').addEventListener('urbania-call-invited', (e) => window.__rings.push({ at: Date.now(), detail: /** @type {CustomEvent} */ (e).detail }));
    });

    // 1. Ring, then join.
    const room = uniqueRoom('ring');
    const sentAt = await createRoomFrom(world, alice.page, room, ['bob']);
    await bob.page.waitForFunction((room) => window.__rings.some((r) => r.detail.room_name === room), room, { timeout: 5_000 });
    const ring = (await bob.page.evaluate(() => window.__rings))[0];
    const latencyMs = ring.at - sentAt;
    world.log(`invitation rang ${latencyMs} ms after Alice sent POST /rooms`);
    console.log(`    call-notifier: invitation rang ${latencyMs} ms after POST /rooms`);
    assert(latencyMs < 1000, `the invitation took ${latencyMs} ms to ring (must be within 1 s)`);
    assert(ring.detail.from.name === 'Alice Martin' && ring.detail.call_type === 'video', `ring detail ${JSON.stringify(ring.detail)}`);
    await bob.page.waitForFunction(() => document.querySelector('urbania-call-notifier')?.shadowRoot?.activeElement?.getAttribute('part') === 'accept-button', null, { timeout: 5_000 });
    const shown = await notifierState(bob.page);
    assert(shown.role === 'alertdialog' && shown.room === room, `call card ${JSON.stringify(shown)}`);
    assert(shown.title === 'Appel vidéo entrant' && shown.caller === `Alice Martin vous invite dans « ${room} »`, `card text ${JSON.stringify(shown)}`);
    await world.screenshot(bob.page, 'call-notifier');

    await alice.page.goto(`${world.stack.demoUrl}/meeting/room?room=${room}`);
    await waitConnected(alice.page);
    await bob.page.locator('urbania-call-notifier [part="accept-button"]').click();
    await bob.page.waitForURL((u) => u.pathname === '/meeting/room' && u.searchParams.get('room') === room, { timeout: 10_000 });
    await waitConnected(bob.page);
    await expectRemoteVideoPlaying(bob.page, 'alice');
    await expectRemoteVideoPlaying(alice.page, 'bob');

    // 2. Ring while in a call (the meeting page has the notifier too), then decline.
    await bob.page.waitForFunction(() => /** @type {any} */ (document.querySelector('urbania-call-notifier'))?.connection === 'open', null, { timeout: 15_000 });
    const second = uniqueRoom('ring-decline');
    const carol = await world.user('carol');
    const answers = [];
    bob.page.on('request', (r) => r.url().includes('/api/livekit/invitations/') && answers.push({ url: r.url(), body: r.postData() }));
    await createRoomFrom(world, carol.page, second, ['bob'], 'audio');
    await bob.page.waitForFunction((second) => document.querySelector('urbania-call-notifier')?.shadowRoot?.querySelector(`[part="call"][data-room="${second}"]`), second, { timeout: 5_000 });
    const declined = bob.page.evaluate(() => new Promise((r) => document.querySelector('urbania-call-notifier').addEventListener('urbania-call-declined', (e) => r(/** @type {CustomEvent} */ (e).detail), { once: true })));
    await bob.page.locator('urbania-call-notifier [part="decline-button"]').click();
    const detail = await declined;
    assert(detail.room_name === second && detail.call_type === 'audio', `declined detail ${JSON.stringify(detail)}`);
    await bob.page.waitForFunction(() => !document.querySelector('urbania-call-notifier')?.shadowRoot?.querySelector('[part="call"]'), null, { timeout: 5_000 });
    for (let i = 0; i < 50 && answers.length === 0; i++) await bob.page.waitForTimeout(100);
    assert(answers.length === 1 && answers[0].url.endsWith(`/api/livekit/invitations/${second}/answer`) && JSON.parse(answers[0].body).answer === 'declined', `answers ${JSON.stringify(answers)}`);
    // Still in the first call.
    await expectRemoteVideoPlaying(bob.page, 'alice');
  },
};
