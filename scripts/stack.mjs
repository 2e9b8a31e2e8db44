#!/usr/bin/env node
// The dev stack on this machine (the seed's start_all/start_livekit/stop_all/stop_livekit).
//
//   node scripts/stack.mjs start [livekit|service|demo]   (npm start, npm run livekit:start)
//   node scripts/stack.mjs stop  [livekit|service|demo]   (npm stop,  npm run livekit:stop)
//   node scripts/stack.mjs status
//
// No name = everything, in order LiveKit (7880) → token service (8000) → demo (3000).
// Each process runs detached in its own process group, logs to logs/<name>.log, and its pid is kept
// in .run/<name>.pid. `start` returns once every process answers; `stop` ends them by pidfile.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import {
  LOG_DIR,
  ROOT,
  RUN_DIR,
  belongsTo,
  c,
  describeHolders,
  ensureDotEnv,
  httpGet,
  isAlive,
  livekitBinary,
  loadDotEnv,
  ourPid,
  pidFile,
  portHolders,
  sleep,
  tail,
} from './lib/common.mjs';

const ORDER = ['livekit', 'service', 'demo'];
const WIDGET_BUNDLE = path.join(ROOT, 'widget', 'dist', 'cdn', 'urbania-meeting.js');
const SERVICE_ENTRY = path.join(ROOT, 'token-service', 'dist', 'main.js');
const DEMO_PORT = Number(process.env.DEMO_PORT ?? 3000);

function rel(p) {
  return path.relative(ROOT, p) || '.';
}

/** Definitions of the three processes, given the environment loaded from .env. */
function definitions(env) {
  const servicePort = Number(env.PORT ?? 8000);
  const serviceUrl = `http://127.0.0.1:${servicePort}`;
  return {
    livekit: {
      title: 'LiveKit server',
      port: 7880,
      udpPort: 7882,
      url: 'http://127.0.0.1:7880',
      health: 'http://127.0.0.1:7880/',
      timeoutMs: 30_000,
      show: 'ws://127.0.0.1:7880 (API http://127.0.0.1:7880)',
      entry: null,
      command: () => [livekitBinary(), ['--config', path.join(ROOT, 'livekit.yaml')]],
      // livekit-server reads some LIVEKIT_* variables itself: give it the shell's environment, not .env.
      env: () => ({ ...process.env }),
    },
    service: {
      title: 'token service',
      port: servicePort,
      url: serviceUrl,
      health: `${serviceUrl}/healthz`,
      timeoutMs: 60_000,
      show: `${serviceUrl}  (API docs ${serviceUrl}/docs)`,
      entry: path.join(ROOT, 'token-service', 'src', 'main.ts'),
      // The compiled service, as production runs it (built above when older than its sources).
      command: () => [process.execPath, [SERVICE_ENTRY]],
      env: () => ({ ...env }),
    },
    demo: {
      title: 'demo',
      port: DEMO_PORT,
      url: `http://127.0.0.1:${DEMO_PORT}`,
      health: `http://127.0.0.1:${DEMO_PORT}/`,
      timeoutMs: 30_000,
      show: `http://127.0.0.1:${DEMO_PORT}`,
      entry: path.join(ROOT, 'demo', 'server.mjs'),
      command: () => [process.execPath, [path.join(ROOT, 'demo', 'server.mjs')]],
      // The demo gets its own PORT; the service's PORT from .env must not leak into it.
      env: () => ({
        ...env,
        PORT: String(DEMO_PORT),
        DEMO_PORT: String(DEMO_PORT),
        DEMO_HOST: process.env.DEMO_HOST ?? '127.0.0.1',
        SERVICE_URL: serviceUrl,
      }),
    },
  };
}

// ---------------------------------------------------------------------------------------------

function ensureLivekitInstalled() {
  if (livekitBinary() && fs.existsSync(path.join(ROOT, '.tools', 'bin', 'livekit-server'))) return true;
  console.log(c.dim('→ installing the LiveKit server into .tools/ (scripts/install-tools.sh livekit)…'));
  const r = spawnSync('bash', [path.join(ROOT, 'scripts', 'install-tools.sh'), 'livekit'], { stdio: 'inherit', cwd: ROOT });
  return r.status === 0 && livekitBinary() !== null;
}

function newestMtime(dir) {
  let newest = 0;
  if (!fs.existsSync(dir)) return 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(p));
    else newest = Math.max(newest, fs.statSync(p).mtimeMs);
  }
  return newest;
}

/**
 * Builds a workspace (`npm run build -w <name>`) when its output is missing or older than its sources.
 * The widget: its CDN bundle, which the demo serves. The token service: token-service/dist/, the compiled
 * JavaScript that production runs (and npm start, so development runs what production runs).
 */
function ensureBuilt(workspace, output) {
  const dir = path.join(ROOT, workspace);
  const built = fs.existsSync(output) ? fs.statSync(output).mtimeMs : 0;
  const sources = Math.max(
    newestMtime(path.join(dir, 'src')),
    ...['package.json', 'rollup.config.mjs', 'tsconfig.json', 'tsconfig.build.json'].map((f) => {
      try {
        return fs.statSync(path.join(dir, f)).mtimeMs;
      } catch {
        return 0;
      }
    }),
  );
  if (built && built >= sources) return true;
  console.log(c.dim(`→ building ${workspace} (${built ? 'sources changed' : 'no build yet'}): npm run build -w ${workspace}`));
  fs.mkdirSync(LOG_DIR, { recursive: true });
  const log = path.join(LOG_DIR, `${workspace}-build.log`);
  const r = spawnSync('npm', ['run', 'build', '-w', workspace], { cwd: ROOT, encoding: 'utf8' });
  fs.writeFileSync(log, `${r.stdout ?? ''}${r.stderr ?? ''}`);
  if (r.status !== 0 || !fs.existsSync(output)) {
    console.error(c.red(`✗ the ${workspace} build failed (full output in ${rel(log)}):`));
    console.error(tail(log, 15).replace(/^/gm, '    '));
    return false;
  }
  return true;
}

async function waitUntilReady(name, def, pid, logFile) {
  const deadline = Date.now() + def.timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) {
      return { ok: false, why: `exited during start-up. Last lines of ${rel(logFile)}:\n${tail(logFile, 20).replace(/^/gm, '    ')}` };
    }
    try {
      const r = await httpGet(def.health, 1500);
      if (r.status >= 200 && r.status < 400) return { ok: true };
    } catch {
      /* not yet */
    }
    await sleep(300);
  }
  return {
    ok: false,
    why: `did not answer ${def.health} within ${def.timeoutMs / 1000} s. Last lines of ${rel(logFile)}:\n${tail(logFile, 20).replace(/^/gm, '    ')}`,
  };
}

/** Refuses to start on a port someone else holds; names the holder. */
async function portProblem(name, def) {
  const checks = [[def.port, 'tcp']];
  if (def.udpPort) checks.push([def.udpPort, 'udp']);
  for (const [port, proto] of checks) {
    const holders = (await portHolders(port, proto)).filter((h) => !belongsTo(h.pid, name));
    if (holders.length > 0) {
      return (
        `port ${port}/${proto} is already in use by ${describeHolders(holders)}.\n` +
        `    Stop that process (kill ${holders.find((h) => h.pid)?.pid ?? '<pid>'}) or free the port, then run the command again. ` +
        '`npm run doctor` shows every port.'
      );
    }
  }
  return null;
}

async function startOne(name, def) {
  const running = ourPid(name);
  if (running) {
    try {
      const r = await httpGet(def.health, 1500);
      if (r.status < 500) {
        console.log(`${c.green('✓')} ${def.title} is already running (pid ${running}): ${def.show}`);
        return true;
      }
    } catch {
      /* fall through */
    }
    console.log(c.yellow(`! ${def.title} has pid ${running} but does not answer ${def.health}: restarting it`));
    await stopOne(name, def, { quiet: true });
  }
  const problem = await portProblem(name, def);
  if (problem) {
    console.error(`${c.red('✗')} cannot start the ${def.title}: ${problem}`);
    return false;
  }
  const [cmd, args] = def.command();
  if (!cmd) {
    console.error(`${c.red('✗')} cannot start the ${def.title}: livekit-server not found (run: bash scripts/install-tools.sh livekit)`);
    return false;
  }
  fs.mkdirSync(LOG_DIR, { recursive: true });
  fs.mkdirSync(RUN_DIR, { recursive: true });
  const logFile = path.join(LOG_DIR, `${name}.log`);
  fs.appendFileSync(logFile, `\n===== ${new Date().toISOString()} start: ${[cmd, ...args].map((a) => path.relative(ROOT, a).startsWith('..') ? a : rel(a)).join(' ')}\n`);
  const fd = fs.openSync(logFile, 'a');
  const child = spawn(cmd, args, { cwd: ROOT, env: def.env(), detached: true, stdio: ['ignore', fd, fd] });
  fs.closeSync(fd);
  const pid = await new Promise((resolve) => {
    child.once('spawn', () => resolve(child.pid));
    child.once('error', (err) => {
      console.error(`${c.red('✗')} cannot run ${cmd}: ${err.message}`);
      resolve(null);
    });
  });
  if (!pid) return false;
  fs.writeFileSync(pidFile(name), `${pid}\n`);
  child.unref();
  process.stdout.write(c.dim(`→ starting the ${def.title} (pid ${pid}, log ${rel(logFile)})… `));
  const ready = await waitUntilReady(name, def, pid, logFile);
  if (!ready.ok) {
    process.stdout.write('\n');
    console.error(`${c.red('✗')} the ${def.title} ${ready.why}`);
    await stopOne(name, def, { quiet: true });
    return false;
  }
  process.stdout.write(`${c.green('ready')}\n`);
  console.log(`${c.green('✓')} ${def.title}: ${def.show}`);
  return true;
}

function groupAlive(pid) {
  try {
    process.kill(-pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
}

async function stopOne(name, def, { quiet = false } = {}) {
  const pid = ourPid(name);
  if (!pid) {
    fs.rmSync(pidFile(name), { force: true });
    if (!quiet) {
      const holders = await portHolders(def.port);
      const note = holders.length ? c.yellow(` (port ${def.port} is held by ${describeHolders(holders)}, which this script did not start: left alone)`) : '';
      console.log(`${c.dim('·')} ${def.title} is not running${note}`);
    }
    return true;
  }
  const signal = (sig) => {
    try {
      process.kill(-pid, sig); // the whole process group (tsx and its node child, …)
    } catch {
      try {
        process.kill(pid, sig);
      } catch {
        /* gone */
      }
    }
  };
  signal('SIGTERM');
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline && (isAlive(pid) || groupAlive(pid))) await sleep(100);
  if (isAlive(pid) || groupAlive(pid)) {
    signal('SIGKILL');
    await sleep(200);
  }
  fs.rmSync(pidFile(name), { force: true });
  if (!quiet) console.log(`${c.green('✓')} ${def.title} stopped (pid ${pid})`);
  return true;
}

async function answers(def) {
  try {
    return (await httpGet(def.health, 1000)).status < 500;
  } catch {
    return false;
  }
}

async function status(defs) {
  for (const name of ORDER) {
    const def = defs[name];
    const pid = ourPid(name);
    let answer = 'no answer';
    try {
      answer = `HTTP ${(await httpGet(def.health, 1000)).status}`;
    } catch {
      /* keep */
    }
    console.log(`${pid ? c.green('●') : c.dim('○')} ${def.title.padEnd(15)} ${pid ? `pid ${pid}` : 'not started'}  ${def.health} → ${answer}`);
  }
}

async function main() {
  const [action = 'start', only] = process.argv.slice(2);
  if (!['start', 'stop', 'status', 'restart'].includes(action) || (only && !ORDER.includes(only))) {
    console.error('usage: node scripts/stack.mjs start|stop|restart|status [livekit|service|demo]');
    process.exit(2);
  }
  if (action === 'start' && ensureDotEnv()) console.log(c.dim('→ created .env from .env.example (development settings)'));
  const { merged } = await loadDotEnv();
  const defs = definitions(merged);
  const names = only ? [only] : ORDER;

  if (action === 'status') return status(defs);
  if (action === 'stop' || action === 'restart') {
    for (const name of [...names].reverse()) await stopOne(name, defs[name]);
    if (action === 'stop') return;
  }

  let failed = false;
  const started = [];
  for (const name of names) {
    const def = defs[name];
    if (def.entry && !fs.existsSync(def.entry)) {
      console.log(c.yellow(`! ${def.title} skipped: ${rel(def.entry)} does not exist yet`));
      if (only) failed = true;
      continue;
    }
    if (name === 'livekit' && !ensureLivekitInstalled()) {
      console.error(`${c.red('✗')} the LiveKit server could not be installed (see the message above)`);
      failed = true;
      continue;
    }
    if (name === 'service' && !ensureBuilt('token-service', SERVICE_ENTRY)) {
      console.error(`${c.red('✗')} the token service could not be built`);
      failed = true;
      continue;
    }
    if (name === 'demo' && !ensureBuilt('widget', WIDGET_BUNDLE)) {
      console.error(`${c.red('✗')} demo not started: it serves widget/dist/cdn/, which could not be built`);
      failed = true;
      continue;
    }
    // Started alone, a piece still needs the one before it: say so rather than fail later.
    const needs = { service: 'livekit', demo: 'service' }[name];
    if (only && needs && !(await answers(defs[needs]))) {
      console.log(c.yellow(`! the ${defs[needs].title} is not answering (${defs[needs].health}): the ${def.title} starts, but calls will fail until it runs (npm start runs everything)`));
    }
    if (await startOne(name, def)) started.push(name);
    else failed = true;
  }

  if (started.length) {
    console.log('');
    console.log(c.bold('Urbania Meet dev stack'));
    for (const name of ORDER) if (started.includes(name)) console.log(`  ${defs[name].title.padEnd(15)} ${defs[name].show}`);
    if (started.includes('demo')) console.log(`\n  Open ${c.cyan(defs.demo.url)} and sign in as a demo user (alice, bob, carol, …).`);
    console.log(c.dim(`  Logs in logs/. Stop with: npm stop${only === 'livekit' ? ' (or npm run livekit:stop)' : ''}. Diagnose with: npm run doctor`));
  }
  if (failed) {
    console.error(c.red('\nSomething did not start (see above). `npm run doctor` checks the usual causes.'));
    process.exitCode = 1;
  }
}

main().catch((err) => {
  console.error(c.red(`✗ ${err?.stack ?? err}`));
  process.exit(1);
});
