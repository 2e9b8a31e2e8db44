#!/usr/bin/env node
// Widget benchmark. Prints figures; never fails on targets (exit status 0 unless the harness itself breaks).
//   (a) gzip size of widget/dist/cdn/ and of the JS a page downloads before the pre-join view is interactive
//       (targets: ≤ 175 KB and ≤ 30 KB);
//   (b) time from clicking Join to the first remote video frame, two participants, <urbania-meeting> against a
//       minimal livekit-client page (bench/widget/baseline.html), same SFU, same run (target: ≤ 1.15×).
// Runs inside a loopback-only network namespace (scripts/kit/netns.mjs), on the stack of e2e/stack.mjs. Env: BENCH_ITERATIONS (default 7), BENCH_SETTLE_MS (2500), WIDGET_DIR.
import { createServer } from 'node:http';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import {
  ROOT,
  RESULTS_DIR,
  demoLogin,
  ensureLoopbackNamespace,
  launchChromium,
  serviceCall,
  sleep,
  startStack,
} from '../../e2e/stack.mjs';
import { openMeeting, waitConnected, withTimeout } from '../../e2e/pages.mjs';
import { WIDGET, ensureBuilt } from '../../scripts/kit/index.mjs';

await ensureLoopbackNamespace();

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 7);
// The host has been in the call this long before the measured participant clicks. Without it the first remote
// frame waits for the SFU's keyframe-request throttle (pli_throttle, ~1 s) still running from the host's own
// publish, which adds 0–1 s at random to either page (measured: 260–1530 ms spread → 260–450 ms with it).
const SETTLE_MS = Number(process.env.BENCH_SETTLE_MS ?? 2500);
const PROBE = path.join(HERE, 'first-frame-probe.js');
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
};
const gz = (buf) => gzipSync(buf, { level: 9 }).length;
const results = { sizes: null, prejoin: null, join: null };

// ---------------------------------------------------------------------------------------------
// (a) sizes
// ---------------------------------------------------------------------------------------------
function walk(dir) {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

function cdnSizes(CDN_DIR) {
  if (!existsSync(CDN_DIR)) {
    console.log('(a) widget/dist/cdn/ does not exist: run `npm run build -w widget` first');
    return null;
  }
  const files = walk(CDN_DIR).map((p) => {
    const buf = readFileSync(p);
    return { file: path.relative(CDN_DIR, p), raw: buf.length, gzip: gz(buf) };
  });
  const shipped = files.filter((f) => !f.file.endsWith('.map'));
  const total = shipped.reduce((s, f) => s + f.gzip, 0);
  const maps = files.filter((f) => f.file.endsWith('.map')).reduce((s, f) => s + f.gzip, 0);
  console.log('\n(a) widget/dist/cdn/ (gzip -9 per file)');
  for (const f of shipped.sort((a, b) => b.gzip - a.gzip)) console.log(`    ${f.file.padEnd(48)} ${kb(f.raw).padStart(10)} raw ${kb(f.gzip).padStart(10)} gz`);
  console.log(`    total shipped (without source maps): ${kb(total)} gz  [target ≤ 175 KB: ${total <= 175 * 1024 ? 'met' : 'NOT met'}]`);
  if (maps) console.log(`    (source maps, not downloaded by pages: ${kb(maps)} gz)`);
  return { files: shipped, totalGzip: total };
}

// ---------------------------------------------------------------------------------------------
// static server for the baseline page
// ---------------------------------------------------------------------------------------------
function startBaselineServer() {
  const files = {
    '/': ['baseline.html', 'text/html; charset=utf-8'],
    '/baseline.html': ['baseline.html', 'text/html; charset=utf-8'],
    '/baseline.js': ['baseline.js', 'text/javascript; charset=utf-8'],
    '/baseline.css': ['baseline.css', 'text/css; charset=utf-8'],
  };
  const lib = path.join(ROOT, 'node_modules/livekit-client/dist/livekit-client.esm.mjs');
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    if (url.pathname === '/lib/livekit-client.esm.mjs') {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' });
      return res.end(readFileSync(lib));
    }
    const entry = files[url.pathname];
    if (!entry) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': entry[1], 'cache-control': 'no-store' });
    res.end(readFileSync(path.join(HERE, entry[0])));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${/** @type {import('node:net').AddressInfo} */ (server.address()).port}` })));
}

// ---------------------------------------------------------------------------------------------
// (a') JS downloaded before the pre-join view is interactive
// ---------------------------------------------------------------------------------------------
async function prejoinDownload(browser, stack, auth) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const scripts = [];
  let interactive = false;
  const late = [];
  page.on('response', async (res) => {
    const type = res.request().resourceType();
    const ct = res.headers()['content-type'] ?? '';
    if (type !== 'script' && !ct.includes('javascript')) return;
    const entry = { url: res.url(), before: !interactive };
    (interactive ? late : scripts).push(entry);
    try {
      entry.gzip = gz(await res.body());
    } catch {
      entry.gzip = 0;
    }
  });
  try {
    const t0 = Date.now();
    await openMeeting(page, stack, auth, '/meeting/pre-join');
    // Interactive: the room-name field takes input and the start button can be pressed.
    const name = page.locator('[part~="room-name-input"]').first();
    await name.waitFor({ state: 'visible', timeout: 20_000 });
    await name.fill(`bench-size-${Date.now()}`);
    const start = page.locator('[part~="start-button"]').first();
    await start.waitFor({ state: 'visible', timeout: 20_000 });
    await page.waitForFunction((el) => !el.disabled && !el.hasAttribute('aria-disabled'), await start.elementHandle(), { timeout: 20_000 });
    interactive = true;
    const ms = Date.now() - t0;
    await sleep(1500); // see what else arrives afterwards (prefetches), reported separately
    const before = scripts.reduce((s, e) => s + (e.gzip ?? 0), 0);
    console.log(`\n(a) JS downloaded before the pre-join view is interactive (${ms} ms after navigation):`);
    for (const e of scripts) console.log(`    ${new URL(e.url).pathname.padEnd(48)} ${kb(e.gzip ?? 0).padStart(10)} gz`);
    const widgetOnly = scripts.filter((e) => new URL(e.url).pathname.startsWith('/widget/')).reduce((s, e) => s + (e.gzip ?? 0), 0);
    console.log(`    total: ${kb(before)} gz, of which the widget (/widget/*) ${kb(widgetOnly)} gz and the demo page's own scripts ${kb(before - widgetOnly)}  [target ≤ 30 KB: ${before <= 30 * 1024 ? 'met' : 'NOT met'}]`);
    if (late.length) console.log(`    loaded later, after interactive: ${late.map((e) => `${new URL(e.url).pathname} (${kb(e.gzip ?? 0)})`).join(', ')}`);
    return { totalGzip: before, widgetGzip: widgetOnly, interactiveMs: ms, scripts: scripts.map((e) => ({ path: new URL(e.url).pathname, gzip: e.gzip })), late: late.map((e) => new URL(e.url).pathname) };
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------------------------------------
// (b) Join → first remote frame
// ---------------------------------------------------------------------------------------------
let phaseLog = [];
async function measure(page, click) {
  await page.evaluate(() => {
    window.__probe.clickAt = null;
    window.__probe.firstRemoteFrameAt = null;
    window.__probe.marks = {};
  });
  await click();
  await page.waitForFunction(() => window.__probe.firstRemoteFrameAt != null && window.__probe.clickAt != null, null, { timeout: 30_000, polling: 50 });
  const r = await page.evaluate(() => {
    const p = window.__probe;
    const marks = { ...p.marks, ...(window.baselineMarks ?? {}) };
    const phases = {};
    for (const [k, v] of Object.entries(marks)) if (k !== 'click') phases[k] = Math.round(v - p.clickAt);
    return { total: p.firstRemoteFrameAt - p.clickAt, phases };
  });
  phaseLog.push(r.phases);
  return r.total;
}

async function baselineIteration(browser, stack, base, sdk, i) {
  const { AccessToken, RoomServiceClient } = sdk;
  const rooms = new RoomServiceClient(stack.livekitHttpUrl, stack.apiKey, stack.apiSecret);
  const name = `bench-base-${Date.now()}-${i}`;
  await rooms.createRoom({ name, emptyTimeout: 30 });
  const mint = (identity) => {
    const at = new AccessToken(stack.apiKey, stack.apiSecret, { identity, name: identity, ttl: 600 });
    at.addGrant({ roomJoin: true, room: name, canPublish: true, canSubscribe: true });
    return at.toJwt();
  };
  const ctxA = await browser.newContext();
  const ctxB = await browser.newContext();
  try {
    const a = await ctxA.newPage();
    await a.goto(`${base.url}/baseline.html`);
    await a.evaluate((c) => (window.baselineCredentials = c), { url: stack.livekitWsUrl, token: await mint('host') });
    await a.click('#join');
    await a.waitForSelector('#state[data-published]', { timeout: 20_000 });
    await a.waitForTimeout(SETTLE_MS);

    await ctxB.addInitScript({ path: PROBE });
    const b = await ctxB.newPage();
    await b.goto(`${base.url}/baseline.html`);
    await b.evaluate((c) => (window.baselineCredentials = c), { url: stack.livekitWsUrl, token: await mint('guest') });
    await b.waitForSelector('#join:enabled');
    return await measure(b, () => b.click('#join'));
  } finally {
    await ctxB.close();
    await ctxA.close();
    await rooms.deleteRoom(name).catch(() => {});
  }
}

async function widgetIteration(browser, stack, auth, i, { warm = false } = {}) {
  const room = `bench-widget-${Date.now()}-${i}`;
  await serviceCall(stack.serviceUrl, auth.alice.access_token, 'POST', '/api/livekit/rooms', {
    room_name: room,
    participants: ['alice', 'bob'],
    call_type: 'video',
  });
  const ctxA = await browser.newContext();
  const ctxB = await browser.newContext();
  try {
    const a = await ctxA.newPage();
    await openMeeting(a, stack, auth.alice, `/meeting/room?room=${encodeURIComponent(room)}`);
    await waitConnected(a, { clickJoin: true });
    await a.waitForFunction(
      () => {
        const el = document.querySelector('urbania-meeting');
        const lp = el?.livekitRoom?.localParticipant;
        return lp && lp.videoTrackPublications.size > 0;
      },
      null,
      { timeout: 20_000 },
    );
    await a.waitForTimeout(SETTLE_MS);

    await ctxB.addInitScript({ path: PROBE });
    const b = await ctxB.newPage();
    await openMeeting(b, stack, auth.bob, `/meeting/invite?room=${encodeURIComponent(room)}`);
    const join = b.locator('[part~="join-button"]').first();
    await join.waitFor({ state: 'visible', timeout: 20_000 });
    await b.waitForFunction((el) => !el.disabled, await join.elementHandle(), { timeout: 20_000 });
    if (warm) {
      // A user's pointer reaches the button before the click: the widget starts loading livekit-client then.
      await join.hover();
      await b.waitForTimeout(1500);
    }
    return await measure(b, () => join.click());
  } finally {
    await ctxB.close();
    await ctxA.close();
  }
}

async function joinTimes(browser, stack, auth) {
  const sdk = await import('livekit-server-sdk');
  const base = await startBaselineServer();
  const out = { baseline: [], widget: [], widgetWarm: [], phases: { baseline: [], widget: [], widgetWarm: [] }, errors: [] };
  const widgetReady = auth && existsSync(path.join(stack.widgetDir, 'urbania-meeting.js'));
  try {
    // Warm-up (first Chromium media start is slower), not counted.
    await baselineIteration(browser, stack, base, sdk, 'warm').catch((e) => out.errors.push(`warm-up: ${e.message}`));
    for (let i = 0; i < ITERATIONS; i++) {
      try {
        phaseLog = out.phases.baseline;
        out.baseline.push(await withTimeout(baselineIteration(browser, stack, base, sdk, i), 60_000, 'baseline iteration'));
      } catch (e) {
        out.errors.push(`baseline #${i}: ${e.message.split('\n')[0]}`);
      }
      if (widgetReady) {
        try {
          phaseLog = out.phases.widget;
          out.widget.push(await withTimeout(widgetIteration(browser, stack, auth, i), 60_000, 'widget iteration'));
        } catch (e) {
          out.errors.push(`widget #${i}: ${e.message.split('\n')[0]}`);
        }
        try {
          phaseLog = out.phases.widgetWarm;
          out.widgetWarm.push(await withTimeout(widgetIteration(browser, stack, auth, i, { warm: true }), 60_000, 'widget iteration (warm)'));
        } catch (e) {
          out.errors.push(`widget warm #${i}: ${e.message.split('\n')[0]}`);
        }
      }
    }
  } finally {
    base.server.close();
  }
  const mb = median(out.baseline);
  const mw = median(out.widget);
  const fmt = (xs) => `min ${xs.length ? Math.min(...xs).toFixed(0) : 'n/a'}; all: ${xs.map((x) => x.toFixed(0)).join(', ')}`;
  console.log(`\n(b) Join click → first remote video frame, two participants, ${ITERATIONS} iterations each (ms)`);
  console.log(`    baseline (livekit-client only): median ${mb.toFixed(0)} ms  [${fmt(out.baseline)}]`);
  if (widgetReady) {
    console.log(`    <urbania-meeting> (invite page, click as soon as "Rejoindre maintenant" is enabled): median ${Number.isNaN(mw) ? 'n/a' : mw.toFixed(0) + ' ms'}  [${fmt(out.widget)}]`);
    const ratio = mw / mb;
    console.log(`    ratio widget / baseline: ${Number.isFinite(ratio) ? ratio.toFixed(2) + '×' : 'n/a'}  [target ≤ 1.15×: ${ratio <= 1.15 ? 'met' : 'NOT met'}]`);
    const mww = median(out.widgetWarm);
    console.log(`    <urbania-meeting>, pointer on the button 1.5 s before the click (page open longer, livekit-client surely fetched): median ${Number.isNaN(mww) ? 'n/a' : mww.toFixed(0) + ' ms'}  [${fmt(out.widgetWarm)}]  ratio ${(mww / mb).toFixed(2)}×`);
  } else {
    console.log(`    <urbania-meeting>: not measured (${!auth ? 'no token service' : 'widget/dist/cdn/urbania-meeting.js missing'})`);
  }
  // Where the time goes: median time after the click at which each phase was first seen.
  for (const [series, list] of Object.entries(out.phases)) {
    if (!list.length) continue;
    const keys = [...new Set(list.flatMap((p) => Object.keys(p)))];
    const med = keys
      .map((k) => [k, median(list.map((p) => p[k]).filter((x) => x != null))])
      .sort((a, b) => a[1] - b[1])
      .map(([k, v]) => `${k} ${v.toFixed(0)}`);
    console.log(`    phases, ${series} (median ms after the click): ${med.join(', ')}`);
  }
  for (const e of out.errors) console.log(`    error: ${e}`);
  return { ...out, medianBaseline: mb, medianWidget: mw, ratio: mw / mb, medianWidgetWarm: median(out.widgetWarm), ratioWarm: median(out.widgetWarm) / mb };
}

// ---------------------------------------------------------------------------------------------
async function main() {
  const load = (await import('node:os')).loadavg().map((x) => x.toFixed(1)).join(' ');
  console.log(`bench/widget (${process.env.URBANIA_NETNS ?? 'host'} loopback; load average ${load} on ${(await import('node:os')).cpus().length} cores — timings are only comparable within one run)`);
  // The widget measured is the current one: built first when missing or older than its sources (WIDGET_DIR: as is).
  if (!process.env.WIDGET_DIR) {
    const build = ensureBuilt(WIDGET, { say: (m) => console.error(m) });
    if (!build.ok) throw new Error(build.error);
  }
  const stack = await startStack({ demo: true });
  results.sizes = cdnSizes(stack.widgetDir); // the snapshot the demo serves, so (a) and (b) measure the same build
  let browser;
  try {
    browser = await launchChromium();
    let auth = null;
    if (stack.serviceUrl) {
      auth = { alice: await demoLogin(stack.serviceUrl, 'alice'), bob: await demoLogin(stack.serviceUrl, 'bob') };
    }
    if (auth && existsSync(path.join(stack.widgetDir, 'urbania-meeting.js'))) {
      try {
        results.prejoin = await withTimeout(prejoinDownload(browser, stack, auth.alice), 60_000, 'pre-join measurement');
      } catch (e) {
        console.log(`\n(a) pre-join download: could not measure (${e.message.split('\n')[0]})`);
      }
    } else {
      console.log(`\n(a) pre-join download: not measured (${!auth ? 'no token service' : 'widget not built'})`);
    }
    results.join = await joinTimes(browser, stack, auth);
  } finally {
    await browser?.close().catch(() => {});
    await stack.stop();
  }
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(path.join(RESULTS_DIR, 'bench-widget.json'), JSON.stringify(results, null, 2));
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error('bench/widget failed:', err);
    process.exit(1);
  },
);
