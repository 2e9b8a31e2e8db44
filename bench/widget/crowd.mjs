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
import { openMeeting, waitConnected, withTimeout } from '../../e2e/pages.mjs';
import { WIDGET, ensureBuilt } from '../../scripts/kit/index.mjs';
import { startBenchPages } from './static-server.mjs';

await ensureLoopbackNamespace();

const CROWD = Number(process.env.BENCH_CROWD ?? 8);
const SECONDS = Number(process.env.BENCH_CROWD_SECONDS ?? 20);
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
  const result = { participants: CROWD + 1, seconds: SECONDS, loadStart: os.loadavg(), arrivals: null, talking: null, videosPlaying: 0, remoteParticipants: 0 };
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
    await a.waitForTimeout(1500);

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
    await withTimeout(b.evaluate((c) => window.joinCrowd(c), { url: stack.livekitWsUrl, tokens }), 120_000, 'crowd join');
    // Everyone is in when Alice's page shows every video moving: her own and the 8 others'.
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline && (result.videosPlaying = await playingVideos(a)) < CROWD + 1) await a.waitForTimeout(500);
    result.remoteParticipants = await a.evaluate(() => document.querySelector('urbania-meeting')?.livekitRoom?.remoteParticipants.size ?? 0);
    const tTalk = await a.evaluate(() => performance.now());
    await a.waitForTimeout(SECONDS * 1000);
    const tEnd = await a.evaluate(() => performance.now());
    const tasks = await a.evaluate(() => window.__longTasks);
    result.arrivals = { ms: Math.round(tTalk - tArrive), ...summary(tasks, tArrive, tTalk) };
    result.talking = { ms: Math.round(tEnd - tTalk), ...summary(tasks, tTalk, tEnd) };
    result.longTasks = tasks;
    mkdirSync(RESULTS_DIR, { recursive: true });
    await a.screenshot({ path: path.join(RESULTS_DIR, 'bench-crowd-room.png') });
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
  console.log(`    in Alice's call: ${result.remoteParticipants} others (of ${CROWD}); videos playing in the room view (self-view included): ${result.videosPlaying}`);
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
