#!/usr/bin/env node
// End-to-end tests: real Chromium (Debian's), the real LiveKit server, the token service and the demo, all
// inside one loopback-only network namespace (e2e/stack.mjs re-executes this script under `unshare`).
//
//   node e2e/run.mjs                 every scenario
//   node e2e/run.mjs video invite    scenarios whose name contains one of the words
//
// The widget and the token service are built first when missing or older than their sources (scripts/kit/builds.mjs).
// Env: E2E_SCENARIO_TIMEOUT_MS (120000), E2E_TOTAL_TIMEOUT_MS (900000), WIDGET_DIR (serve another build, never
// built here), E2E_NETNS=0 (host loopback), CHROMIUM_PATH.
// Prints one line per scenario and, last, exactly `N passed, N failed`; writes test-results/e2e-summary.json.
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { WIDGET, ensureBuilt } from '../scripts/kit/index.mjs';
import { RESULTS_DIR, LOG_DIR, ensureLoopbackNamespace, launchChromium, startStack, widgetEntry } from './stack.mjs';
import { createWorld } from './helpers.mjs';
import { withTimeout } from './pages.mjs';

await ensureLoopbackNamespace();

const HERE = path.dirname(fileURLToPath(import.meta.url));
const SCENARIO_TIMEOUT = Number(process.env.E2E_SCENARIO_TIMEOUT_MS ?? 120_000);
const TOTAL_TIMEOUT = Number(process.env.E2E_TOTAL_TIMEOUT_MS ?? 900_000);
const filters = process.argv.slice(2).filter((a) => !a.startsWith('-'));

const results = [];
function summary() {
  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed;
  mkdirSync(RESULTS_DIR, { recursive: true });
  writeFileSync(
    path.join(RESULTS_DIR, 'e2e-summary.json'),
    JSON.stringify({ passed, failed, mode: process.env.URBANIA_NETNS, scenarios: results }, null, 2),
  );
  return { passed, failed };
}

async function loadScenarios() {
  const dir = path.join(HERE, 'scenarios');
  const files = readdirSync(dir).filter((f) => f.endsWith('.mjs')).sort();
  const all = [];
  for (const f of files) all.push((await import(pathToFileURL(path.join(dir, f)).href)).default);
  return filters.length ? all.filter((s) => filters.some((w) => s.name.includes(w))) : all;
}

/** Builds the widget when it is missing or stale; null when the pages have a build to load, else why not. */
function ensureWidgetBuilt() {
  if (process.env.WIDGET_DIR) return existsSync(widgetEntry()) ? null : `${widgetEntry()} does not exist (WIDGET_DIR)`;
  const build = ensureBuilt(WIDGET, { logFile: path.join(LOG_DIR, 'widget-build.log'), say: (m) => console.error(`[e2e] ${m}`) });
  return build.ok ? null : build.error;
}

async function main() {
  const watchdog = setTimeout(() => {
    console.error(`[e2e] the whole run exceeded ${TOTAL_TIMEOUT} ms: aborting`);
    results.push({ name: 'watchdog', ok: false, error: 'total timeout' });
    const { passed, failed } = summary();
    console.log(`${passed} passed, ${failed} failed`);
    process.exit(1); // the stack's exit hook kills every process it started
  }, TOTAL_TIMEOUT);
  watchdog.unref();

  const scenarios = await loadScenarios();
  console.log(`e2e: ${scenarios.length} scenario(s), ${process.env.URBANIA_NETNS === 'netns' ? 'loopback-only network namespace' : 'host loopback'}`);
  const widgetProblem = ensureWidgetBuilt();

  const t0 = Date.now();
  const stack = await startStack({ demo: true });
  let browser;
  try {
    browser = await launchChromium();
    for (const scenario of scenarios) {
      const started = Date.now();
      if (scenario.needsWidget && widgetProblem) {
        results.push({ name: scenario.name, ok: false, ms: 0, error: widgetProblem });
        console.log(`✖ ${scenario.name} — ${widgetProblem}`);
        continue;
      }
      const world = createWorld({ browser, stack, scenario: scenario.name });
      try {
        await withTimeout(scenario.run(world), scenario.timeoutMs ?? SCENARIO_TIMEOUT, scenario.name);
        const ms = Date.now() - started;
        results.push({ name: scenario.name, ok: true, ms });
        console.log(`✔ ${scenario.name} — ${scenario.title} (${(ms / 1000).toFixed(1)} s)`);
      } catch (err) {
        const ms = Date.now() - started;
        const message = String(err?.message ?? err).split('\n').slice(0, 6).join('\n    ');
        results.push({ name: scenario.name, ok: false, ms, error: message });
        console.log(`✖ ${scenario.name} — ${scenario.title} (${(ms / 1000).toFixed(1)} s)\n    ${message}\n    log: test-results/logs/e2e-${scenario.name}.log`);
        world.log(`FAILED: ${err?.stack ?? err}`);
      } finally {
        await withTimeout(world.close(), 15_000, 'closing contexts').catch(() => {});
      }
    }
  } finally {
    await withTimeout(browser?.close() ?? Promise.resolve(), 15_000, 'closing Chromium').catch(() => {});
    await stack.stop();
  }
  console.log(`e2e total ${((Date.now() - t0) / 1000).toFixed(1)} s (logs and screenshots in test-results/)`);
}

let exitCode = 0;
try {
  await main();
} catch (err) {
  console.error('[e2e] the run could not complete:', err?.stack ?? err);
  results.push({ name: 'setup', ok: false, error: String(err?.message ?? err) });
}
const { passed, failed } = summary();
if (failed > 0 || passed === 0) exitCode = 1;
console.log(`${passed} passed, ${failed} failed`);
process.exit(exitCode);
