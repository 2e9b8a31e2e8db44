#!/usr/bin/env node
// Widget benchmark. Prints figures; never fails on targets (exit status 0 unless the harness itself breaks).
//   (a) gzip size of widget/dist/cdn/ and of the JS a page downloads before the pre-join view is interactive
//       (targets: ≤ 190 KB, issue #8, and ≤ 30 KB);
//   (b) time from clicking Join to the first remote video frame, two participants, <urbania-meeting> against a
//       minimal livekit-client page (bench/widget/baseline.html), same SFU, same run (target: ≤ 1.15×).
// Runs inside a loopback-only network namespace (scripts/kit/netns.mjs), on the stack of e2e/stack.mjs. Env: BENCH_ITERATIONS (default 15), BENCH_SETTLE_MS (2500), WIDGET_DIR.
// Its parts: sizes.mjs (a), join-times.mjs (b), trace.mjs (BENCH_TRACE=1), figures.mjs.
import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { ROOT, RESULTS_DIR, demoLogin, ensureLoopbackNamespace, launchChromium, startStack } from '../../e2e/stack.mjs';
import { withTimeout } from '../../e2e/pages.mjs';
import { WIDGET, ensureBuilt } from '../../scripts/kit/index.mjs';
import { cdnSizes, prejoinDownload } from './sizes.mjs';
import { joinTimes } from './join-times.mjs';
import { TRACE, traceText } from './trace.mjs';

await ensureLoopbackNamespace();

const results = { sizes: null, prejoin: null, join: null };

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
    writeFileSync(path.join(RESULTS_DIR, 'bench-widget-trace.txt'), traceText());
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
