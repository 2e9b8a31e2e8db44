// (b) of the widget bench: time from clicking Join to the first remote video frame, two participants,
// <urbania-meeting> against a minimal livekit-client page (baseline.html), same SFU, same run (target: ≤ 1.15×).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serviceCall } from '../../e2e/stack.mjs';
import { openMeeting, waitConnected, withTimeout } from '../../e2e/pages.mjs';
import { startBenchPages } from './static-server.mjs';
import { median } from './figures.mjs';
import { TRACE, TRACE_PROBE, collectTrace } from './trace.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ITERATIONS = Number(process.env.BENCH_ITERATIONS ?? 15);
// The host has been in the call this long before the measured participant clicks. Without it the first remote
// frame waits for the SFU's keyframe-request throttle (pli_throttle, ~1 s) still running from the host's own
// publish, which adds 0–1 s at random to either page (measured: 260–1530 ms spread → 260–450 ms with it).
const SETTLE_MS = Number(process.env.BENCH_SETTLE_MS ?? 2500);
const PROBE = path.join(HERE, 'first-frame-probe.js');

/**
 * Clicks, waits for the first remote frame (first-frame-probe.js) and returns the time from the click, and the click's
 * time (epoch ms, for the trace); the phases seen after the click go to `phases`.
 */
async function measure(page, click, phases) {
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
  phases.push(r.phases);
  return { total: r.total, clickAbs: r.clickAbs };
}

async function baselineIteration(browser, stack, base, sdk, i, phases) {
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
    const { total: ms, clickAbs } = await measure(b, () => b.click('#join'), phases);
    if (TRACE) await collectTrace(`baseline #${i}`, ms, clickAbs, a, b);
    return ms;
  } finally {
    await ctxB.close();
    await ctxA.close();
    await rooms.deleteRoom(name).catch(() => {});
  }
}

async function widgetIteration(browser, stack, auth, i, phases, { warm = false } = {}) {
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
    const { total: ms, clickAbs } = await measure(b, () => join.click(), phases);
    if (TRACE) await collectTrace(`widget${warm ? ' warm' : ''} #${i}`, ms, clickAbs, a, b);
    return ms;
  } finally {
    await ctxB.close();
    await ctxA.close();
  }
}

export async function joinTimes(browser, stack, auth) {
  const sdk = await import('livekit-server-sdk');
  const base = await startBenchPages('baseline.html');
  const out = { baseline: [], widget: [], widgetWarm: [], phases: { baseline: [], widget: [], widgetWarm: [] }, errors: [] };
  const widgetReady = auth && existsSync(path.join(stack.widgetDir, 'urbania-meeting.js'));
  try {
    // Warm-up (first Chromium media start is slower), not counted.
    await baselineIteration(browser, stack, base, sdk, 'warm', []).catch((e) => out.errors.push(`warm-up: ${e.message}`));
    for (let i = 0; i < ITERATIONS; i++) {
      try {
        out.baseline.push(await withTimeout(baselineIteration(browser, stack, base, sdk, i, out.phases.baseline), 60_000, 'baseline iteration'));
      } catch (e) {
        out.errors.push(`baseline #${i}: ${e.message.split('\n')[0]}`);
      }
      if (widgetReady) {
        try {
          out.widget.push(await withTimeout(widgetIteration(browser, stack, auth, i, out.phases.widget), 60_000, 'widget iteration'));
        } catch (e) {
          out.errors.push(`widget #${i}: ${e.message.split('\n')[0]}`);
        }
        try {
          out.widgetWarm.push(await withTimeout(widgetIteration(browser, stack, auth, i, out.phases.widgetWarm, { warm: true }), 60_000, 'widget iteration (warm)'));
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
