#!/usr/bin/env node
// `npm test`: every test of the repository, in turn, with their output streamed.
//   1. external tools (scripts/install-tools.sh all: livekit-server, FerretDB, Debian's chromium)
//   2. the builds, when missing or stale (scripts/kit/builds.mjs): widget/dist/cdn/ (the demo and the browser tests
//      load it) and token-service/dist/ (what e2e runs)
//   3. scripts (node --test: the process kit, this script's bookkeeping, the CDN entry budget), token-service (vitest),
//      widget (web-test-runner), e2e (node e2e/run.mjs)
// A suite whose entry file is missing fails (MISSING, one failure); nothing is ever skipped as a pass.
// Prints a per-suite table and, as the very last line, `N passed, N failed` (summed over the suites).
// Exit code: 0 only when every step passed. The bookkeeping is in lib/test-summary.mjs (unit-tested).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { TOKEN_SERVICE, WIDGET, buildCommand, buildState } from './kit/index.mjs';
import { ROOT, c } from './lib/common.mjs';
import { missingRow, parseNodeTest, parsePassedFailed, parseVitest, settle, verdict } from './lib/test-summary.mjs';

const RESULTS = path.join(ROOT, 'test-results');
const MIN = 60_000;
const stripAnsi = (s) => s.replace(/\x1b\[[0-9;?]*[ -/]*[@-~]/g, '').replace(/\r/g, '\n');

/**
 * Runs a command in its own process group, streams its output, keeps a copy (for parsing), and kills
 * the whole group when it exceeds `timeoutMs`.
 * @param {string} cmd
 * @param {string[]} args
 * @param {{ timeoutMs: number, env?: Record<string, string> }} options
 * @returns {Promise<import('./lib/test-summary.mjs').RunResult>}
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

/** @type {import('./lib/test-summary.mjs').Row[]} */
const rows = [];

/** @param {string} name @param {string} status @param {string} note @param {number} [seconds] */
function step(name, status, note, seconds) {
  rows.push({ name, status, passed: 0, failed: OK.includes(status) ? 0 : 1, skipped: 0, note, seconds });
}
const OK = ['ok', 'passed'];

function banner(text) {
  const line = '═'.repeat(Math.max(10, 78 - text.length));
  console.log(`\n${c.bold(c.cyan(`══ ${text} ${line}`))}`);
}

async function main() {
  fs.mkdirSync(RESULTS, { recursive: true });
  const t0 = Date.now();

  // 1. tools
  banner('tools: scripts/install-tools.sh all');
  const tools = await run('bash', [path.join(ROOT, 'scripts', 'install-tools.sh'), 'all'], { timeoutMs: 25 * MIN });
  const toolsOk = tools.code === 0 && !tools.timedOut;
  if (!toolsOk) step('tools', tools.timedOut ? 'TIMEOUT' : 'CRASHED', 'install-tools.sh failed: suites needing LiveKit/FerretDB/Chromium will fail', tools.seconds);
  else {
    console.log(c.green('tools ready: .tools/bin/livekit-server, .tools/bin/ferretdb, chromium'));
    step('tools', 'ok', 'livekit-server, ferretdb, chromium', tools.seconds);
  }

  // 2. builds (only when missing or older than their sources: the kit's one rule)
  for (const target of [WIDGET, TOKEN_SERVICE]) {
    const name = `${target.workspace} build`;
    banner(`${name}: ${buildCommand(target).flat().join(' ')}`);
    const { state, reason } = buildState(target);
    if (state === 'fresh') {
      console.log(c.green(`${target.output} is up to date`));
      step(name, 'ok', `${target.output} up to date`);
      continue;
    }
    console.log(c.dim(`building: ${reason}`));
    const [cmd, args] = buildCommand(target);
    const b = await run(cmd, args, { timeoutMs: 10 * MIN });
    if (b.code !== 0 || b.timedOut) step(name, b.timedOut ? 'TIMEOUT' : 'FAILED', `the tests need ${target.output}`, b.seconds);
    else step(name, 'ok', target.output, b.seconds);
  }

  // 3. suites: each names the files its runner needs; a missing one fails the suite
  const suites = [
    {
      name: 'scripts (node --test)',
      entries: ['scripts/kit/kit.test.mjs', 'scripts/lib/test-summary.test.mjs', 'widget/scripts/cdn-entry.test.mjs'],
      timeoutMs: 5 * MIN,
      async go() {
        const res = await run(process.execPath, ['--test', ...this.entries.map((e) => path.join(ROOT, e))], { timeoutMs: this.timeoutMs });
        return { res, counts: parseNodeTest(res.out) };
      },
    },
    {
      name: 'token-service (vitest)',
      entries: ['token-service/vitest.config.ts'],
      timeoutMs: 20 * MIN,
      async go() {
        const jsonFile = path.join(RESULTS, 'vitest.json');
        fs.rmSync(jsonFile, { force: true });
        const res = await run('npm', ['run', 'test', '-w', 'token-service', '--', '--reporter=default', '--reporter=json', `--outputFile.json=${jsonFile}`], { timeoutMs: this.timeoutMs });
        return { res, counts: parseVitest(res.out, readJson(jsonFile)) };
      },
    },
    {
      name: 'widget (web-test-runner)',
      entries: ['widget/web-test-runner.config.mjs'],
      timeoutMs: 15 * MIN,
      async go() {
        const res = await run('npm', ['run', 'test', '-w', 'widget'], { timeoutMs: this.timeoutMs, env: { CI: process.env.CI ?? 'true' } });
        return { res, counts: parsePassedFailed(res.out) };
      },
    },
    {
      name: 'e2e (playwright-core, real SFU)',
      entries: ['e2e/run.mjs'],
      timeoutMs: 20 * MIN,
      async go() {
        const summary = path.join(RESULTS, 'e2e-summary.json');
        fs.rmSync(summary, { force: true }); // never read a stale file from an earlier run
        const res = await run(process.execPath, [path.join(ROOT, 'e2e', 'run.mjs')], { timeoutMs: this.timeoutMs });
        const json = readJson(summary);
        const counts = json && typeof json.passed === 'number' && typeof json.failed === 'number' ? { passed: json.passed, failed: json.failed } : parsePassedFailed(res.out);
        return { res, counts };
      },
    },
  ];

  for (const s of suites) {
    banner(s.name);
    const missing = s.entries.filter((e) => !fs.existsSync(path.join(ROOT, e)));
    if (missing.length) {
      const row = missingRow(s.name, missing);
      console.log(c.red(`✗ ${row.note}: this suite cannot run, and counts as failed`));
      rows.push(row);
      continue;
    }
    const { res, counts } = await s.go();
    rows.push(settle(s.name, res, counts));
  }

  // 4. summary
  banner('summary');
  const w = Math.max(...rows.map((r) => r.name.length), 10);
  console.log(`${'suite'.padEnd(w)}  ${'status'.padEnd(9)} ${'passed'.padStart(6)} ${'failed'.padStart(6)} ${'skipped'.padStart(7)}  ${'time'.padStart(6)}  note`);
  for (const r of rows) {
    const colour = OK.includes(r.status) ? c.green : c.red;
    const time = r.seconds !== undefined ? `${Math.round(r.seconds)}s` : '';
    console.log(`${r.name.padEnd(w)}  ${colour(r.status.padEnd(9))} ${String(r.passed).padStart(6)} ${String(r.failed).padStart(6)} ${String(r.skipped).padStart(7)}  ${time.padStart(6)}  ${c.dim(r.note ?? '')}`);
  }
  const result = verdict(rows);
  console.log(c.dim(`total time ${Math.round((Date.now() - t0) / 1000)} s; reports in test-results/`));
  fs.writeFileSync(path.join(RESULTS, 'summary.json'), JSON.stringify({ passed: result.passed, failed: result.failed, suites: rows }, null, 2));
  // The very last line, exactly:
  console.log(result.line);
  process.exitCode = result.exitCode;
}

main().catch((err) => {
  console.error(`[test-all] crashed: ${err?.stack ?? err}`);
  console.log('0 passed, 1 failed');
  process.exitCode = 1;
});
