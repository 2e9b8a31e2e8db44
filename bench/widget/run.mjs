#!/usr/bin/env node
// Widget benchmark. Prints figures; never fails on targets (exit status 0 unless the harness itself breaks).
//   (a) gzip size of widget/dist/cdn/ and of the JS a page downloads before the pre-join view is interactive
//       (targets: ≤ 190 KB, issue #8, and ≤ 30 KB);
//   (b) time from clicking Join to the first remote video frame, two participants, <urbania-meeting> against a
//       minimal livekit-client page (bench/widget/baseline.html), same SFU, same run (target: ≤ 1.15×).
// Runs inside a loopback-only network namespace (scripts/kit/netns.mjs), on the stack of e2e/stack.mjs. Env: BENCH_ITERATIONS (default 15), BENCH_SETTLE_MS (2500), WIDGET_DIR.
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
import { startBenchPages } from './static-server.mjs';
import { WIDGET, ensureBuilt } from '../../scripts/kit/index.mjs';

await ensureLoopbackNamespace();

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 15);
// The host has been in the call this long before the measured participant clicks. Without it the first remote
// frame waits for the SFU's keyframe-request throttle (pli_throttle, ~1 s) still running from the host's own
// publish, which adds 0–1 s at random to either page (measured: 260–1530 ms spread → 260–450 ms with it).
const SETTLE_MS = Number(process.env.BENCH_SETTLE_MS ?? 2500);
const PROBE = path.join(HERE, 'first-frame-probe.js');
// BENCH_TRACE=1: both participants' pages also get trace-probe.js, and every round's timeline (signalling messages
// decoded, offers/answers, ICE/DTLS states, simulcast layers switched by dynacast, keyframes/PLI, first frames) is
// written to test-results/bench-widget-trace.txt, in ms after the click. For diagnosis; it adds work to the pages.
const TRACE = process.env.BENCH_TRACE === '1';
const TRACE_PROBE = path.join(HERE, 'trace-probe.js');
const traceRounds = [];
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
  console.log(`    total shipped (without source maps): ${kb(total)} gz  [target ≤ 190 KB: ${total <= 190 * 1024 ? 'met' : 'NOT met'}]`);
  if (maps) console.log(`    (source maps, not downloaded by pages: ${kb(maps)} gz)`);
  return { files: shipped, totalGzip: total };
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
let lastClickAbs = 0;
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
    return { total: p.firstRemoteFrameAt - p.clickAt, phases, clickAbs: performance.timeOrigin + p.clickAt };
  });
  phaseLog.push(r.phases);
  lastClickAbs = r.clickAbs;
  return r.total;
}

let protocol;
/** One line per signalling message: its case and what matters for the first frame. */
function decodeSignal(dir, b64) {
  const bytes = Buffer.from(b64, 'base64');
  let msg;
  try {
    msg = (dir === 'in' ? protocol.SignalResponse : protocol.SignalRequest).fromBinary(bytes).message;
  } catch (e) {
    return `${dir} ? (${bytes.length} B)`;
  }
  const v = msg.value;
  switch (msg.case) {
    case 'trickle':
      return null;
    case 'offer':
    case 'answer':
      return `${msg.case} id=${v.id ?? ''} ${(v.sdp.match(/\r?\nm=\w+/g) ?? []).length} m-sections`;
    case 'addTrack':
      return `addTrack ${v.type === 1 ? 'video' : 'audio'} source=${v.source} ${v.width ? v.width + 'x' + v.height : ''} layers=${v.layers?.length ?? 0}`;
    case 'trackPublished':
      return `trackPublished ${v.track?.type === 1 ? 'video' : 'audio'} ${v.track?.sid}`;
    case 'subscribedQualityUpdate':
      return `subscribedQualityUpdate ${v.trackSid} ${(v.subscribedCodecs?.[0]?.qualities ?? v.subscribedQualities ?? []).map((q) => `${q.quality}:${q.enabled ? 'on' : 'off'}`).join(' ')}`;
    case 'update':
      return `update ${v.participants.map((p) => `${p.identity}(${p.state}, ${p.tracks.length} tracks)`).join(' ')}`;
    case 'join':
      return `join (subscriberPrimary=${v.subscriberPrimary} fastPublish=${v.fastPublish})`;
    case 'mediaSectionsRequirement':
      return `mediaSectionsRequirement audio=${v.numAudios} video=${v.numVideos}`;
    case 'streamStateUpdate':
      return `streamStateUpdate ${v.streamStates.map((x) => `${x.participantSid}/${x.trackSid}:${x.state}`).join(' ')}`;
    case 'subscriptionPermissionUpdate':
    case 'connectionQuality':
    case 'speakersChanged':
    case 'pong':
    case 'pongResp':
    case 'ping':
    case 'pingReq':
      return null;
    default:
      return msg.case ?? `(empty ${bytes.length} B)`;
  }
}

/** Writes the round's merged timeline (host = A, measured guest = B), in ms after the click. */
async function collectTrace(label, ms, a, b) {
  protocol ??= await import('@livekit/protocol');
  const click = lastClickAbs;
  /** @type {[number, string][]} */
  const lines = [];
  for (const [who, page] of [['A', a], ['B', b]]) {
    const events = await page.evaluate(() => window.__trace ?? []).catch(() => []);
    for (const e of events) {
      const dt = e.t - click;
      if (dt < (who === 'A' ? -5000 : -300)) continue;
      let text;
      if (e.kind === 'ws-in' || e.kind === 'ws-out') {
        text = decodeSignal(e.kind === 'ws-in' ? 'in' : 'out', e.b64);
        if (text == null) continue;
        text = `${e.kind === 'ws-in' ? 'signal ←' : 'signal →'} ${text}`;
      } else {
        const { t, kind, ...rest } = e;
        text = `${kind} ${Object.entries(rest).map(([k, v]) => `${k}=${v}`).join(' ')}`;
      }
      lines.push([dt, `${who} ${text}`]);
    }
  }
  lines.sort((x, y) => x[0] - y[0]);
  traceRounds.push(`=== ${label}: ${ms.toFixed(0)} ms ===\n${lines.map(([t, l]) => `${t.toFixed(0).padStart(6)} ${l}`).join('\n')}`);
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
  if (TRACE) for (const c of [ctxA, ctxB]) await c.addInitScript({ path: TRACE_PROBE });
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
    const ms = await measure(b, () => b.click('#join'));
    if (TRACE) await collectTrace(`baseline #${i}`, ms, a, b);
    return ms;
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
  if (TRACE) for (const c of [ctxA, ctxB]) await c.addInitScript({ path: TRACE_PROBE });
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
    const ms = await measure(b, () => join.click());
    if (TRACE) await collectTrace(`widget${warm ? ' warm' : ''} #${i}`, ms, a, b);
    return ms;
  } finally {
    await ctxB.close();
    await ctxA.close();
  }
}

async function joinTimes(browser, stack, auth) {
  const sdk = await import('livekit-server-sdk');
  const base = await startBenchPages('baseline.html');
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
  const mww = median(out.widgetWarm);
  const max = (xs) => (xs.length ? Math.max(...xs) : NaN);
  const ms = (x) => (Number.isFinite(x) ? `${x.toFixed(0)} ms` : 'n/a');
  const times = (x) => (Number.isFinite(x) ? `${x.toFixed(2)}×` : 'n/a');
  const line = (label, xs) => {
    const sorted = [...xs].sort((a, b) => a - b).map((x) => x.toFixed(0));
    console.log(`    ${label}: median ${ms(median(xs))}, slowest ${ms(max(xs))}  [${xs.length} rounds, sorted: ${sorted.join(', ')}]`);
  };
  console.log(`\n(b) Join click → first remote video frame, two participants, ${ITERATIONS} rounds each (ms)`);
  line('baseline (livekit-client only)', out.baseline);
  const ratios = {};
  if (widgetReady) {
    line('<urbania-meeting>, invite page, click as soon as "Rejoindre maintenant" is enabled (cold)', out.widget);
    line('<urbania-meeting>, pointer on the button 1.5 s before the click (warm)', out.widgetWarm);
    ratios.medianCold = mw / mb;
    ratios.medianWarm = mww / mb;
    ratios.slowestCold = max(out.widget) / mb;
    ratios.slowestWarm = max(out.widgetWarm) / mb;
    console.log(`    median widget / median baseline: cold ${times(ratios.medianCold)}, warm ${times(ratios.medianWarm)}  [target ≤ 1.15×: ${ratios.medianCold <= 1.15 ? 'met' : 'NOT met'}]`);
    const worst = Math.max(ratios.slowestCold, ratios.slowestWarm);
    console.log(`    slowest widget round / median baseline: cold ${times(ratios.slowestCold)}, warm ${times(ratios.slowestWarm)}  [target ≤ 1.5×: ${worst <= 1.5 ? 'met' : 'NOT met'}]`);
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
  return {
    ...out,
    medianBaseline: mb,
    slowestBaseline: max(out.baseline),
    medianWidget: mw,
    slowestWidget: max(out.widget),
    medianWidgetWarm: mww,
    slowestWidgetWarm: max(out.widgetWarm),
    ratio: ratios.medianCold,
    ratioWarm: ratios.medianWarm,
    ratioSlowest: ratios.slowestCold,
    ratioSlowestWarm: ratios.slowestWarm,
  };
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
    console.log(`    load average at the end: ${(await import('node:os')).loadavg().map((x) => x.toFixed(1)).join(' ')}`);
  } finally {
    await browser?.close().catch(() => {});
    await stack.stop();
  }
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(path.join(RESULTS_DIR, 'bench-widget.json'), JSON.stringify(results, null, 2));
  if (TRACE) {
    writeFileSync(path.join(RESULTS_DIR, 'bench-widget-trace.txt'), traceRounds.join('\n\n') + '\n');
    console.log(`    traces: ${path.relative(ROOT, path.join(RESULTS_DIR, 'bench-widget-trace.txt'))}`);
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error('bench/widget failed:', err);
    process.exit(1);
  },
);
