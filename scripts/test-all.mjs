#!/usr/bin/env node
// `npm test`: every test of the repository, in turn, with their output streamed.
//   1. external tools (scripts/install-tools.sh all: livekit-server, FerretDB, Debian's chromium)
//   2. the widget build (widget/dist/cdn/, which the demo and the browser tests load)
//   3. token-service (vitest), widget (web-test-runner), e2e (node e2e/run.mjs)
// A suite whose entry does not exist yet is reported as SKIPPED, loudly; it is never counted as passed.
// Prints a per-suite table and, as the very last line, `N passed, N failed` (summed over the suites).
// Exit code: 0 only when every suite that ran passed and nothing crashed.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ROOT, c } from './lib/common.mjs';

const RESULTS = path.join(ROOT, 'test-results');
const MIN = 60_000;
const stripAnsi = (s) => s.replace(/\x1b\[[0-9;?]*[ -/]*[@-~]/g, '').replace(/\r/g, '\n');

function exists(...parts) {
  return fs.existsSync(path.join(ROOT, ...parts));
}

function anyFile(dir, re) {
  const abs = path.join(ROOT, dir);
  if (!fs.existsSync(abs)) return false;
  for (const e of fs.readdirSync(abs, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name === 'dist') continue;
    const p = path.join(dir, e.name);
    if (e.isDirectory() ? anyFile(p, re) : re.test(e.name)) return true;
  }
  return false;
}

/**
 * Runs a command in its own process group, streams its output, keeps a copy (for parsing), and kills
 * the whole group when it exceeds `timeoutMs`.
 */
function run(cmd, args, { timeoutMs, env = {} }) {
  return new Promise((resolve) => {
    const started = Date.now();
    let out = '';
    let timedOut = false;
    // Suites write into a pipe: keep their colours on a terminal, and none in CI logs. (Some colour
    // libraries treat any FORCE_COLOR, even 0, as "on", hence NO_COLOR.)
    const colour = process.stdout.isTTY && !process.env.NO_COLOR ? { FORCE_COLOR: process.env.FORCE_COLOR ?? '1' } : { NO_COLOR: '1' };
    const baseEnv = { ...process.env };
    if (!colour.FORCE_COLOR) delete baseEnv.FORCE_COLOR;
    const child = spawn(cmd, args, {
      cwd: ROOT,
      env: { ...baseEnv, ...colour, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    const onData = (stream) => (chunk) => {
      stream.write(chunk);
      out += chunk.toString();
      if (out.length > 4_000_000) out = out.slice(-2_000_000);
    };
    child.stdout.on('data', onData(process.stdout));
    child.stderr.on('data', onData(process.stderr));
    const kill = (sig) => {
      try {
        process.kill(-child.pid, sig);
      } catch {
        /* gone */
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      console.error(c.red(`\n[test-all] ${cmd} ${args.join(' ')} exceeded ${Math.round(timeoutMs / 1000)} s: stopping it`));
      kill('SIGTERM');
      setTimeout(() => kill('SIGKILL'), 10_000).unref();
    }, timeoutMs);
    // The suite runs in its own process group, so Ctrl-C does not reach it: forward, then give up.
    const onSignal = () => {
      kill('SIGTERM');
      console.error(c.red('\n[test-all] interrupted'));
      setTimeout(() => {
        kill('SIGKILL');
        process.exit(130);
      }, 3000).unref();
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    child.once('error', (err) => {
      out += `\n${err.message}`;
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      // Leftovers (a server a suite forgot to stop) must not outlive the suite.
      kill('SIGKILL');
      resolve({ code: code ?? (signal ? 128 : 1), signal, timedOut, out: stripAnsi(out), seconds: (Date.now() - started) / 1000 });
    });
  });
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

/** The last `N passed, M failed`-like summary in a text (any order, optional parts). */
function lastSummary(text, re) {
  let m;
  let last = null;
  const g = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
  while ((m = g.exec(text))) last = m;
  return last;
}

// ---------------------------------------------------------------------------------------------
// Parsers: each returns {passed, failed, skipped?} or null when it finds nothing.

function parseVitest(res, jsonFile) {
  const json = readJson(jsonFile);
  if (json && typeof json.numPassedTests === 'number') {
    // Files that fail to load (syntax error, missing import) have no tests but a failed status.
    const brokenFiles = (json.testResults ?? []).filter((f) => f.status === 'failed' && (f.assertionResults ?? []).length === 0).length;
    return { passed: json.numPassedTests, failed: json.numFailedTests + brokenFiles, skipped: (json.numPendingTests ?? 0) + (json.numTodoTests ?? 0) };
  }
  const line = lastSummary(res.out, /^\s*Tests\s+(.*)$/m);
  if (!line) return null;
  const n = (word) => Number(line[1].match(new RegExp(`(\\d+) ${word}`))?.[1] ?? 0);
  const files = lastSummary(res.out, /^\s*Test Files\s+(.*)$/m);
  const failedFiles = files ? Number(files[1].match(/(\d+) failed/)?.[1] ?? 0) : 0;
  return { passed: n('passed'), failed: Math.max(n('failed'), failedFiles ? 1 : 0), skipped: n('skipped') + n('todo') };
}

function parseWtr(res) {
  const m = lastSummary(res.out, /(\d+) passed, (\d+) failed(?:, (\d+) skipped)?/);
  if (!m) return null;
  return { passed: Number(m[1]), failed: Number(m[2]), skipped: Number(m[3] ?? 0) };
}

function parseE2e(res, jsonFile, startedAt) {
  let json = null;
  try {
    if (fs.statSync(jsonFile).mtimeMs >= startedAt - 1000) json = readJson(jsonFile); // not a stale file from an earlier run
  } catch {
    /* none */
  }
  if (json) {
    const s = json.summary ?? json.totals ?? json;
    if (typeof s.passed === 'number' && typeof s.failed === 'number') return { passed: s.passed, failed: s.failed, skipped: s.skipped ?? 0 };
    const list = Array.isArray(json) ? json : (json.tests ?? json.results ?? json.scenarios);
    if (Array.isArray(list)) {
      const st = (t) => String(t.status ?? t.result ?? (t.ok === true || t.passed === true ? 'passed' : t.ok === false || t.passed === false ? 'failed' : '')).toLowerCase();
      return {
        passed: list.filter((t) => ['passed', 'pass', 'ok'].includes(st(t))).length,
        failed: list.filter((t) => ['failed', 'fail', 'error', 'timedout', 'timeout'].includes(st(t))).length,
        skipped: list.filter((t) => ['skipped', 'skip'].includes(st(t))).length,
      };
    }
  }
  return parseWtr(res);
}

// ---------------------------------------------------------------------------------------------

const rows = [];

function record(name, status, counts, note, seconds) {
  rows.push({ name, status, passed: counts?.passed ?? 0, failed: counts?.failed ?? 0, skipped: counts?.skipped ?? 0, note, seconds });
}

function banner(text) {
  const line = '═'.repeat(Math.max(10, 78 - text.length));
  console.log(`\n${c.bold(c.cyan(`══ ${text} ${line}`))}`);
}

/** Turns a finished run + parsed counts into a row; a crash or timeout counts at least 1 failed. */
function settle(name, res, counts) {
  if (res.timedOut) {
    record(name, 'TIMEOUT', { ...(counts ?? {}), failed: Math.max(1, counts?.failed ?? 0) }, `killed after ${Math.round(res.seconds)} s`, res.seconds);
  } else if (!counts) {
    record(name, res.code === 0 ? 'NO COUNTS' : 'CRASHED', { failed: 1 }, `exit ${res.code}; no test summary found in its output`, res.seconds);
  } else if (res.code !== 0 && counts.failed === 0) {
    record(name, 'CRASHED', { ...counts, failed: 1 }, `exit ${res.code} although no test failed`, res.seconds);
  } else if (counts.passed + counts.failed === 0) {
    record(name, 'EMPTY', { ...counts, failed: 1 }, 'ran no test at all', res.seconds);
  } else {
    record(name, counts.failed ? 'FAILED' : 'passed', counts, '', res.seconds);
  }
}

async function main() {
  fs.mkdirSync(RESULTS, { recursive: true });
  const t0 = Date.now();

  // 1. tools
  banner('tools: scripts/install-tools.sh all');
  const tools = await run('bash', [path.join(ROOT, 'scripts', 'install-tools.sh'), 'all'], { timeoutMs: 25 * MIN });
  const toolsOk = tools.code === 0 && !tools.timedOut;
  if (!toolsOk) record('tools', tools.timedOut ? 'TIMEOUT' : 'CRASHED', { failed: 1 }, 'install-tools.sh failed: suites needing LiveKit/FerretDB/Chromium will fail', tools.seconds);
  else {
    console.log(c.green('tools ready: .tools/bin/livekit-server, .tools/bin/ferretdb, chromium'));
    record('tools', 'ok', null, 'livekit-server, ferretdb, chromium', tools.seconds);
  }

  // 2. widget build
  banner('widget build: npm run build -w widget');
  const hasWidgetBuild = exists('widget', 'package.json') && (exists('widget', 'rollup.config.mjs') || exists('widget', 'rollup.config.js') || exists('widget', 'rollup.config.ts'));
  if (!hasWidgetBuild) {
    console.log(c.yellow('SKIPPED: widget/rollup.config.* does not exist yet'));
    record('widget build', 'SKIPPED', null, 'widget/rollup.config.* missing');
  } else {
    const b = await run('npm', ['run', 'build', '-w', 'widget'], { timeoutMs: 10 * MIN });
    if (b.code !== 0 || b.timedOut) record('widget build', b.timedOut ? 'TIMEOUT' : 'FAILED', { failed: 1 }, 'the demo and browser tests need widget/dist/cdn', b.seconds);
    else {
      console.log(c.green('widget built'));
      record('widget build', 'ok', null, 'widget/dist/cdn', b.seconds);
    }
  }

  // 3. suites
  const suites = [
    {
      name: 'token-service (vitest)',
      present: () => anyFile('token-service/src', /\.test\.ts$/) || anyFile('token-service/test', /\.test\.ts$/),
      missing: 'no token-service/{src,test}/**/*.test.ts yet',
      timeoutMs: 20 * MIN,
      async go() {
        const jsonFile = path.join(RESULTS, 'vitest.json');
        fs.rmSync(jsonFile, { force: true });
        const res = await run('npm', ['run', 'test', '-w', 'token-service', '--', '--reporter=default', '--reporter=json', `--outputFile.json=${jsonFile}`], { timeoutMs: this.timeoutMs });
        return [res, parseVitest(res, jsonFile)];
      },
    },
    {
      name: 'widget (web-test-runner)',
      present: () =>
        ['web-test-runner.config.mjs', 'web-test-runner.config.js', 'web-test-runner.config.cjs', 'wtr.config.mjs'].some((f) => exists('widget', f)) &&
        anyFile('widget/src', /\.test\.(ts|js|mjs)$/),
      missing: 'widget/web-test-runner.config.* or widget/src/**/*.test.ts does not exist yet',
      timeoutMs: 15 * MIN,
      async go() {
        const res = await run('npm', ['run', 'test', '-w', 'widget'], { timeoutMs: this.timeoutMs, env: { CI: process.env.CI ?? 'true' } });
        return [res, parseWtr(res)];
      },
    },
    {
      name: 'e2e (playwright-core, real SFU)',
      present: () => exists('e2e', 'run.mjs'),
      missing: 'e2e/run.mjs does not exist yet',
      timeoutMs: 20 * MIN,
      async go() {
        const started = Date.now();
        const res = await run(process.execPath, [path.join(ROOT, 'e2e', 'run.mjs')], { timeoutMs: this.timeoutMs });
        return [res, parseE2e(res, path.join(RESULTS, 'e2e-summary.json'), started)];
      },
    },
  ];

  for (const s of suites) {
    banner(s.name);
    if (!s.present()) {
      console.log(c.yellow(`SKIPPED — ${s.missing}. This suite did NOT run and is not counted as passed.`));
      record(s.name, 'SKIPPED', null, s.missing);
      continue;
    }
    const [res, counts] = await s.go();
    settle(s.name, res, counts);
  }

  // 4. summary
  banner('summary');
  const w = Math.max(...rows.map((r) => r.name.length), 10);
  console.log(`${'suite'.padEnd(w)}  ${'status'.padEnd(9)} ${'passed'.padStart(6)} ${'failed'.padStart(6)} ${'skipped'.padStart(7)}  ${'time'.padStart(6)}  note`);
  for (const r of rows) {
    const colour = r.status === 'passed' || r.status === 'ok' ? c.green : r.status === 'SKIPPED' ? c.yellow : c.red;
    const time = r.seconds !== undefined ? `${Math.round(r.seconds)}s` : '';
    console.log(`${r.name.padEnd(w)}  ${colour(r.status.padEnd(9))} ${String(r.passed).padStart(6)} ${String(r.failed).padStart(6)} ${String(r.skipped).padStart(7)}  ${time.padStart(6)}  ${c.dim(r.note ?? '')}`);
  }
  const passed = rows.reduce((a, r) => a + r.passed, 0);
  const failed = rows.reduce((a, r) => a + r.failed, 0);
  const skippedSuites = rows.filter((r) => r.status === 'SKIPPED');
  if (skippedSuites.length) console.log(c.yellow(`\n${skippedSuites.length} step(s) SKIPPED because their entry does not exist yet: ${skippedSuites.map((r) => r.name).join(', ')}`));
  console.log(c.dim(`total time ${Math.round((Date.now() - t0) / 1000)} s; reports in test-results/`));
  fs.writeFileSync(path.join(RESULTS, 'summary.json'), JSON.stringify({ passed, failed, suites: rows }, null, 2));
  const bad = rows.some((r) => !['passed', 'ok', 'SKIPPED'].includes(r.status)) || failed > 0;
  // The very last line, exactly:
  console.log(`${passed} passed, ${failed} failed`);
  process.exitCode = bad ? 1 : 0;
}

main().catch((err) => {
  console.error(`[test-all] crashed: ${err?.stack ?? err}`);
  console.log('0 passed, 1 failed');
  process.exitCode = 1;
});
