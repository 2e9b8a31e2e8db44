#!/usr/bin/env node
// Crowd benchmark (issue #8): the room view with 9 participants in one page. Prints figures; never fails on targets.
// Alice's <urbania-meeting> (demo room page, fake camera and microphone) is in the call; then 8 more participants
// join from one livekit-client page (bench/widget/crowd.html, fake devices at 320×180 without simulcast, all "talking":
// Chromium's fake microphone beeps) and stay. Alice's page records every long task (PerformanceObserver 'longtask') from before the arrivals to
// the end: while the 8 arrive, then for BENCH_CROWD_SECONDS (default 20) while everyone talks.
// Target: no long task over 100 ms in the room view while they talk.
// Runs in the loopback-only network namespace, on the stack of e2e/stack.mjs. Env: BENCH_CROWD (8), BENCH_CROWD_SECONDS.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { RESULTS_DIR, demoLogin, ensureLoopbackNamespace, launchChromium, serviceCall, startStack } from '../../e2e/stack.mjs';
import { openMeeting, waitConnected } from '../../e2e/pages.mjs';
import { WIDGET, ensureBuilt } from '../../scripts/kit/index.mjs';
import { startBenchPages } from './static-server.mjs';

await ensureLoopbackNamespace();

const CROWD = Number(process.env.BENCH_CROWD ?? 8);
const SECONDS = Number(process.env.BENCH_CROWD_SECONDS ?? 20);
/** Diagnosis: crowd indexes (0-based) whose first connection is made to time out after the SFU accepted it. */
const FAIL_FIRST = (process.env.BENCH_CROWD_FAIL_FIRST ?? '').split(',').filter(Boolean).map(Number);
/** Diagnosis: the simulated participants subscribe to each other's media, as they did before (they starved). */
const SUBSCRIBE = process.env.BENCH_CROWD_SUBSCRIBE === '1';
/** Diagnosis: compare the SFU, Alice's Room and the tiles every second from the arrivals to the end (adds work). */
const WATCH = process.env.BENCH_CROWD_WATCH === '1';
/** How long the 8 joins may take in all (one after the other, each with up to 2 attempts of ~15 s at worst). */
const JOIN_MS = 180_000;
const load = () => os.loadavg().map((x) => x.toFixed(1)).join(' ');

/** Long tasks of the page since the observer started, in ms: [startTime, duration]. */
const LONGTASK_PROBE = () => {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push([Math.round(e.startTime), Math.round(e.duration)]);
  }).observe({ type: 'longtask' });
};

/** Videos of the page that show frames (size known and time moving): the self-view and every remote camera. */
const playingVideos = (page) =>
  page.evaluate(async () => {
    const all = [];
    const walk = (root) => {
      for (const el of root.querySelectorAll('*')) {
        if (el.tagName === 'VIDEO') all.push(el);
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(document);
    const before = all.map((v) => v.currentTime);
    await new Promise((r) => setTimeout(r, 400));
    return all.filter((v, i) => v.videoWidth > 0 && v.currentTime > before[i]).length;
  });

/**
 * In Alice's page, once her Room exists: every participant event of that Room and every participant update the SFU
 * sent it (identity/sid/state), in ms of performance.now(), to explain a count that differs.
 */
const ROOM_LOG_PROBE = () => {
  const room = document.querySelector('urbania-meeting')?.livekitRoom;
  window.__roomLog = [];
  if (!room) return false;
  const t = () => Math.round(performance.now());
  const STATES = ['JOINING', 'JOINED', 'ACTIVE', 'DISCONNECTED'];
  room.on('participantConnected', (p) => window.__roomLog.push(`${t()} ParticipantConnected ${p.identity} ${p.sid}`));
  room.on('participantDisconnected', (p) => window.__roomLog.push(`${t()} ParticipantDisconnected ${p.identity} ${p.sid}`));
  room.engine?.on('participantUpdate', (infos) =>
    window.__roomLog.push(`${t()} update ${infos.map((i) => `${i.identity}/${i.sid}/${STATES[i.state] ?? i.state}`).join(' ')}`));
  return true;
};

/** What Alice's page has: her Room's remote participants and the widget's tiles, count badge and pager. */
const widgetPicture = (page) =>
  page.evaluate(() => {
    const meeting = document.querySelector('urbania-meeting');
    const room = meeting?.livekitRoom;
    const found = { tiles: [], badge: null, pager: false };
    const walk = (root) => {
      for (const el of root.querySelectorAll('*')) {
        const part = el.getAttribute('part') ?? '';
        if (part.split(' ').includes('tile')) found.tiles.push(el.getAttribute('data-identity'));
        if (part.split(' ').includes('pager')) found.pager = true;
        if (el.classList.contains('count') && found.badge === null) found.badge = Number(el.textContent);
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    if (meeting) walk(meeting.shadowRoot ?? meeting);
    return {
      local: room?.localParticipant.identity,
      room: room ? [...room.remoteParticipants.values()].map((p) => `${p.identity}/${p.sid}`) : [],
      ...found,
    };
  });

/**
 * The three pictures of the call side by side: the SFU's (ListParticipants), Alice's Room's, the widget's. Returns
 * the figures and the identities missing from each.
 */
async function consistency(svc, room, page) {
  const [sfu, w] = await Promise.all([svc.listParticipants(room), widgetPicture(page)]);
  const sfuIds = sfu.map((p) => p.identity).sort();
  const roomIds = [w.local, ...w.room.map((x) => x.split('/')[0])].sort();
  const tileIds = [...w.tiles].sort();
  const missing = (from, inList) => from.filter((id) => !inList.includes(id));
  return {
    sfu: sfuIds.length,
    room: roomIds.length,
    tiles: tileIds.length,
    badge: w.badge,
    pager: w.pager,
    sfuSids: sfu.map((p) => `${p.identity}/${p.sid}`),
    roomSids: w.room,
    notInRoom: missing(sfuIds, roomIds),
    notOnSfu: missing(roomIds, sfuIds),
    notShown: missing(sfuIds, tileIds),
    ok: sfuIds.join() === roomIds.join() && roomIds.join() === tileIds.join() && w.badge === sfuIds.length,
  };
}

/**
 * The pictures compared; when they differ, compared again every 500 ms for up to 5 s, to tell a change in flight
 * (someone leaving or rejoining: the SFU and the Room are updated one after the other) from a lasting mismatch.
 */
async function checkedConsistency(svc, room, page) {
  const first = await consistency(svc, room, page);
  if (first.ok) return first;
  const t0 = Date.now();
  for (let c = first; Date.now() - t0 < 5000; ) {
    await page.waitForTimeout(500);
    c = await consistency(svc, room, page);
    if (c.ok) return { ...first, settledAfterMs: Date.now() - t0, settled: c };
  }
  return { ...first, settledAfterMs: null };
}

const pictureLine = (label, c) =>
  `    ${label}: SFU ${c.sfu}, Alice's Room ${c.room}, widget ${c.tiles} tiles (count badge ${c.badge}${c.pager ? ', pager shown' : ''}) ${c.ok ? 'consistent' : `MISMATCH: not in the Room [${c.notInRoom}], in the Room but not on the SFU [${c.notOnSfu}], not shown [${c.notShown}]; ${c.settledAfterMs == null ? 'still so 5 s later' : `consistent again ${c.settledAfterMs} ms later (SFU ${c.settled.sfu}, Room ${c.settled.room}, tiles ${c.settled.tiles})`}`}`;

function summary(tasks, from, to) {
  const inWindow = tasks.filter(([t]) => t >= from && t < to).map(([, d]) => d);
  const over100 = inWindow.filter((d) => d > 100);
  return { count: inWindow.length, over100: over100.length, longest: inWindow.length ? Math.max(...inWindow) : 0, total: inWindow.reduce((s, d) => s + d, 0) };
}

async function main() {
  console.log(`bench/widget crowd: ${CROWD + 1} participants, room view of one of them (${process.env.URBANIA_NETNS ?? 'host'} loopback; load average ${load()} on ${os.cpus().length} cores)`);
  if (!process.env.WIDGET_DIR) {
    const build = ensureBuilt(WIDGET, { say: (m) => console.error(m) });
    if (!build.ok) throw new Error(build.error);
  }
  const stack = await startStack({ demo: true });
  const pages = await startBenchPages('crowd.html');
  const sdk = await import('livekit-server-sdk');
  let browser;
  const result = { participants: CROWD + 1, seconds: SECONDS, loadStart: os.loadavg(), arrivals: null, talking: null, videosPlaying: 0 };
  try {
    if (!existsSync(path.join(stack.widgetDir, 'urbania-meeting.js'))) throw new Error('widget/dist/cdn/urbania-meeting.js missing');
    browser = await launchChromium();
    const alice = await demoLogin(stack.serviceUrl, 'alice');
    const room = `bench-crowd-${Date.now()}`;
    await serviceCall(stack.serviceUrl, alice.access_token, 'POST', '/api/livekit/rooms', { room_name: room, participants: ['alice'], call_type: 'video' });

    const ctxA = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await ctxA.addInitScript(LONGTASK_PROBE);
    const a = await ctxA.newPage();
    await openMeeting(a, stack, alice, `/meeting/room?room=${encodeURIComponent(room)}`);
    await waitConnected(a, { clickJoin: true });
    if (!(await a.evaluate(ROOM_LOG_PROBE))) throw new Error("Alice's widget exposes no livekitRoom");
    await a.waitForTimeout(1500);
    const svc = new sdk.RoomServiceClient(stack.livekitHttpUrl, stack.apiKey, stack.apiSecret);

    const mint = async (i) => {
      const at = new sdk.AccessToken(stack.apiKey, stack.apiSecret, { identity: `crowd-${i}`, name: `Participant ${i}`, ttl: 600 });
      at.addGrant({ roomJoin: true, room, canPublish: true, canSubscribe: true });
      return at.toJwt();
    };
    const tokens = await Promise.all(Array.from({ length: CROWD }, (_, i) => mint(i + 1)));
    const ctxB = await browser.newContext();
    const b = await ctxB.newPage();
    await b.goto(`${pages.url}/crowd.html`);
    const tArrive = await a.evaluate(() => performance.now());
    let watching = WATCH;
    result.watch = [];
    const watcher = (async () => {
      const t0 = Date.now();
      while (watching) {
        /** @type {any} */
        const c = await consistency(svc, room, a).catch((err) => ({ error: String(err), ok: false }));
        if (!c.ok) result.watch.push({ s: Math.round((Date.now() - t0) / 100) / 10, ...c });
        await new Promise((r) => setTimeout(r, 1000));
      }
    })();
    // The joins run in the page; polled rather than awaited, so that a join still hanging after JOIN_MS is reported
    // with what did happen (who joined, each attempt) instead of ending the bench.
    await b.evaluate((c) => { window.crowdJoin = window.joinCrowd(c).then((r) => (window.crowdResult = r), (err) => (window.crowdResult = { error: String(err) })); },
      { url: stack.livekitWsUrl, tokens, failFirst: FAIL_FIRST, subscribe: SUBSCRIBE });
    const joinDeadline = Date.now() + JOIN_MS;
    while (Date.now() < joinDeadline && !(await b.evaluate(() => window.crowdResult))) await b.waitForTimeout(500);
    result.crowd = await b.evaluate(() => window.crowdResult ?? { joined: window.crowdRooms.length, failed: [], log: window.crowdLog, stillJoining: true });
    if (result.crowd.error) throw new Error(`crowd page: ${result.crowd.error}`);
    // Everyone is in when Alice's page shows every video moving: her own and the 8 others'.
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline && (result.videosPlaying = await playingVideos(a)) < CROWD + 1) await a.waitForTimeout(500);
    result.afterArrivals = await checkedConsistency(svc, room, a);
    const tTalk = await a.evaluate(() => performance.now());
    await a.waitForTimeout(SECONDS * 1000);
    const tEnd = await a.evaluate(() => performance.now());
    const tasks = await a.evaluate(() => window.__longTasks);
    watching = false;
    await watcher;
    result.roomLog = await a.evaluate(() => window.__roomLog);
    result.arrivals = { ms: Math.round(tTalk - tArrive), ...summary(tasks, tArrive, tTalk) };
    result.talking = { ms: Math.round(tEnd - tTalk), ...summary(tasks, tTalk, tEnd) };
    result.longTasks = tasks;
    mkdirSync(RESULTS_DIR, { recursive: true });
    await a.screenshot({ path: path.join(RESULTS_DIR, 'bench-crowd-room.png') });
    result.atEnd = await checkedConsistency(svc, room, a); // what the screenshot shows, against the SFU
    result.crowd.events = await b.evaluate(() => window.crowdEvents);
    await ctxB.close();
    await ctxA.close();
  } finally {
    await browser?.close().catch(() => {});
    pages.server.close();
    await stack.stop();
  }
  result.loadEnd = os.loadavg();
  const line = (label, s) =>
    console.log(`    ${label}: ${(s.ms / 1000).toFixed(1)} s, ${s.count} long tasks (${s.total} ms in all), longest ${s.longest} ms, ${s.over100} over 100 ms`);
  const { crowd } = result;
  if (crowd.stillJoining) console.log(`    crowd page: STILL JOINING after ${JOIN_MS / 1000} s; measured with those who had joined`);
  const retries = crowd.log.filter((e) => e.attempt > 1).length;
  const unpublished = crowd.log.filter((e) => e.attempt === 0);
  console.log(`    crowd page: ${crowd.joined} of ${CROWD} joined, ${retries} retried${crowd.failed.length ? `, gave up on ${crowd.failed.map((i) => `crowd-${i + 1}`)}` : ''}${unpublished.length ? `, ${unpublished.length} could not publish (${unpublished.map((e) => `crowd-${e.index + 1}: ${e.error}`).join("; ")})` : ''}; connection attempts (ms): ${crowd.log.filter((e) => e.attempt > 0).map((e) => `crowd-${e.index + 1}#${e.attempt} ${e.ms}${e.ok ? '' : ` (${e.error})`}`).join(', ')}`);
  console.log(pictureLine('after the arrivals', result.afterArrivals));
  console.log(pictureLine('at the screenshot', result.atEnd));
  console.log(`    crowd page reconnections after joining: ${crowd.events.length ? crowd.events.map(([t, i, ev]) => `${(t / 1000).toFixed(1)} s crowd-${i + 1} ${ev}`).join(', ') : 'none'}`);
  if (WATCH) {
    console.log(`    watch (every second from the arrivals): ${result.watch.length} samples differed`);
    for (const w of result.watch) console.log(`      ${w.s} s: ${w.error ?? `SFU ${w.sfu}, Room ${w.room}, tiles ${w.tiles} (badge ${w.badge}); not in Room [${w.notInRoom}], not on SFU [${w.notOnSfu}], not shown [${w.notShown}]`}`);
  }
  console.log(`    videos playing in the room view (self-view included): ${result.videosPlaying}`);
  const suspects = new Set([...result.afterArrivals.notInRoom, ...result.afterArrivals.notShown, ...result.atEnd.notInRoom, ...result.atEnd.notShown,
    ...crowd.log.filter((e) => !e.ok).map((e) => `crowd-${e.index + 1}`)]);
  for (const id of suspects) console.log(`    Alice's Room about ${id}:\n      ${result.roomLog.filter((l) => l.includes(`${id}/`) || l.endsWith(` ${id}`) || l.includes(` ${id} `)).join('\n      ')}`);
  line('while the others arrive', result.arrivals);
  line(`while all ${CROWD + 1} talk`, result.talking);
  console.log(`    target (no long task over 100 ms while they talk): ${result.talking.over100 === 0 ? 'met' : 'NOT met'}; load average at the end ${load()}`);
  console.log(`    screenshot: test-results/bench-crowd-room.png`);
  writeFileSync(path.join(RESULTS_DIR, 'bench-widget-crowd.json'), JSON.stringify(result, null, 2));
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error('bench/widget crowd failed:', err);
    process.exit(1);
  },
);
