// Helpers for the scenarios: one signed-in browser context per demo user, the seed flows through the demo
// pages, and the media checks (remote video plays, remote audio arrives).
import { createWriteStream, mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LOG_DIR, RESULTS_DIR, ROOT } from './stack.mjs';
import { SESSION_KEY, part, signInThroughUi, waitConnected } from './pages.mjs';

const PROBE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'page-probe.js');
export const NAMES = { alice: 'Alice Martin', bob: 'Bob Dupont', carol: 'Carole Lefèvre', david: 'David Bernard', emma: 'Emma Petit' };

export const uniqueRoom = (kind) => `e2e-${kind}-${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

/**
 * A scenario's world: browser contexts it opened (closed at the end, always), screenshots, a log of every
 * page's console.
 */
export function createWorld({ browser, stack, scenario }) {
  mkdirSync(LOG_DIR, { recursive: true });
  const logStream = createWriteStream(path.join(LOG_DIR, `e2e-${scenario}.log`));
  const contexts = [];
  const world = {
    browser,
    stack,
    scenario,
    log: (line) => logStream.write(`${new Date().toISOString()} ${line}\n`),
    /** Opens a context for `userId`, signed in through the demo's sign-in page. */
    async user(userId, { viewport = { width: 1100, height: 800 }, signIn = true } = {}) {
      const context = await browser.newContext({ viewport, locale: 'fr-FR' });
      contexts.push(context);
      await context.addInitScript({ path: PROBE });
      const page = await context.newPage();
      page.setDefaultTimeout(20_000);
      page.on('console', (m) => world.log(`[${userId} console.${m.type()}] ${m.text()}`));
      page.on('pageerror', (e) => world.log(`[${userId} pageerror] ${e.stack ?? e.message}`));
      page.on('requestfailed', (r) => world.log(`[${userId} requestfailed] ${r.url()} ${r.failure()?.errorText}`));
      if (signIn) await signInThroughUi(page, stack, userId);
      return { id: userId, name: NAMES[userId], context, page };
    },
    async screenshot(page, name) {
      mkdirSync(RESULTS_DIR, { recursive: true });
      const file = path.join(RESULTS_DIR, `${name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      world.log(`screenshot ${file}`);
      return file;
    },
    async close() {
      for (const c of contexts.reverse()) await c.close().catch(() => {});
      logStream.end();
    },
  };
  return world;
}

/** The element on the page. */
export const meeting = (page) => page.locator('urbania-meeting');
export const inMeeting = (page, name) => page.locator(`urbania-meeting ${part(name)}`);

/**
 * Clicks a control of the call bar by part: in the bar when it is there, else through the narrow bar's "More options"
 * menu (the menu's item keeps the bar button's part). Answers where it was: 'bar' or 'menu'.
 */
export async function clickControl(page, name) {
  const inBar = page.locator(`urbania-meeting [part~="controls"] > ${part(name)}`).first();
  if (await inBar.isVisible()) { await inBar.click(); return 'bar'; }
  await inMeeting(page, 'more-button').first().click();
  await page.locator(`urbania-meeting [part~="more-menu"] ${part(name)}`).first().click();
  return 'menu';
}

/** The rows of the call's control bar: its buttons' distinct tops (1 when it keeps one row). */
export const controlBarRows = (page) => page.evaluate(() => {
  const bar = window.__e2e.deepAll('[part~="controls"]')[0];
  return new Set([...(bar?.children ?? [])].filter((b) => b.tagName === 'BUTTON').map((b) => Math.round(b.getBoundingClientRect().top))).size;
});

/**
 * Seed flow "New Meeting": dashboard → pre-join → room name, call type, contacts → "Démarrer l'appel" →
 * /meeting/room?room=… and connected.
 */
/**
 * @param {any} world
 * @param {any} u
 * @param {{ room: string, callType?: string, invite?: string[], screenshot?: string, dashboardLink?: string }} options
 */
export async function startMeetingFromDashboard(world, u, { room, callType = 'video', invite = [], screenshot, dashboardLink = '#new-meeting' }) {
  const { page } = u;
  await page.click(dashboardLink);
  await page.waitForURL(/\/meeting\/pre-join/);
  await inMeeting(page, 'prejoin').first().waitFor({ state: 'visible' });
  await inMeeting(page, 'room-name-input').first().fill(room);
  const select = inMeeting(page, 'call-type-select').first();
  if ((await select.inputValue()) !== callType) await select.selectOption(callType);
  for (const id of invite) {
    const label = page.locator(`urbania-meeting ${part('contact')}[data-id="${id}"]`).first();
    await label.waitFor({ state: 'visible' });
    const box = label.locator('input[type="checkbox"]');
    if (await box.count()) await box.first().check();
    else await label.click();
  }
  if (screenshot) {
    // Let the camera preview show its first frames for the picture.
    await page.waitForTimeout(callType === 'video' ? 1200 : 300);
    await world.screenshot(page, screenshot);
  }
  const start = inMeeting(page, 'start-button').first();
  await start.click();
  await page.waitForFunction(() => location.pathname === '/meeting/room', null, { timeout: 20_000 });
  const url = new URL(page.url());
  if (url.searchParams.get('room') !== room) throw new Error(`pre-join went to ${url.pathname}${url.search}, expected room=${room}`);
  await waitConnected(page, { clickJoin: true });
  world.log(`${u.id} created ${room} (${callType}) and is connected`);
}

/**
 * A call of two on the real SFU, the way most scenarios begin: Alice (window 1280 × 800) starts a meeting from the
 * dashboard inviting `invite`, Bob joins from the room page. Returns the room name and both users.
 * @param {any} world
 * @param {string} kind the room name's prefix
 * @param {{ callType?: string, invite?: string[] }} [options]
 */
export async function callOfTwo(world, kind, { callType = 'video', invite = ['bob'] } = {}) {
  const room = uniqueRoom(kind);
  const alice = await world.user('alice', { viewport: { width: 1280, height: 800 } });
  const bob = await world.user('bob');
  await startMeetingFromDashboard(world, alice, { room, callType, invite });
  await joinRoomPage(world, bob, room);
  return { room, alice, bob };
}

/** Opens /meeting/room?room=… and waits until connected (clicking the join button if the view shows one). */
export async function joinRoomPage(world, u, room) {
  await u.page.goto(`${world.stack.demoUrl}/meeting/room?room=${encodeURIComponent(room)}`, { waitUntil: 'domcontentloaded' });
  await waitConnected(u.page, { clickJoin: true });
  world.log(`${u.id} joined ${room}`);
}

/**
 * The remote tile of `identity` has a <video> with a non-zero size whose currentTime advances.
 * @returns {Promise<{ width: number, height: number, videoWidth: number, t0: number, t1: number }>}
 */
export async function expectRemoteVideoPlaying(page, identity, { timeoutMs = 20_000 } = {}) {
  const find = (id) => {
    const tiles = window.__e2e.deepAll(`[part~="tile"][data-identity="${CSS.escape(id)}"]`);
    for (const tile of tiles) {
      const v = tile.querySelector('video') ?? tile.shadowRoot?.querySelector('video') ?? window.__e2e.deepAll('video', tile)[0];
      if (!v) continue;
      const r = v.getBoundingClientRect();
      if (r.width > 0 && r.height > 0 && v.videoWidth > 0 && v.readyState >= 2) {
        return { width: r.width, height: r.height, videoWidth: v.videoWidth, videoHeight: v.videoHeight, t: v.currentTime };
      }
    }
    return null;
  };
  const first = await page
    .waitForFunction(find, identity, { timeout: timeoutMs, polling: 200 })
    .then((h) => h.jsonValue())
    .catch(async () => {
      const tiles = await page.evaluate(
        (id) =>
          window.__e2e.deepAll('[part~="tile"]').map((t) => {
            const v = window.__e2e.deepAll('video', t)[0] ?? t.querySelector('video');
            return `${t.getAttribute('data-identity')}: video=${!!v}${v ? ` ${v.videoWidth}x${v.videoHeight} rs=${v.readyState} box=${Math.round(v.getBoundingClientRect().width)}` : ''}`;
          }),
        identity,
      );
      throw new Error(`no playing video for ${identity} within ${timeoutMs} ms; tiles: [${tiles.join('; ')}]`);
    });
  await page.waitForTimeout(1200);
  const second = await page.evaluate(find, identity);
  if (!second || !(second.t > first.t)) throw new Error(`video of ${identity} does not advance (${first.t} → ${second?.t})`);
  return { ...first, t0: first.t, t1: second.t };
}

/** The page receives `identity`'s microphone: a subscribed remote audio track and an <audio data-identity> playing it. */
export async function expectRemoteAudio(page, identity, { timeoutMs = 20_000 } = {}) {
  await page
    .waitForFunction(
      (id) => {
        const room = window.__e2e.el()?.livekitRoom;
        const p = room?.remoteParticipants?.get(id);
        const pub = p && [...p.audioTrackPublications.values()].find((x) => x.isSubscribed && x.track?.mediaStreamTrack?.readyState === 'live');
        if (!pub) return false;
        const audio = window.__e2e.deepAll(`audio[data-identity="${CSS.escape(id)}"]`)[0];
        const tracks = audio?.srcObject?.getAudioTracks?.() ?? [];
        return tracks.some((t) => t.readyState === 'live');
      },
      identity,
      { timeout: timeoutMs, polling: 200 },
    )
    .catch(async () => {
      const info = await page.evaluate((id) => {
        const p = window.__e2e.el()?.livekitRoom?.remoteParticipants?.get(id);
        const pubs = p ? [...p.audioTrackPublications.values()].map((x) => `sub=${x.isSubscribed} track=${!!x.track}`) : 'no participant';
        const audios = window.__e2e.deepAll('audio').map((a) => a.getAttribute('data-identity'));
        return `publications: ${JSON.stringify(pubs)}; <audio data-identity>: ${JSON.stringify(audios)}`;
      }, identity);
      throw new Error(`no audio received from ${identity} within ${timeoutMs} ms (${info})`);
    });
}

/** CSP violations the page met (script, connect, media…); style ones are returned apart. */
export async function cspViolations(page) {
  const all = await page.evaluate(() => window.__e2e.csp);
  return {
    blocking: all.filter((v) => !v.directive.startsWith('style-src')),
    style: all.filter((v) => v.directive.startsWith('style-src')),
  };
}

export async function expectNoCspViolation(world, u) {
  const v = await cspViolations(u.page);
  if (v.style.length) world.log(`${u.id}: ${v.style.length} style-src violation(s): ${JSON.stringify(v.style.slice(0, 3))}`);
  if (v.blocking.length) throw new Error(`${u.id}: CSP violations: ${JSON.stringify(v.blocking.slice(0, 5))}`);
  return v;
}

/** The demo user's Urbania token, from the page's session (the demo login). */
export const tokenOf = (page) => page.evaluate((key) => JSON.parse(sessionStorage.getItem(key) ?? '{}').token, SESSION_KEY);

/** One request to the token service as that user: `{status, json}` (json undefined when the body is not JSON). */
export async function serviceApi(world, token, method, path, body) {
  const res = await fetch(`${world.stack.serviceUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body && { 'content-type': 'application/json' }) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: res.status, json: await res.json().catch(() => undefined) };
}

/** Identities the SFU sees in the room, with their tracks (server truth, via the RoomService API). */
export async function sfuParticipants(world, room) {
  const { RoomServiceClient } = await import('livekit-server-sdk');
  const svc = new RoomServiceClient(world.stack.livekitHttpUrl, world.stack.apiKey, world.stack.apiSecret);
  const list = await svc.listParticipants(room);
  return list.map((p) => ({
    identity: p.identity,
    canPublish: p.permission?.canPublish,
    tracks: p.tracks.map((t) => ({ type: t.type, source: t.source, muted: t.muted })),
  }));
}

export function assert(cond, message) {
  if (!cond) throw new Error(message);
}

/**
 * Serves the plain livekit-client page (lk-chat-page.html, `window.lkChat`) and the library from a loopback port of
 * its own (a real server: Chromium's local-network checks refuse a page that Playwright fulfils to open a WebSocket
 * to the loopback SFU).
 * @returns {Promise<{ url: string, close: () => void }>}
 */
export function servePlainPage() {
  const files = {
    '/': ['e2e/lk-chat-page.html', 'text/html; charset=utf-8'],
    '/e2e-lib/livekit-client.esm.mjs': ['node_modules/livekit-client/dist/livekit-client.esm.mjs', 'text/javascript; charset=utf-8'],
  };
  const server = createServer((req, res) => {
    const entry = files[new URL(req.url ?? '/', 'http://x').pathname];
    if (!entry) return void res.writeHead(404).end('not found');
    res.writeHead(200, { 'content-type': entry[1] }).end(readFileSync(path.join(ROOT, entry[0])));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
    resolve({ url: `http://127.0.0.1:${port}/`, close: () => server.close() });
  }));
}
